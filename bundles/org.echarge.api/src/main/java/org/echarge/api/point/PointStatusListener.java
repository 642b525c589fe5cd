package org.echarge.api.point;

/**
 * Whiteboard service: told about every new status of every point (after each poll and each
 * command), so that DLM and KNX react to changes without polling. Called on the point's own
 * thread: return quickly and never block.
 */
@FunctionalInterface
public interface PointStatusListener {

    void statusChanged(PointStatus status);
}
