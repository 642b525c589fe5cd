package org.echarge.driver.abb.internal;

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
 * Driver of the ABB Terra AC wallbox (TACW) as a Modbus secondary ("Load Balance" set to a local controller in
 * TerraConfig), over Modbus TCP or Modbus RTU on the gateway's RS485 line; unit id 1 unless set otherwise in
 * TerraConfig.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + AbbChargerDriver.ID)
public final class AbbChargerDriver implements ChargerDriver {

    static final String ID = "abb";

    /**
     * 4100h takes mA; below 6 A the box pauses, so 0 A is the pause ({@link ChargerCapability#ZERO_AMPERE}, no
     * separate {@link ChargerCapability#PAUSE_RESUME}). Start/stop (4105h) and the cable lock (4103h, socket
     * versions) are commands of the box. Metering is per-phase current, total power and the session's energy
     * (no lifetime counter). No temperature, RFID, EVCCID or session times over Modbus.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.START_STOP, ChargerCapability.UNLOCK,
            ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION,
            ChargerCapability.ERROR_CODES);

    /**
     * The box's communication supervision is fed by reads, so {@link AbbCharger#poll()} feeds it: callers have no
     * setpoint to rewrite, hence no watchdog in the model. 6..32 A (a box allows at most what 4006h says).
     */
    static final ChargerModel TERRA_AC = new ChargerModel("abb-terra-ac", "ABB", "Terra AC wallbox (TACW)",
            CAPABILITIES, Set.of(Transport.MODBUS_TCP, Transport.MODBUS_RTU), 502, 6, 32,
            AbbTiming.DEFAULT.pollInterval(), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final AbbTiming timing;

    @Activate
    public AbbChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), AbbTiming.DEFAULT);
    }

    AbbChargerDriver(ModbusTransport transport, Clock clock, AbbTiming timing) {
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
        return List.of(TERRA_AC);
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        if (!TERRA_AC.id().equals(modelId)) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'");
        }
        if (!TERRA_AC.transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "a Terra AC is reached over Modbus TCP or Modbus RTU, not " + address.transport());
        }
        if (address.transport() == Transport.MODBUS_RTU && (address.unitId() < 1 || address.unitId() > 247)) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "a Terra AC on the RS485 line needs a Modbus address 1..247 (TerraConfig), not " + address.unitId());
        }
        return new AbbCharger(TERRA_AC, transport.open(address, timing.modbus()), clock, timing,
                "Terra AC " + address);
    }
}
