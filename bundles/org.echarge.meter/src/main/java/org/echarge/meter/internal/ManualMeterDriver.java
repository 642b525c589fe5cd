package org.echarge.meter.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterDriver;
import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One manually defined meter (factory PID {@value #PID}), offered as the only model of its own driver,
 * {@code manual-<name>}. A changed definition replaces this component and its service, so a charging point
 * drops the meter it opened and opens the new definition. A refused definition still offers its model (when
 * the name is valid): opening it fails with the refusal, so the point can show which setting is wrong.
 */
@Component(configurationPid = ManualMeterDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = MeterDriver.class, property = MeterDriver.DRIVER_ID + "=" + ManualMeterDriver.FAMILY)
@Designate(ocd = ManualMeterConfig.class, factory = true)
public final class ManualMeterDriver implements MeterDriver {

    static final String PID = "org.echarge.meter.manual";
    /** The service property: every manual meter's driver; {@link #id()} names this one. */
    static final String FAMILY = "manual";

    private static final Logger LOG = LoggerFactory.getLogger(ManualMeterDriver.class);

    private final ModbusTransport transport;
    private final Clock clock;
    private final String id;
    private final Optional<MeterDefinition> definition;
    private final List<MeterModel> models;
    private final String refusal;

    @Activate
    public ManualMeterDriver(@Reference ModbusTransport transport, ManualMeterConfig config) {
        this(transport, config, Clock.systemUTC());
    }

    ManualMeterDriver(ModbusTransport transport, ManualMeterConfig config, Clock clock) {
        this.transport = transport;
        this.clock = clock;
        Optional<String> modelId = ManualMeterDefinition.modelId(config);
        this.id = modelId.orElse(FAMILY);
        MeterDefinition parsed = null;
        String problem = null;
        try {
            parsed = ManualMeterDefinition.of(config);
            LOG.info("Manual meter {}: values read: {}, requests per reading: {}", id,
                    parsed.registers().registers().size(), parsed.registers().blocks().size());
        } catch (IllegalArgumentException e) {
            problem = "manual meter definition '" + config.name() + "' refused: " + e.getMessage();
            LOG.error("Conf EMeter: {}", problem);
        }
        this.definition = Optional.ofNullable(parsed);
        this.refusal = problem;
        if (parsed != null) {
            this.models = List.of(parsed.model());
        } else {
            this.models = modelId.map(model -> new MeterModel(model, "Manual", "refused definition", Set.of(), 0))
                    .map(List::of).orElse(List.of());
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<MeterModel> models() {
        return models;
    }

    /** @throws DeviceException NOT_SUPPORTED for another model, another transport, or a refused definition */
    @Override
    public ElectricityMeter open(String modelId, DeviceAddress address) throws DeviceException {
        if (!id.equals(modelId)) {
            throw new DeviceException(Kind.NOT_SUPPORTED, "meter driver '" + id + "' has no model '" + modelId + "'");
        }
        if (definition.isEmpty()) {
            throw new DeviceException(Kind.NOT_SUPPORTED, refusal);
        }
        return definition.get().open(transport, address, clock);
    }
}
