package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.config.internal.ProposedSet;
import org.junit.jupiter.api.Test;

/** The RS485 line's rules for a proposed configuration are the ones the transport applies. */
class Rs485LineValidatorTest {

    private final Rs485LineValidator validator = new Rs485LineValidator();

    private List<ConfigurationProblem> validate(Map<String, Object> properties) {
        return validator.validate(new ProposedSet(List.of(ProposedSet.entry(ModbusTransportService.RS485_PID, null,
                null, properties, Rs485LineConfig.class))));
    }

    @Test
    void aLineTheTransportRefusesIsRefusedNamingEachSetting() {
        List<ConfigurationProblem> problems = validate(Map.of("portPath", "ttyUSB0", "baudRate", 12345,
                "framing", "RTU", "dataBits", 7, "timeoutMillis", "x"));
        assertEquals(List.of("portPath", "timeoutMillis", "baudRate", "dataBits").stream().sorted().toList(),
                problems.stream().map(ConfigurationProblem::attribute).sorted().toList());
        assertEquals("org.echarge.modbus.rs485", problems.get(0).pid());
    }

    @Test
    void aValidLineOrNoneAtAllPasses() {
        assertEquals(List.of(), validate(Map.of("portPath", "/dev/ttyUSB0", "baudRate", "57600", "parity", "NONE",
                "stopBits", 2)));
        assertEquals(List.of(), validator.validate(new ProposedSet(List.of())));
    }
}
