package org.echarge.meter.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A register that names the model, read (with the map's function code) once per connection before the first
 * reading; a device that names another model is the wrong device.
 *
 * @param mismatch what is wrong with the words read, empty when they name the configured model
 */
record IdentityCheck(int address, int count, String meaning, Function<int[], Optional<String>> mismatch) {

    IdentityCheck {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(mismatch, "mismatch");
        if (count < 1 || count > RegisterBlock.MODBUS_MAX_REGISTERS) {
            throw new IllegalArgumentException("identity: 1.." + RegisterBlock.MODBUS_MAX_REGISTERS + " registers");
        }
    }

    @Override
    public String toString() {
        return meaning + " at register " + address;
    }
}
