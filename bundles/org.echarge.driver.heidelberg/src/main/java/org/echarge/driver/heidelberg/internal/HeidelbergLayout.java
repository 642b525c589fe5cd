package org.echarge.driver.heidelberg.internal;

/**
 * The register-layout version of input register 4, read as hex: high byte major, then one nibble each for
 * minor and patch (0x0100 = 1.0.0, 0x0107 = 1.0.7). Newer layouts add registers; an older box answers
 * exception 2 for the ones it lacks, so the driver reads only what the box's layout has.
 */
record HeidelbergLayout(int raw) {

    /** The first layout. */
    static final HeidelbergLayout V1_0_0 = new HeidelbergLayout(0x0100);
    /** Hardware variant (200). */
    static final HeidelbergLayout V1_0_3 = new HeidelbergLayout(0x0103);
    /** Power and energy since power-on (14..16). */
    static final HeidelbergLayout V1_0_4 = new HeidelbergLayout(0x0104);
    /** Application software version (203). */
    static final HeidelbergLayout V1_0_5 = new HeidelbergLayout(0x0105);
    /** Energy since installation (17..18). */
    static final HeidelbergLayout V1_0_7 = new HeidelbergLayout(0x0107);

    int major() {
        return raw >>> 8 & 0xFF;
    }

    int minor() {
        return raw >>> 4 & 0xF;
    }

    int patch() {
        return raw & 0xF;
    }

    /**
     * The Energy Control's layouts are 1.x.y. Layout 2.x (0x02xx, reported for Amperfied's "connect" series)
     * and anything else is another product.
     */
    boolean energyControl() {
        return major() == 1;
    }

    boolean atLeast(HeidelbergLayout other) {
        return raw >= other.raw;
    }

    @Override
    public String toString() {
        return major() + "." + minor() + "." + patch();
    }
}
