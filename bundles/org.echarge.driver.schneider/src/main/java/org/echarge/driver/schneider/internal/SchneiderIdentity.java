package org.echarge.driver.schneider.internal;

import static org.echarge.driver.schneider.internal.SchneiderRegisters.*;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.RegisterText;

/**
 * What the first poll learns about the station, and the check that an EVlink Pro AC answers: its state (1)
 * is one of the document's, its life bit (4000) one of 0/1/2, and its commercial reference (4060..4069) an
 * EVlink Pro AC reference, EVB3... (EVB3S07N4, EVB3S22N4, ...).
 *
 * @param commercialReference null where the firmware does not report one (all 0xFFFF)
 * @param firmware "major.minor.build" from 1212..1214, null where not reported
 * @param model the raw value of 4040 (its encoding is not documented), for the log
 */
record SchneiderIdentity(String commercialReference, String firmware, long model) {

    /** The commercial references of the EVlink Pro AC family start so. */
    static final String REFERENCE_PREFIX = "EVB3";

    static SchneiderIdentity of(SchneiderBlock.Values state, SchneiderBlock.Values control,
            SchneiderBlock.Values identification, SchneiderBlock.Values firmware) throws DeviceException {
        long evState = state.integer(EV_STATE);
        if (evState > SchneiderStates.HIGHEST) {
            // an EVlink Wallbox G4 Smart answers 117 here (evcc #14883): another register map
            throw new DeviceException(Kind.WRONG_DEVICE, "register 1 reads " + evState
                    + ", not an EVlink Pro AC state (0.." + SchneiderStates.HIGHEST + ")");
        }
        long lifeBit = control.integer(LIFE_BIT);
        if (lifeBit > SchneiderKeepAlive.DEACTIVATED) {
            throw new DeviceException(Kind.WRONG_DEVICE,
                    "register 4000 reads " + lifeBit + ", not an EVlink Pro AC life bit (0, 1 or 2)");
        }
        String reference = commercialReference(identification);
        if (reference != null && !reference.startsWith(REFERENCE_PREFIX)) {
            throw new DeviceException(Kind.WRONG_DEVICE, "commercial reference '" + reference
                    + "' (registers 4060..4069) is not an EVlink Pro AC (" + REFERENCE_PREFIX + "...)");
        }
        return new SchneiderIdentity(reference, firmware(firmware), identification.integer(MODEL));
    }

    /**
     * The reference as text, or null when all ten registers read 0xFFFF. The sources do not say which
     * character of a register comes first (RegisterText names Schneider among the devices that put the low
     * byte first), so the order that yields an EVlink Pro AC reference is taken.
     */
    static String commercialReference(SchneiderBlock.Values identification) {
        if (identification.unavailable(COMMERCIAL_REFERENCE)) {
            return null;
        }
        String highFirst = identification.text(COMMERCIAL_REFERENCE, RegisterText.ByteOrder.HIGH_FIRST);
        if (highFirst.startsWith(REFERENCE_PREFIX)) {
            return highFirst;
        }
        String lowFirst = identification.text(COMMERCIAL_REFERENCE, RegisterText.ByteOrder.LOW_FIRST);
        return lowFirst.startsWith(REFERENCE_PREFIX) ? lowFirst : highFirst;
    }

    private static String firmware(SchneiderBlock.Values firmware) {
        if (firmware.unavailable(FIRMWARE_MAJOR)) {
            return null;
        }
        return firmware.integer(FIRMWARE_MAJOR) + "." + firmware.integer(FIRMWARE_MINOR) + "."
                + firmware.integer(FIRMWARE_BUILD);
    }
}
