package org.echarge.driver.vestel.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
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
 * Driver of the Vestel EVC04 and its rebrands over Modbus TCP (port 502, unit id 255). The box accepts one Modbus
 * master at a time: each charger holds exactly one client, and the transport keeps one connection per host and port
 * whoever opens it.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + VestelChargerDriver.ID)
public final class VestelChargerDriver implements ChargerDriver {

    static final String ID = "vestel";

    /**
     * A poll is about 16 single-register reads (the box refuses reads across gaps) and, when due, the heartbeat.
     * Every 5 s feeds the alive register every failsafe timeout / 4 with the default timeout of 20 s, as evcc does.
     */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * Pause is the setpoint 0 A (5004 = 0, as evcc and OpenEMS do): {@link ChargerCapability#ZERO_AMPERE}, no
     * separate {@link ChargerCapability#PAUSE_RESUME}. RFID from firmware 3.156.0 (older boxes report no card). No
     * temperature, EVCCID, unlock or session start/stop in the register map; the session times (1504..1512) have no
     * field in the snapshot, the runtime's session tracker keeps them.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER,
            ChargerCapability.FIRMWARE_VERSION, ChargerCapability.RFID, ChargerCapability.ERROR_CODES);

    /** No pause between requests is documented; the transport's 2 s answer timeout. */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(2), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final ModbusOptions timing;

    @Activate
    public VestelChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), TIMING);
    }

    VestelChargerDriver(ModbusTransport transport, Clock clock, ModbusOptions timing) {
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
        return Arrays.stream(VestelModel.values()).map(VestelModel::model).toList();
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        VestelModel model = VestelModel.ofModel(modelId).orElseThrow(
                () -> new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'"));
        if (!model.model().transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "a " + model.model().manufacturer() + " "
                    + model.model().name() + " is reached over Modbus TCP only, not " + address.transport());
        }
        return new VestelCharger(model, transport.open(address, timing), clock);
    }
}
