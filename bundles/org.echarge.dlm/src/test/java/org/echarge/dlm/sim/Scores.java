package org.echarge.dlm.sim;

import java.util.Locale;

/** The score table of one scenario. */
final class Scores {

    private Scores() {
    }

    static String format(SiteSimulator.Result dlm, SiteSimulator.Result oracle) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== %s%n", dlm.scenario()));
        out.append(String.format(Locale.ROOT, "  %-32s %10s %10s %10s %10s%n", "vehicle", "wanted kWh", "DLM kWh",
                "unmet kWh", "oracle kWh"));
        for (int i = 0; i < dlm.vehicles().size(); i++) {
            SiteSimulator.VehicleResult v = dlm.vehicles().get(i);
            SiteSimulator.VehicleResult o = oracle.vehicles().get(i);
            out.append(String.format(Locale.ROOT, "  %-32s %10.1f %10.1f %10.1f %10.1f%n", v.name(), v.wantedWh() / 1000,
                    v.deliveredWh() / 1000, v.unmetWh() / 1000, o.deliveredWh() / 1000));
        }
        out.append(String.format(Locale.ROOT, "  delivered %.1f kWh, oracle %.1f kWh: %.1f %%%n", dlm.deliveredWh() / 1000,
                oracle.deliveredWh() / 1000, 100 * dlm.deliveredWh() / oracle.deliveredWh()));
        for (int p = 0; p < 3; p++) {
            out.append(String.format(Locale.ROOT, "  L%d above fuse: %.0f s, %.1f As (oracle %.0f s), not after a load step: %.0f s%n",
                    p + 1, dlm.secondsAbove()[p], dlm.ampereSecondsAbove()[p], oracle.secondsAbove()[p],
                    dlm.unexplainedSecondsAbove()[p]));
        }
        out.append(String.format(Locale.ROOT, "  largest overshoot %.1f A; setpoint changes %d; priority held %s; fairness %.3f%n",
                dlm.largestOvershootAmpere(), dlm.setpointChanges(), dlm.priorityHeld(), dlm.fairness()));
        return out.toString();
    }
}
