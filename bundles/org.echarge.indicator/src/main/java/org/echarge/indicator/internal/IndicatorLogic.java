package org.echarge.indicator.internal;

import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.Pattern;

/** Spec section 8 as a function: the gateway's condition in, the three indicators out. */
final class IndicatorLogic {

    private IndicatorLogic() {
    }

    static IndicatorState of(GatewayCondition condition) {
        Pattern programming = condition.programmingMode() ? Pattern.ON : Pattern.OFF;
        if (condition.firmwareRestore()) {
            return new IndicatorState(programming, Pattern.ALTERNATING, Pattern.ALTERNATING,
                    "the new firmware failed to start; the previous one was restored (see the console's firmware update)");
        }
        Pattern com = switch (condition.knx()) {
            case NONE -> Pattern.OFF;
            case CONNECTED -> Pattern.ON;
            case TRAFFIC -> Pattern.FLICKER;
        };
        if (condition.applicationFailed()) {
            return new IndicatorState(programming, Pattern.RAPID_FLASH, com, "the application cannot start");
        }
        if (!condition.started()) {
            return new IndicatorState(programming, Pattern.OFF, com, "starting");
        }
        if (!condition.configured()) {
            return new IndicatorState(programming, Pattern.SLOW_FLASH, com, "not configured");
        }
        int severity = condition.highestSeverity();
        if (severity >= 120) {
            return new IndicatorState(programming, Pattern.FIVE_FLASHES, com, "fault " + condition.faultCode());
        }
        if (severity >= 60) {
            return new IndicatorState(programming, Pattern.THREE_FLASHES, com, "fault " + condition.faultCode());
        }
        return new IndicatorState(programming, Pattern.ON, com, "normal operation");
    }
}
