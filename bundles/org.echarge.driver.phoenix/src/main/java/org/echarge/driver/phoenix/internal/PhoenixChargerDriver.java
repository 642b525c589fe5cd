package org.echarge.driver.phoenix.internal;

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
 * Driver of charging stations on Phoenix Contact EV-CC-AC1-M3-...-ETH controllers (EV-ETH register map)
 * over Modbus TCP, unit id 255: Phoenix firmware, and the Wallbe firmware of Wallbe and Compleo stations.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + PhoenixChargerDriver.ID)
public final class PhoenixChargerDriver implements ChargerDriver {

    static final String ID = "phoenix";

    /** A poll is four or five requests, {@link #TIMING} apart: about 1.5 s. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * Set current; pause and resume (coil 400); metering where a meter is fitted (else not measured);
     * serial number (304), firmware, RFID (606, where a reader is fitted) and error codes (107). Not
     * declared: 0 A (528 takes 6 A and more), start/stop, unlock, session times, temperature, EVCCID:
     * the EV-ETH has no registers for them.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.PAUSE_RESUME,
            ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION,
            ChargerCapability.RFID, ChargerCapability.ERROR_CODES);

    /**
     * nymea sends the controller one request at a time, 250 ms apart ("queuedRequestsDelay"); the transport
     * keeps that pause. The transport's 2 s answer timeout.
     */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(2), Duration.ofMillis(250));

    private final ModbusTransport transport;
    private final Clock clock;
    private final ModbusOptions timing;

    @Activate
    public PhoenixChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), TIMING);
    }

    PhoenixChargerDriver(ModbusTransport transport, Clock clock, ModbusOptions timing) {
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
        return Arrays.stream(PhoenixModel.values()).map(PhoenixModel::model).toList();
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        PhoenixModel model = PhoenixModel.ofModel(modelId).orElseThrow(
                () -> new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'"));
        if (!model.model().transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "an EV-ETH controller (" + modelId
                    + ") is reached over Modbus TCP only, not " + address.transport());
        }
        return new PhoenixCharger(model, address, transport.open(address, timing), clock);
    }
}
