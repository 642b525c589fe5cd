package org.echarge.dlm.internal;

/** What DLM does when even the minimum currents of the waiting vehicles do not fit. */
public enum Strategy {
    /** Charge as many vehicles at their minimum as fit, prioritised first, the others in turn. */
    ROTATE,
    /** As the reference device: no point charges until all minimums fit again. */
    INTERRUPT_ALL
}
