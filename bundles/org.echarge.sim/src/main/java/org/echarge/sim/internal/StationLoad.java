package org.echarge.sim.internal;

/** A simulated station as the simulated house meter sees it. */
public interface StationLoad {

    /** What the station draws now, per building phase L1..L3, in A. */
    double[] buildingAmpere();
}
