package org.echarge.api;

/** A line conductor of the three-phase supply. */
public enum Phase {
    L1, L2, L3
}
