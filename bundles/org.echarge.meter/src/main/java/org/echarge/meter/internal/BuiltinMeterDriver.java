package org.echarge.meter.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterDriver;
import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The preconfigured meters: the installer selects the model and enters only the address. */
@Component(service = MeterDriver.class, property = MeterDriver.DRIVER_ID + "=" + BuiltinMeterDriver.ID)
public final class BuiltinMeterDriver implements MeterDriver {

    static final String ID = "builtin";

    static final List<MeterDefinition> METERS = List.of(EastronRegisters.SDM630_METER,
            EastronRegisters.SDM72D_M_V2_METER, AbbRegisters.B23_B24_METER, CarloGavazziRegisters.EM340_METER,
            CarloGavazziRegisters.EM24_METER, JanitzaRegisters.B23_METER);

    private final ModbusTransport transport;
    private final Clock clock;

    @Activate
    public BuiltinMeterDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC());
    }

    BuiltinMeterDriver(ModbusTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MeterModel> models() {
        return METERS.stream().map(MeterDefinition::model).toList();
    }

    @Override
    public ElectricityMeter open(String modelId, DeviceAddress address) throws DeviceException {
        return definition(modelId).orElseThrow(() -> new DeviceException(Kind.NOT_SUPPORTED,
                "meter driver '" + ID + "' has no model '" + modelId + "'")).open(transport, address, clock);
    }

    static Optional<MeterDefinition> definition(String modelId) {
        return METERS.stream().filter(meter -> meter.model().id().equals(modelId)).findFirst();
    }
}
