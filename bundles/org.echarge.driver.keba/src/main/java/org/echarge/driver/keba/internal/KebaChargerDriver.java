package org.echarge.driver.keba.internal;

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

/** Driver of KEBA KeContact P30 c-series and x-series stations over Modbus TCP (default unit id 255). */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + KebaChargerDriver.ID)
public final class KebaChargerDriver implements ChargerDriver {

    static final String ID = "keba";

    /**
     * A poll is up to 10 single-value reads (11 while less current is in force than requested), each
     * {@link #TIMING} apart: about 5.5 s. Polling every 10 s leaves the line free about half of the time
     * for writes, which KEBA wants 5 s apart.
     */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

    /**
     * Both series. No temperature, EVCCID or session times over Modbus; no 0 A (5004 takes 6000..63000 mA),
     * pause is 5014. Metering and RFID depend on the variant (product code) and read as "not reported"
     * on variants without meter or reader.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.PAUSE_RESUME, ChargerCapability.UNLOCK, ChargerCapability.METERING,
            ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION, ChargerCapability.RFID,
            ChargerCapability.ERROR_CODES);

    /**
     * KEBA: read no faster than every 0.5 s (programmers guide, quoted in OpenEMS). 50 ms on top: the
     * transport rounds its wait down to whole milliseconds, and the station measures from arrival.
     */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(2), Duration.ofMillis(550));

    private final ModbusTransport transport;
    private final Clock clock;
    private final KebaCharger.Sleeper sleeper;
    private final ModbusOptions timing;

    @Activate
    public KebaChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), KebaCharger.Sleeper.THREAD, TIMING);
    }

    KebaChargerDriver(ModbusTransport transport, Clock clock, KebaCharger.Sleeper sleeper, ModbusOptions timing) {
        this.transport = transport;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timing = timing;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ChargerModel> models() {
        return Arrays.stream(KebaSeries.values()).map(KebaSeries::model).toList();
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        KebaSeries series = KebaSeries.ofModel(modelId).orElseThrow(
                () -> new DeviceException(Kind.NOT_SUPPORTED, "driver '" + ID + "' has no model '" + modelId + "'"));
        if (!series.model().transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    series.model().name() + " is reached over Modbus TCP only, not " + address.transport());
        }
        return new KebaCharger(series, transport.open(address, timing), clock, sleeper);
    }
}
