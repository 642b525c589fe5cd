package org.echarge.api.fault;

/** The APP indicator pattern for the highest present fault (spec section 8). */
public enum FaultIndicator {
    NONE,
    /** Three slow flashes: severity 60 to 110. */
    THREE_FLASH,
    /** Five slow flashes: severity 120 to 130. */
    FIVE_FLASH;

    public static FaultIndicator forSeverity(int severity) {
        if (severity >= 120) {
            return FIVE_FLASH;
        }
        return severity >= 60 ? THREE_FLASH : NONE;
    }
}
