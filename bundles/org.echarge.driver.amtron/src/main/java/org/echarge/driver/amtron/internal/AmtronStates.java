package org.echarge.driver.amtron.internal;

import java.util.Optional;

import org.echarge.api.point.PointState;

/**
 * Maps the AMTRON's EVSE state (0x0100) onto the gateway states, refined by the CP state (0x0108, layout 1.0.2 on)
 * and by what the box reports about its own limits: the downgrade input, the master-lost fallback and the lock.
 */
final class AmtronStates {

    static final int NOT_INITIALISED = 0;
    static final int IDLE = 1;
    static final int EV_CONNECTED = 2;
    static final int PRECONDITIONS_VALID = 3;
    static final int READY_TO_CHARGE = 4;
    static final int CHARGING = 5;
    static final int ERROR = 6;
    static final int SERVICE_MODE = 7;

    /** CP states of 0x0108; -1 where the layout has no such register. */
    static final int CP_UNKNOWN = -1;
    static final int CP_A1 = 10;
    static final int CP_D1 = 13;
    static final int CP_A2 = 26;
    static final int CP_B1 = 11;
    static final int CP_B2 = 27;
    static final int CP_D2 = 29;

    /**
     * What else the box says besides its state.
     *
     * @param cpState 0x0108, or {@link #CP_UNKNOWN}
     * @param reduced the box lowers the current itself: downgrade input (0x0102 = 2) or master-lost fallback
     * @param blocked the box itself prevents charging: locked (0x0D06 = 1), or paused by its master-lost fallback
     */
    record Conditions(int cpState, boolean reduced, boolean blocked) {

        static final Conditions NONE = new Conditions(CP_UNKNOWN, false, false);
    }

    private AmtronStates() {
    }

    static PointState map(int evseState, Conditions conditions) {
        return switch (evseState) {
            case NOT_INITIALISED -> PointState.START_UP;
            case IDLE, EV_CONNECTED, PRECONDITIONS_VALID, READY_TO_CHARGE -> conditions.blocked()
                    ? PointState.INTERRUPTION
                    : evseState == IDLE ? PointState.AVAILABLE : PointState.CONNECTED;
            case CHARGING -> conditions.cpState() == CP_D2 ? PointState.CHARGE_VENTILATION
                    : conditions.reduced() ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            // the maker's code is in 0x0E00; evcc also sees 6 after a restart of the box, until the energy
            // manager writes its setpoint and release again (evcc PR 20579)
            case ERROR -> PointState.ERROR;
            // the installer's configuration tool has the box
            case SERVICE_MODE -> PointState.NOT_AVAILABLE;
            default -> PointState.ILLEGAL;
        };
    }

    /**
     * Whether a vehicle is plugged in; empty where neither the EVSE state nor the CP state says (not initialised,
     * error, service mode, CP E/F, unknown codes).
     */
    static Optional<Boolean> vehicleConnected(int evseState, int cpState) {
        if (evseState == IDLE) {
            return Optional.of(false);
        }
        if (evseState >= EV_CONNECTED && evseState <= CHARGING) {
            return Optional.of(true);
        }
        if (cpState == CP_A1 || cpState == CP_A2) {
            return Optional.of(false);
        }
        if (cpState >= CP_B1 && cpState <= CP_D1 || cpState >= CP_B2 && cpState <= CP_D2) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    static boolean charging(int evseState) {
        return evseState == CHARGING;
    }
}
