package org.echarge.meter.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;

/**
 * A meter model and its register map.
 *
 * @param defaultUnitId the Modbus address the meter ships with ({@link MeterModel} has no field for it yet)
 */
record MeterDefinition(MeterModel model, RegisterMap registers, int defaultUnitId) {

    /**
     * An RS485 meter: Modbus RTU on the gateway's line, or Modbus TCP through a Modbus TCP/RTU gateway
     * (the unit id is then the meter's RS485 address). None of the preconfigured meters speaks ASCII.
     */
    static final Set<Transport> RTU_OR_TCP_GATEWAY = Set.of(Transport.MODBUS_RTU, Transport.MODBUS_TCP);

    static final int DEFAULT_TCP_PORT = 502;

    MeterDefinition {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(registers, "registers");
    }

    /** Opens the meter at the address; does no I/O. The transport's default timeout applies. */
    ElectricityMeter open(ModbusTransport transport, DeviceAddress address, Clock clock) throws DeviceException {
        String meter = model.manufacturer() + " " + model.name();
        if (!model.transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED, meter + " is reached over "
                    + model.transports().stream().sorted().toList() + ", not " + address.transport());
        }
        ModbusClient client;
        try {
            client = transport.open(address, ModbusOptions.DEFAULT);
        } catch (IllegalArgumentException e) { // an RS485 address outside 1..247
            throw new DeviceException(Kind.NOT_SUPPORTED, meter + ": " + e.getMessage());
        }
        return new ModbusMeter(model, registers, client, clock);
    }
}
