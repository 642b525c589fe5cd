package org.echarge.driver.heidelberg.internal;

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
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Driver of the Heidelberg Energy Control (also sold as Amperfied Energy Control, SENEC Wallbox pro s, Walther
 * basicEVO Pro) over Modbus RTU on the gateway's RS485 line; the unit id is set on the box with DIP switch S4.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + HeidelbergChargerDriver.ID)
public final class HeidelbergChargerDriver implements ChargerDriver {

    static final String ID = "heidelberg";

    /**
     * 261 takes 0 (stop) or 6..16 A in 0.1 A. No pause command besides 0 A, no start/stop, no cable unlock, no
     * RFID, no EVCCID, no session times. The maker's codes are the error states (E, F, error) themselves.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER,
            ChargerCapability.FIRMWARE_VERSION, ChargerCapability.TEMPERATURE, ChargerCapability.ERROR_CODES);

    /**
     * The box's watchdog (257) is fed by any request, so {@link HeidelbergCharger#poll()} feeds it: callers have no
     * setpoint to rewrite, hence no watchdog in the model. Modbus RTU only; no TCP port.
     */
    static final ChargerModel ENERGY_CONTROL = new ChargerModel("heidelberg-energy-control", "Heidelberg (Amperfied)",
            "Energy Control", CAPABILITIES, Set.of(Transport.MODBUS_RTU), 0, 6, 16,
            HeidelbergTiming.DEFAULT.pollInterval(), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final HeidelbergTiming timing;

    @Activate
    public HeidelbergChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), HeidelbergTiming.DEFAULT);
    }

    HeidelbergChargerDriver(ModbusTransport transport, Clock clock, HeidelbergTiming timing) {
        this.transport = transport;
        this.clock = clock;
        this.timing = timing;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ChargerModel> models() {
        return List.of(ENERGY_CONTROL);
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        if (!ENERGY_CONTROL.id().equals(modelId)) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'");
        }
        if (address.transport() != Transport.MODBUS_RTU) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "the Energy Control is reached over Modbus RTU on the RS485 line only, not " + address.transport());
        }
        if (address.unitId() < 1 || address.unitId() > 247) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "an Energy Control needs a Modbus address 1..247 (DIP switch S4), not " + address.unitId());
        }
        return new HeidelbergCharger(ENERGY_CONTROL, transport.open(address, timing.modbus()), clock, timing,
                "Energy Control " + address);
    }
}
