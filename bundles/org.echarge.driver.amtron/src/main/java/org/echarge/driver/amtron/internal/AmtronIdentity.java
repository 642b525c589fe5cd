package org.echarge.driver.amtron.internal;

/**
 * What the first poll learns about the box.
 *
 * @param evseAmpere the EVSE's maximum as configured at installation (0x0306)
 * @param houseAmpere the installation current set with the DIP switches (0x0304)
 * @param fallback the master-lost fallback (0x030E, layout 1.0.2 on), {@link #FALLBACK_UNKNOWN} before
 */
record AmtronIdentity(AmtronLayout layout, double evseAmpere, double houseAmpere, int fallback, String serialNumber,
        String firmware) {

    static final int FALLBACK_UNKNOWN = -1;
    /** 0x030E = 0: without heartbeat charging continues as before. */
    static final int FALLBACK_CONTINUE = 0;
    /** 0x030E = 1: without heartbeat the box pauses (0 A). */
    static final int FALLBACK_PAUSE = 1;

    /** Whether 0x0304/0x0306 can be the installation and EVSE currents of an AMTRON. */
    static boolean plausible(double houseAmpere, double evseAmpere) {
        return evseAmpere >= 6 && evseAmpere <= 32 && houseAmpere >= 0 && houseAmpere <= 32;
    }

    boolean has(AmtronRegisters register) {
        return register.existsIn(layout);
    }

    /** The most the box takes: the EVSE's maximum, lowered by the DIP setting where that is a charging current. */
    double maxAmpere() {
        return houseAmpere >= 6 ? Math.min(houseAmpere, evseAmpere) : evseAmpere;
    }

    String fallbackText() {
        return switch (fallback) {
            case FALLBACK_UNKNOWN -> "master-lost fallback not readable before layout 1.0.2";
            case FALLBACK_CONTINUE -> "without heartbeat it charges on as before";
            case FALLBACK_PAUSE -> "without heartbeat it pauses";
            default -> "without heartbeat it charges on at " + fallback + " A";
        };
    }
}
