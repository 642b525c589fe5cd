package org.echarge.driver.schneider.internal;

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

/** Driver of Schneider Electric EVlink Pro AC stations over Modbus TCP (default unit id 255). */
@Component(service = ChargerDriver.class, property = ChargerDriver.DRIVER_ID + "=" + SchneiderChargerDriver.ID)
public final class SchneiderChargerDriver implements ChargerDriver {

    static final String ID = "schneider";

    /**
     * Every poll carries the life bit, so the poll interval is the life bit's period: 1 s, half of evcc's 2 s
     * (the only period proven in the field), so that a late poll still comes in time. The station refreshes
     * its Modbus data once per second: faster polls would read nothing new. A poll is one write and six reads.
     */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    /**
     * Set current with 0 A as the pause (4004 = 0, as evcc): {@link ChargerCapability#ZERO_AMPERE}, no separate
     * {@link ChargerCapability#PAUSE_RESUME}, so that a pause is one write. The sources show no serial number,
     * temperature, RFID, EVCCID or cable lock; the commands of 4001 (stop, suspend, restart) are not used, since
     * no source says how they act on a session.
     */
    static final Set<ChargerCapability> CAPABILITIES = EnumSet.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING, ChargerCapability.FIRMWARE_VERSION,
            ChargerCapability.ERROR_CODES);

    /**
     * 6..32 A (4004 takes 0..32, IEC 61851 needs 6 to charge). The driver feeds the station's supervision
     * itself from {@link Charger#poll()}: callers have no watchdog to serve.
     */
    static final ChargerModel MODEL = new ChargerModel("schneider-evlink-pro-ac", "Schneider Electric", "EVlink Pro AC",
            CAPABILITIES, Set.of(Transport.MODBUS_TCP), 502, 6, 32, POLL_INTERVAL, Duration.ZERO);

    /** The sources name no pause between requests; a 2 s answer timeout. */
    static final ModbusOptions TIMING = new ModbusOptions(Duration.ofSeconds(2), Duration.ZERO);

    private final ModbusTransport transport;
    private final Clock clock;
    private final ModbusOptions timing;

    @Activate
    public SchneiderChargerDriver(@Reference ModbusTransport transport) {
        this(transport, Clock.systemUTC(), TIMING);
    }

    SchneiderChargerDriver(ModbusTransport transport, Clock clock, ModbusOptions timing) {
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
        if (!MODEL.transports().contains(address.transport())) {
            throw new DeviceException(Kind.NOT_SUPPORTED,
                    "an EVlink Pro AC is reached over Modbus TCP only, not " + address.transport());
        }
        return new SchneiderCharger(transport.open(address, timing), clock);
    }
}
