package org.echarge.driver.amtron.internal;

/**
 * The Modbus register layout version of register 0x0000 ("Internal Modbus Register Layout Version", V1.0.0 =
 * 0x100, V1.0.1 = 0x101): high byte major, then one nibble each for minor and patch. Mennekes marks every register
 * with the layout it is "available at"; the driver reads only what the box's layout has.
 */
record AmtronLayout(int raw) {

    /** The first layout: state, setpoint, release, heartbeat, measurements, error code. */
    static final AmtronLayout V1_0_0 = new AmtronLayout(0x0100);
    /** Phase options of the hardware (0x030C). */
    static final AmtronLayout V1_0_1 = new AmtronLayout(0x0101);
    /**
     * MCU software 1.5: serial number, CP state, temperature, master-lost fallback, total energy (document revision
     * 1.2, section 1).
     */
    static final AmtronLayout V1_0_2 = new AmtronLayout(0x0102);

    int major() {
        return raw >>> 8 & 0xFF;
    }

    int minor() {
        return raw >>> 4 & 0xF;
    }

    int patch() {
        return raw & 0xF;
    }

    /** The specification knows layouts 1.x.y only; anything else is another device. */
    boolean amtron() {
        return major() == 1;
    }

    boolean atLeast(AmtronLayout other) {
        return raw >= other.raw;
    }

    @Override
    public String toString() {
        return major() + "." + minor() + "." + patch();
    }
}
