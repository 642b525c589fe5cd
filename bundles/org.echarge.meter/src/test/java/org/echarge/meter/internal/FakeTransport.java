package org.echarge.meter.internal;

import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;

/** Hands out one {@link FakeMeterModbus}, records the addresses; refuses RS485 units as the transport does. */
final class FakeTransport implements ModbusTransport {

    final FakeMeterModbus meter = new FakeMeterModbus();
    final List<DeviceAddress> opened = new ArrayList<>();

    @Override
    public ModbusClient open(DeviceAddress address, ModbusOptions options) {
        if (address.transport().onSerialLine() && (address.unitId() < 1 || address.unitId() > 247)) {
            throw new IllegalArgumentException("a device on the RS485 line needs a Modbus address 1..247, not "
                    + address.unitId() + " (0 is broadcast)");
        }
        opened.add(address);
        return meter;
    }
}
