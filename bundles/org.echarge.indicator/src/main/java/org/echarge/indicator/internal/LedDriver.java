package org.echarge.indicator.internal;

import org.echarge.api.indicator.IndicatorState;

/** Lights the configured LEDs (null: not driven) step by step. Called from one thread. */
final class LedDriver {

    private final SysfsLed programming;
    private final SysfsLed app;
    private final SysfsLed com;
    private long step;

    LedDriver(SysfsLed programming, SysfsLed app, SysfsLed com) {
        this.programming = programming;
        this.app = app;
        this.com = com;
    }

    boolean drivesAny() {
        return programming != null || app != null || com != null;
    }

    void step(IndicatorState state) {
        show(programming, Blink.lit(state.programming(), false, step));
        show(app, Blink.lit(state.app(), false, step));
        show(com, Blink.lit(state.com(), true, step));
        step++;
    }

    private static void show(SysfsLed led, boolean on) {
        if (led != null) {
            led.show(on);
        }
    }
}
