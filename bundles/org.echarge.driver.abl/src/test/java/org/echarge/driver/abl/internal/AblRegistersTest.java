package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.echarge.driver.abl.internal.AblRegisters.Access;
import org.junit.jupiter.api.Test;

class AblRegistersTest {

    /** fact sheet 8a and section 12: the blocks to read whole, the registers to write one at a time */
    @Test
    void tableIsTheFactSheets() {
        assertEquals("0x0001/2 0x0004/1 0x000F/5 0x002E/5 0x0050/8", describe(Access.READ));
        assertEquals("0x0005/1 0x0014/1", describe(Access.WRITE));
        assertEquals("0x002E (status report)", AblRegisters.STATUS_REPORT.toString());
    }

    private static String describe(Access access) {
        return Arrays.stream(AblRegisters.values()).filter(r -> r.access() == access)
                .map(r -> String.format("0x%04X/%d", r.address(), r.count())).collect(Collectors.joining(" "));
    }
}
