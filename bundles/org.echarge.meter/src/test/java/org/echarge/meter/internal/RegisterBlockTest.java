package org.echarge.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterBlockTest {

    /** Registers as "address/count", the request limit, the requests as "start+count". */
    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("6/2 8/2 10/2", 125, "6+6"),
                Arguments.of("10/2 6/2 8/2", 125, "6+6"),                     // table order does not matter
                Arguments.of("6/2 8/2 12/2", 125, "6+4 12+2"),                // a gap is never read across
                Arguments.of("0/4 4/1 5/2", 125, "0+7"),                      // mixed lengths
                Arguments.of("6/2 8/2 10/2", 4, "6+4 10+2"),                  // the limit splits
                Arguments.of("6/2 8/2 10/2", 1, "6+2 8+2 10+2"),              // limit 1: one value per request
                Arguments.of("0/4", 2, "0+4"),                                // a value is never split
                Arguments.of("100/2 0/2", 125, "0+2 100+2"),
                Arguments.of("0/2 2/2 4/2 6/2 8/2 10/2 12/2 14/2 16/2 18/2 20/2 22/2", 16, "0+16 16+8"));
    }

    @ParameterizedTest(name = "{0} within {1}: {2}")
    @MethodSource("plans")
    void groupsAdjacentRegisters(String registers, int limit, String requests) {
        Quantity[] quantities = Quantity.values();
        List<MeterRegister> table = new ArrayList<>();
        String[] entries = registers.split(" ");
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].split("/");
            RegisterType type = switch (Integer.parseInt(parts[1])) {
                case 1 -> RegisterType.U16;
                case 2 -> RegisterType.U32;
                default -> RegisterType.U64;
            };
            int address = Integer.parseInt(parts[0]);
            table.add(MeterRegister.of(quantities[i], address, type, WordOrder.HIGH_FIRST, 1, "test"));
        }

        List<RegisterBlock> blocks = RegisterBlock.plan(table, limit);

        assertEquals(requests, String.join(" ", blocks.stream().map(b -> b.start() + "+" + b.count()).toList()));
        assertEquals(table.size(), blocks.stream().mapToInt(b -> b.registers().size()).sum());
    }
}
