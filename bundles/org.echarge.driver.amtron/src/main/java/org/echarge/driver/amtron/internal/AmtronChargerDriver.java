package org.echarge.driver.amtron.internal;

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
 * Driver of the Mennekes AMTRON Compact 2.0s and the boxes evcc's template {@code mennekes-compact} lists with it
 * (Mennekes AMTRON 4You 300, Kostal Enector) over Modbus RTU on the gateway's RS485 line. The box answers at unit 50
 * when its DIP switches make it a satellite with Modbus RTU (bank S1: 4 = ON, 5 = ON, 7 = OFF).
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + AmtronChargerDriver.ID)
public final class AmtronChargerDriver implements ChargerDriver {

    static final String ID = "amtron";

    /**
     * 0x0302 takes 6..x A (float), the charging release 0x0D05 pauses and resumes: {@code PAUSE_RESUME}, not
     * {@code ZERO_AMPERE} (0 A is outside the documented range). Metering: currents and powers per phase; total
     * energy, temperature and serial number from layout 1.0.2 (older boxes report them as not measured). Error codes:
     * 0x0E00. No start/stop, no cable unlock (0x0D02 is read-only), no RFID, no EVCCID, no session times.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.PAUSE_RESUME, ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER,
            ChargerCapability.FIRMWARE_VERSION, ChargerCapability.TEMPERATURE, ChargerCapability.ERROR_CODES);

    /**
     * 6..32 A: the 22 kW boxes take 32 A, the 11 kW ones 16 A (the driver writes at most what 0x0306 and the DIP
     * setting 0x0304 allow). The box's heartbeat is written by {@link AmtronCharger#poll()}: callers have no setpoint
     * to rewrite, hence no watchdog in the model. Modbus RTU only; no TCP port.
     */
    static final ChargerModel COMPACT = new ChargerModel("mennekes-amtron-compact", "Mennekes",
            "AMTRON Compact 2.0s (also AMTRON 4You 300, Kostal Enector)", CAPABILITIES, Set.of(Transport.MODBUS_RTU),
            0, 6, 32, AmtronTiming.DEFAULT.pollInterval(), Duration.ZERO);

    /** The address of a box set up as satellite by DIP switch; the configuration tool offers 11..14 besides. */
    static final int DEFAULT_UNIT_ID = 50;

    private final ModbusTransport transport;
    private final Clock clock;
    private final AmtronTiming timing;

    @Activate
    public AmtronChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), AmtronTiming.DEFAULT);
    }

    AmtronChargerDriver(ModbusTransport transport, Clock clock, AmtronTiming timing) {
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
        return List.of(COMPACT);
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        if (!COMPACT.id().equals(modelId)) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'");
        }
        if (address.transport() != Transport.MODBUS_RTU) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "an AMTRON is reached over Modbus RTU on the RS485 line only, not " + address.transport());
        }
        if (address.unitId() < 1 || address.unitId() > 247) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "an AMTRON needs a Modbus address 1..247 (" + DEFAULT_UNIT_ID
                    + " as satellite, 11..14 with the configuration tool), not " + address.unitId());
        }
        return new AmtronCharger(COMPACT, transport.open(address, timing.modbus()), clock, timing,
                "AMTRON " + address);
    }
}
