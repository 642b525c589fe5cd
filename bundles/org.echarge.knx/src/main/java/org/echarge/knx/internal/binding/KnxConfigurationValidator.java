package org.echarge.knx.internal.binding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.api.config.MeterSettingsReader;
import org.echarge.api.config.PointConfigurationReader;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.api.config.ProposedConfiguration.Entry;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.point.PointConfiguration;
import org.echarge.knx.internal.GatewaySetup;
import org.echarge.knx.internal.GroupObjectLinks;
import org.echarge.knx.internal.GroupObjectTable;
import org.echarge.knx.internal.PointSetup;
import org.echarge.knx.internal.Validated;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The KNX binding's rules for a proposed configuration (PID {@code org.echarge.knx}): the
 * connection ({@link KnxBindingComponent#connection}) and the group address links against the
 * objects that exist with the proposed points and DLM ({@link GroupObjectLinks#parse}, as the
 * binding does when the configuration changes). Unlike the binding, the links are checked also
 * while KNX is idle, so that they are right when a server is set. The points (with their models'
 * capabilities) and DLM are read by their own bundles ({@link PointConfigurationReader},
 * {@link MeterSettingsReader}).
 */
@Component(service = ConfigurationValidator.class)
public final class KnxConfigurationValidator implements ConfigurationValidator {

    private static final String POINT_FACTORY_PID = "org.echarge.point";

    private final GroupObjectTable table = GroupObjectTable.standard();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PointConfigurationReader points;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeterSettingsReader meter;

    public KnxConfigurationValidator() {
    }

    /** For tests: with these readers. */
    KnxConfigurationValidator(PointConfigurationReader points, MeterSettingsReader meter) {
        this.points = points;
        this.meter = meter;
    }

    @Override
    public List<ConfigurationProblem> validate(ProposedConfiguration proposed) {
        Optional<Entry> entry = proposed.configuration(KnxBindingComponent.PID);
        if (entry.isEmpty()) {
            return List.of();
        }
        List<ConfigurationProblem> problems = new ArrayList<>();
        KnxBindingConfig config = entry.get().as(KnxBindingConfig.class);
        try {
            Optional<Validated<KnxBindingComponent.ConnectionSetup>> connection = KnxBindingComponent.connection(config);
            if (connection.isPresent()
                    && connection.get() instanceof Validated.Invalid<KnxBindingComponent.ConnectionSetup> invalid) {
                invalid.errors().forEach(error -> problems.add(entry.get().problem(error)));
            }
            Validated<GroupObjectLinks> links = GroupObjectLinks.parse(List.of(config.links()), table, setup(proposed));
            if (links instanceof Validated.Invalid<GroupObjectLinks> invalid) {
                invalid.errors().forEach(error -> problems.add(linkProblem(entry.get(), error)));
            }
        } catch (IllegalArgumentException e) { // a value the conversion does not take
            problems.add(entry.get().problem(e.getMessage()));
        }
        return problems;
    }

    /** The objects of the proposed configuration: its valid points (the point rules refuse the others) and DLM. */
    private GatewaySetup setup(ProposedConfiguration proposed) {
        MeterSettingsReader dlm = meter;
        MeterSettings meterSettings = dlm == null ? KnxBinding.DLM_OFF
                : dlm.read(proposed).orElse(KnxBinding.DLM_OFF);
        PointConfigurationReader reader = points;
        List<PointSetup> setups = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        if (reader != null) {
            for (Entry point : proposed.factory(POINT_FACTORY_PID)) {
                Optional<PointConfiguration> configuration = reader.read(point);
                if (configuration.isPresent() && numbers.add(configuration.get().number())) {
                    setups.add(PointSetup.of(configuration.get(), reader.capabilities(configuration.get().modelId())));
                }
            }
        }
        return new GatewaySetup(meterSettings, setups);
    }

    private static ConfigurationProblem linkProblem(Entry entry, String error) {
        return new ConfigurationProblem(entry.pid() == null ? KnxBindingComponent.PID : entry.pid(), entry.name(),
                "links", error);
    }
}
