package org.echarge.driver.heidelberg.internal;

import java.util.List;
import java.util.Optional;

import org.echarge.api.point.PointState;

/**
 * Maps the Energy Control's charging state (input register 5, IEC 61851 letters plus its own states) onto the
 * gateway states. The digit says whether the box offers current: "1" no (261 = 0, or not released), "2" yes.
 */
final class HeidelbergStates {

    static final int A1 = 2;
    static final int A2 = 3;
    static final int B1 = 4;
    static final int B2 = 5;
    static final int C1 = 6;
    static final int C2 = 7;
    static final int DERATING = 8;
    static final int E = 9;
    static final int F = 10;
    static final int ERROR = 11;

    private HeidelbergStates() {
    }

    static PointState map(long state) {
        return switch ((int) Math.min(state, Integer.MAX_VALUE)) {
            case A1, A2 -> PointState.AVAILABLE;
            // C1: the car asks for current the box does not offer (paused at 0 A): no current flows. evcc counts
            // it as charging; the fact sheet's IEC model (section 0.1) and this driver as "connected".
            case B1, B2, C1 -> PointState.CONNECTED;
            case C2 -> PointState.CHARGE;
            // the box lowers the current itself (temperature)
            case DERATING -> PointState.CHARGE_REDUCED;
            // E: CP short or no supply; F: watchdog lapse or remote lock (259 = 0), about 10 s to recover
            case E, F, ERROR -> PointState.ERROR;
            default -> PointState.ILLEGAL;
        };
    }

    /** Whether a vehicle is plugged in; empty where the state does not say (E, F, error, unknown codes). */
    static Optional<Boolean> vehicleConnected(long state) {
        if (state == A1 || state == A2) {
            return Optional.of(false);
        }
        if (state >= B1 && state <= DERATING) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    static boolean charging(long state) {
        return state == C2 || state == DERATING;
    }

    /** The box has no error register: in E, F and error the state code itself is the maker's code. */
    static List<Long> errorCodes(long state) {
        return state >= E && state <= ERROR ? List.of(state) : List.of();
    }
}
