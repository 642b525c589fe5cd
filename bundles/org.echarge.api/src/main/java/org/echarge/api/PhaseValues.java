package org.echarge.api;

/**
 * One quantity per phase plus its total, in the unit named by the field that holds it
 * ({@code currentAmpere}, {@code powerWatt}, ...). {@code NaN} means "not measured".
 */
public record PhaseValues(double l1, double l2, double l3, double total) {

    public static final PhaseValues NOT_MEASURED = new PhaseValues(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Per-phase values whose total is their sum. */
    public static PhaseValues of(double l1, double l2, double l3) {
        return new PhaseValues(l1, l2, l3, l1 + l2 + l3);
    }

    /** Only a total is known (e.g. a charger that reports the summed power only). */
    public static PhaseValues totalOnly(double total) {
        return new PhaseValues(Double.NaN, Double.NaN, Double.NaN, total);
    }

    public double get(Phase phase) {
        return switch (phase) {
            case L1 -> l1;
            case L2 -> l2;
            case L3 -> l3;
        };
    }

    public boolean perPhaseMeasured() {
        return !Double.isNaN(l1) && !Double.isNaN(l2) && !Double.isNaN(l3);
    }

    public boolean totalMeasured() {
        return !Double.isNaN(total);
    }
}
