package org.echarge.driver.bender.internal;

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
 * Driver of stations with a Bender CC612 / CC613 charge controller over Modbus TCP ("Modbus TCP Server for
 * energy management systems", register set "Ebee / Bender / MENNEKES"). A point is one connector: the
 * controller serves connector 1 at its base port (502) and connector 2 at base port + 1, each over its own
 * connection; it answers any unit id 1..255.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + BenderChargerDriver.ID)
public final class BenderChargerDriver implements ChargerDriver {

    static final String ID = "bender";

    /**
     * A poll is 5 to 8 short reads (pilot state, OCPP status, error bits, limit, meter; with a car the
     * user id and the ISO 15118 registers). Bender names no minimum interval; evcc caches for 5 s.
     */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * Pause is the limit 0 A (1000 = 0, as evcc): {@link ChargerCapability#ZERO_AMPERE}, no separate
     * {@link ChargerCapability#PAUSE_RESUME}. Metering, RFID and EVCCID depend on the station (meterless
     * variants, "Allow UID disclose", ISO 15118 firmware) and read as "not reported" where absent. No serial
     * number, temperature, session times, start/stop or unlock in the register set.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING, ChargerCapability.FIRMWARE_VERSION,
            ChargerCapability.RFID, ChargerCapability.EVCCID, ChargerCapability.ERROR_CODES);

    /** Bender names no pause between requests; the transport's 2 s answer timeout. */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(2), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final ModbusOptions timing;

    @Activate
    public BenderChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), TIMING);
    }

    BenderChargerDriver(ModbusTransport transport, Clock clock, ModbusOptions timing) {
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
        return Arrays.stream(BenderModel.values()).map(BenderModel::model).toList();
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        BenderModel model = BenderModel.ofModel(modelId).orElseThrow(
                () -> new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'"));
        if (!model.model().transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    model.model().name() + " is reached over Modbus TCP only, not " + address.transport());
        }
        if (address.unitId() == 0) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "a Bender controller answers unit ids 1..255, not 0 (255 is usual)");
        }
        return new BenderCharger(model, new BenderReader(transport.open(address, timing), "Bender " + address), clock);
    }
}
