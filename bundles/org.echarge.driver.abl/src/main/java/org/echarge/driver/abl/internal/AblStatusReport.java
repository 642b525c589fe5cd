package org.echarge.driver.abl.internal;

/**
 * The status report block 0x002E..0x0032 (function 3, 5 registers).
 *
 * @param state the state code (low byte of 0x002E)
 * @param ucp flag bit 15 of 0x002F, set while a car is connected (see {@link AblStates#vehicleConnected})
 * @param reduced flag bit 14 of 0x002F: duty cycle reduced
 * @param currentL1 current in A; registers 0x0032, 0x0031, 0x0030 hold L1, L2, L3
 */
record AblStatusReport(int state, boolean ucp, boolean reduced, double currentL1, double currentL2, double currentL3) {

    private static final int UCP = 0x8000;
    private static final int REDUCED = 0x4000;

    /** The words of one read of {@link AblRegisters#STATUS_REPORT}, the address echo checked by the caller. */
    static AblStatusReport of(int[] words) {
        return new AblStatusReport(words[0] & 0xFF, (words[1] & UCP) != 0, (words[1] & REDUCED) != 0, ampere(words[4]),
                ampere(words[3]), ampere(words[2]));
    }

    /**
     * 0.1 A. Phase order as evcc and the goingelectric write-up have it (0x0032 = L1); the esphome component
     * reads it the other way round. The recorded report of a car charging on one phase has its 15.0 A in
     * 0x0032, and single-phase cars charge on L1. 0x03E8 and 1 mean "no value" (evcc): 0 A.
     */
    private static double ampere(int deciAmpere) {
        return deciAmpere == 1000 || deciAmpere == 1 ? 0 : deciAmpere / 10.0;
    }
}
