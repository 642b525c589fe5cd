package org.echarge.sim.internal;

/** Station status, input register 21. */
enum StationStatus {
    READY(0),
    CHARGING(1),
    /** Register 101 (enable) is 0. */
    PAUSED(2),
    /** The watchdog expired: the fail-safe current is in force. */
    FAILSAFE(3),
    ERROR(4);

    private final int code;

    StationStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
