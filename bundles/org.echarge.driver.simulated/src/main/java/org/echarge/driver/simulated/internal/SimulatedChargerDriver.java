package org.echarge.driver.simulated.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Driver of the simulated e-charge SIM-1 station used by the demo site and the tests. */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + SimulatedChargerDriver.ID)
public final class SimulatedChargerDriver implements ChargerDriver {

    static final String ID = "simulated";

    static final ChargerModel SIM_1 = new ChargerModel("simulated-sim1", "e-charge", "SIM-1 simulated station",
            EnumSet.of(ChargerCapability.SET_CURRENT, ChargerCapability.ZERO_AMPERE, ChargerCapability.PAUSE_RESUME,
                    ChargerCapability.UNLOCK, ChargerCapability.METERING, ChargerCapability.EVCCID,
                    ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION,
                    ChargerCapability.TEMPERATURE, ChargerCapability.RFID, ChargerCapability.ERROR_CODES),
            Set.of(Transport.MODBUS_TCP), 502, 6, 32, Duration.ofSeconds(1), Duration.ofSeconds(15));

    private static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(1), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;

    @Activate
    public SimulatedChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC());
    }

    SimulatedChargerDriver(ModbusTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ChargerModel> models() {
        return List.of(SIM_1);
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        if (!SIM_1.id().equals(modelId)) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'");
        }
        if (!SIM_1.transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "SIM-1 is reached over Modbus TCP only, not " + address.transport());
        }
        return new SimulatedCharger(SIM_1, transport.open(address, TIMING), clock);
    }
}
