package org.echarge.driver.abl.internal;

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

/**
 * Driver of ABL eMH1 / eMH2 wallboxes (also SENEC Wallbox pro) on the RS485 line, which must be set to
 * framing ABL_ASCII (38400 baud, 8E1 by evcc's template); default unit id 1.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + AblChargerDriver.ID)
public final class AblChargerDriver implements ChargerDriver {

    static final String ID = "abl";

    /** A poll is two short requests; polling every 5 s also keeps the box's interface from falling asleep. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * 0 A is 0x0014 = 1000, as is the pause. Metering: phase currents only, on boxes with current sensors
     * (no power, no energy counter). No start/stop, unlock, temperature, RFID, EVCCID or session times.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.PAUSE_RESUME, ChargerCapability.METERING,
            ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION, ChargerCapability.ERROR_CODES);

    /**
     * No documented watchdog: state F4 (upstream communication timeout) exists, its timeout is unknown
     * (fact sheet 8a), so callers have none to serve. Port: none, the box is on RS485 only.
     */
    static final ChargerModel MODEL = new ChargerModel("abl-emh", "ABL", "eMH1 / eMH2 (RS485)", CAPABILITIES,
            Set.of(Transport.MODBUS_ASCII), 0, 6, 32, POLL_INTERVAL, Duration.ZERO);

    /** An answer of about 30 characters takes 8 ms at 38400 baud; the box needs no pause between requests. */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(1), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final ModbusOptions timing;

    @Activate
    public AblChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), TIMING);
    }

    AblChargerDriver(ModbusTransport transport, Clock clock, ModbusOptions timing) {
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
        return List.of(MODEL);
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        if (!MODEL.id().equals(modelId)) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'");
        }
        if (address.transport() != Transport.MODBUS_ASCII) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "an ABL " + MODEL.name() + " is reached on the RS485 line"
                    + " (MODBUS_ASCII, line framing ABL_ASCII), not over " + address.transport());
        }
        return new AblCharger(transport.open(address, timing), clock);
    }
}
