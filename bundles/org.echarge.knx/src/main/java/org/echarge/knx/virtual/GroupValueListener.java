package org.echarge.knx.virtual;

/** Hears a participant's group telegrams; must not block (it delays the participant's later telegrams). */
@FunctionalInterface
public interface GroupValueListener {

    void received(GroupValue value);
}
