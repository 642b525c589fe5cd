package org.echarge.driver.abl.internal;

import java.util.Locale;

/**
 * Register map of the ABL eMH1 / eMH2 (and SENEC Wallbox pro) on RS485, from the project's charger fact
 * sheet (chargers-and-meters.md, section 8a), which reads evcc charger/abl.go, jrv/esphome-abl-emh1 and the
 * goingelectric.de write-up collected in raibisch/ESP32_ABL doc/knowhow.txt. ABL's own document is
 * "Schnittstellenbeschreibung Modbus-ASCII" for the eMH1 (ablmobility.de). Frames are ABL's ASCII dialect
 * (the RS485 line's framing ABL_ASCII). Reads are function 3 of exactly the block below: the box does not
 * answer other lengths (knowhow). Writes are function 16 of one register; no source uses function 6. "echo": the
 * high byte of a block's first register is the block's address.
 */
enum AblRegisters {
    IDENTIFICATION(0x0001, 2, Access.READ, "echo, 3 identification bytes; bit 5 of the last: current sensors"),
    STATUS(0x0004, 1, Access.READ, "echo, state code"),
    MODIFY_STATE(0x0005, 1, Access.WRITE, "0xE0E0 outlet off (E0), 0xA1A1 on again (A1), 0x5A5A restart"),
    CURRENT_SETTINGS(0x000F, 5, Access.READ, "echo; limit, setting, preset (= 0x0014), in force: duty, low 12 bits"),
    SET_CURRENT(0x0014, 1, Access.WRITE, "duty cycle in 0.1 % (A / 0.06), 100..850; 1000 = no charging"),
    STATUS_REPORT(0x002E, 5, Access.READ, "echo, state; UCP/reduced/EN2/EN1 + duty in force; L3, L2, L1 in 0.1 A"),
    SERIAL_NUMBER(0x0050, 8, Access.READ, "2 bytes, then the serial number in ASCII, blank-padded");

    enum Access {
        /** Function code 3 of the whole block. */
        READ,
        /** Function code 16 of one register. */
        WRITE
    }

    private final int address;
    private final int count;
    private final Access access;
    private final String meaning;

    AblRegisters(int address, int count, Access access, String meaning) {
        this.address = address;
        this.count = count;
        this.access = access;
        this.meaning = meaning;
    }

    int address() {
        return address;
    }

    /** The number of registers a read must ask for. */
    int count() {
        return count;
    }

    Access access() {
        return access;
    }

    String meaning() {
        return meaning;
    }

    /**
     * The box puts the address of a block into the high byte of its first register (knowhow; esphome checks
     * it for 0x002E). Unknown for the serial number block, so not checked there.
     */
    boolean echoesAddress() {
        return access == Access.READ && this != SERIAL_NUMBER;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "0x%04X (%s)", address, name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
