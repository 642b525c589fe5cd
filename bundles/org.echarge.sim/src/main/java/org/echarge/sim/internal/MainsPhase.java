package org.echarge.sim.internal;

import java.time.Instant;

/** A phase of the station's supply: about 230 V with a slow wobble and a small drop under load. */
enum MainsPhase {
    L1(230.4),
    L2(229.7),
    L3(231.1);

    private static final double WOBBLE_VOLT = 0.6;
    private static final long WOBBLE_PERIOD_SECONDS = 97;
    private static final double DROP_VOLT_PER_AMPERE = 0.05;

    private final double levelVolt;

    MainsPhase(double levelVolt) {
        this.levelVolt = levelVolt;
    }

    double voltageVolt(Instant at, double currentAmpere) {
        double seconds = at.getEpochSecond() % WOBBLE_PERIOD_SECONDS + at.getNano() / 1e9;
        double wobble = WOBBLE_VOLT * Math.sin(2 * Math.PI * seconds / WOBBLE_PERIOD_SECONDS + 2.1 * ordinal());
        return levelVolt + wobble - DROP_VOLT_PER_AMPERE * currentAmpere;
    }
}
