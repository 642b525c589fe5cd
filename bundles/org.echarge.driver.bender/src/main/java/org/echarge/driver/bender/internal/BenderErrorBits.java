package org.echarge.driver.bender.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bits of the error registers 111 and 112, as OpenEMS names them
 * ({@code AbstractEvseChargePointBender}, bit by bit of each 16-bit register). Each non-zero register is
 * one maker error code for the gateway: {@code 0x111_0000} or {@code 0x112_0000} plus its bits, so the
 * hexadecimal text names the register ("0x1120040": register 112, bit 6, contactor weld).
 */
enum BenderErrorBits {
    ACTUATOR_UNLOCKED_WHILE_CHARGING(111, 0),
    TILT_PREVENTS_CHARGING_UNTIL_REBOOT(111, 1),
    PIC24(111, 2),
    USB_STICK_HANDLING(111, 3),
    INCORRECT_PHASE_INSTALLATION(111, 4),
    NO_POWER(111, 5),
    RCMB_TRIGGERED(112, 0),
    VEHICLE_STATE_E(112, 1),
    MODE3_DIODE_CHECK(112, 2),
    MCB_TYPE2_TRIGGERED(112, 3),
    MCB_SCHUKO_TRIGGERED(112, 4),
    RCD_TRIGGERED(112, 5),
    CONTACTOR_WELD(112, 6),
    /**
     * The OCPP back office is not reachable. Not a fault of the charger (it charges on), and the usual
     * case of a gateway-controlled station without a back office: logged, not reported as an error code.
     */
    BACKEND_DISCONNECTED(112, 7),
    ACTUATOR_LOCKING_FAILED(112, 8),
    ACTUATOR_LOCKING_WITHOUT_PLUG_FAILED(112, 9),
    ACTUATOR_STUCK(112, 10),
    ACTUATOR_DETECTION_FAILED(112, 11),
    FIRMWARE_UPDATE_RUNNING(112, 12),
    TILT(112, 13),
    WRONG_CP_PR_WIRING(112, 14),
    TYPE2_OVERLOAD_THRESHOLD_2(112, 15);

    private final int register;
    private final int bit;

    BenderErrorBits(int register, int bit) {
        this.register = register;
        this.bit = bit;
    }

    int mask() {
        return 1 << bit;
    }

    /** The maker error codes of one read of 111 and 112: one per register with a fault bit set. */
    static List<Long> codes(long bits111, long bits112) {
        List<Long> codes = new ArrayList<>(2);
        long faults112 = bits112 & ~BACKEND_DISCONNECTED.mask();
        if (bits111 != 0) {
            codes.add(0x111_0000L | bits111);
        }
        if (faults112 != 0) {
            codes.add(0x112_0000L | faults112);
        }
        return codes;
    }

    /** The names of the bits set, e.g. "112 contactor weld", for the log; unnamed bits by number. */
    static List<String> names(int register, long bits) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 16; bit++) {
            if ((bits & 1L << bit) == 0) {
                continue;
            }
            int b = bit;
            names.add(Arrays.stream(values()).filter(e -> e.register == register && e.bit == b).findFirst()
                    .map(e -> register + " " + e.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .orElse(register + " bit " + bit));
        }
        return names;
    }
}
