package org.echarge.driver.alfen.internal;

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
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Driver of Alfen Eve stations (NG9xx platform) over Modbus TCP. A point addresses one socket by its
 * unit id (1, or 2 on an Eve Double); the driver reaches the station registers at unit id 200 of the
 * same host and port itself, over the same connection.
 */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + AlfenChargerDriver.ID)
public final class AlfenChargerDriver implements ChargerDriver {

    static final String ID = "alfen";

    /**
     * A poll is three reads (socket status, meter, station status). Alfen names no minimum interval; it
     * closes a connection after 60 s without a request, and its setpoint validity is 60 s by default.
     */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * No session start/stop, unlock, RFID, EVCCID, session times or error codes over Modbus. Pause is
     * the setpoint 0 A (1210 = 0.0, as evcc does): declared as {@link ChargerCapability#ZERO_AMPERE},
     * not as a separate {@link ChargerCapability#PAUSE_RESUME}, so that a pause is one write.
     * Temperature is the board temperature of the station.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER,
            ChargerCapability.FIRMWARE_VERSION, ChargerCapability.TEMPERATURE);

    /** Alfen names no pause between requests; the transport's 2 s answer timeout. */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(2), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final ModbusOptions timing;

    @Activate
    public AlfenChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), TIMING);
    }

    AlfenChargerDriver(ModbusTransport transport, Clock clock, ModbusOptions timing) {
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
        return Arrays.stream(AlfenModel.values()).map(AlfenModel::model).toList();
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        AlfenModel model = AlfenModel.ofModel(modelId).orElseThrow(
                () -> new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'"));
        if (!model.model().transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "an Alfen " + model.model().name() + " is reached over Modbus TCP only, not "
                            + address.transport());
        }
        int socket = address.unitId();
        if (socket < 1 || socket > model.sockets()) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "a socket of an Alfen " + model.model().name() + " is "
                    + model.socketUnits() + ", not unit id " + socket + " (unit id 200 is the station; the driver"
                    + " reads it itself)");
        }
        ModbusClient station = transport.open(
                DeviceAddress.tcp(address.host(), address.port(), AlfenRegisters.STATION_UNIT_ID), timing);
        ModbusClient socketClient = transport.open(address, timing);
        return new AlfenCharger(model, socket, station, socketClient, clock);
    }
}
