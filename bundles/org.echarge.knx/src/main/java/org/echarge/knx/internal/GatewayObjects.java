package org.echarge.knx.internal;

import static java.util.Map.entry;
import static org.echarge.api.charger.ChargerCapability.ERROR_CODES;
import static org.echarge.api.charger.ChargerCapability.EVCCID;
import static org.echarge.api.charger.ChargerCapability.FIRMWARE_VERSION;
import static org.echarge.api.charger.ChargerCapability.RFID;
import static org.echarge.api.charger.ChargerCapability.SERIAL_NUMBER;
import static org.echarge.api.charger.ChargerCapability.SESSION_TIMES;
import static org.echarge.api.charger.ChargerCapability.START_STOP;
import static org.echarge.api.charger.ChargerCapability.TEMPERATURE;
import static org.echarge.api.charger.ChargerCapability.UNLOCK;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.point.PointConfiguration;
import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.GroupObjectDefinition.Scope;

/**
 * Which group objects exist in a configuration (the "when" column of group-objects.csv, spec section
 * 7: "objects that do not apply do not exist"), and the datapoint type each one has.
 */
public final class GatewayObjects {

    /** The capability a "when = model" object needs (see {@link ChargerCapability}'s documentation). */
    static final Map<Integer, ChargerCapability> MODEL_CAPABILITY = Map.ofEntries(entry(54, START_STOP),
            entry(59, UNLOCK), entry(76, SESSION_TIMES), entry(77, SESSION_TIMES), entry(78, SESSION_TIMES),
            entry(79, EVCCID), entry(80, SERIAL_NUMBER), entry(81, FIRMWARE_VERSION), entry(82, TEMPERATURE),
            entry(83, TEMPERATURE), entry(84, RFID), entry(96, ERROR_CODES), entry(97, ERROR_CODES),
            entry(98, ERROR_CODES), entry(99, ERROR_CODES));

    /**
     * L2 and L3 of a 3-phase smart meter. Their "when" says only dlm-on; their names and
     * {@link MeterSettings} say they exist only for a 3-phase meter.
     */
    static final Set<Integer> THREE_PHASE_METER_OBJECTS = Set.of(11, 12);

    private GatewayObjects() {
    }

    /** The objects that exist, by number, each with its datapoint type. */
    public static List<GroupObject> of(GroupObjectTable table, GatewaySetup setup) {
        List<GroupObject> objects = new ArrayList<>();
        for (GroupObjectDefinition definition : table.definitions()) {
            Stream<ObjectRef> refs = definition.scope() == Scope.POINT
                    ? setup.points().stream().map(p -> new ObjectRef(definition, p.number()))
                    : Stream.of(new ObjectRef(definition, 0));
            refs.filter(ref -> absence(ref, setup).isEmpty())
                    .forEach(ref -> objects.add(new GroupObject(ref, datapoint(ref, setup))));
        }
        objects.sort(Comparator.comparingInt(GroupObject::number));
        return List.copyOf(objects);
    }

    /** Why an object does not exist in a configuration, e.g. "it exists only while DLM is on"; empty if it does. */
    public static Optional<String> absence(ObjectRef ref, GatewaySetup setup) {
        GroupObjectDefinition definition = ref.definition();
        MeterSettings meter = setup.meter();
        Optional<PointSetup> point = setup.point(ref.point());
        if (definition.scope() == Scope.POINT && point.isEmpty()) {
            return Optional.of("charging point " + ref.point() + " is not configured");
        }
        String reason = switch (definition.presence()) {
            case ALWAYS -> null;
            case DLM_ON -> meter.dlmOn() ? null : "it exists only while DLM is on";
            case DLM_OFF -> meter.dlmOn() ? "it exists only while DLM is off" : null;
            case MONITORING_IN_OPERATION -> !meter.dlmOn() ? "it exists only while DLM is on"
                    : meter.inOperation() ? null
                    : "it exists only when the smart meter is monitored with \"in operation\"";
            case MODEL -> {
                ChargerCapability needed = modelCapability(definition);
                yield point.orElseThrow().supports(needed) ? null
                        : modelOf(point.orElseThrow()) + " does not support " + needed;
            }
            case EMETER_OR_MODEL -> point.orElseThrow().metered() ? null
                    : modelOf(point.orElseThrow()) + " does not measure and the point has no electricity meter";
        };
        if (reason == null && THREE_PHASE_METER_OBJECTS.contains(definition.number()) && meter.phases() != 3) {
            reason = "it exists only for a 3-phase smart meter";
        }
        return Optional.ofNullable(reason);
    }

    /**
     * The datapoint type of an object: its only one, or the one of the configuration's choices
     * (point: current, power, energy; DLM: the smart meter's) that the object allows.
     */
    static KnxDatapoint datapoint(ObjectRef ref, GatewaySetup setup) {
        GroupObjectDefinition definition = ref.definition();
        if (definition.datapoints().size() == 1) {
            return definition.defaultDatapoint();
        }
        List<String> choices = definition.scope() == Scope.POINT ? pointChoices(setup.point(ref.point()).orElseThrow())
                : List.of(setup.meter().datapoint().id());
        List<KnxDatapoint> allowed = choices.stream().flatMap(id -> KnxDatapoint.ofId(id).stream())
                .filter(definition.datapoints()::contains).toList();
        if (allowed.size() != 1) {
            throw new IllegalStateException(ref.describe() + " allows " + definition.datapoints()
                    + ", the configuration chooses " + choices);
        }
        return allowed.get(0);
    }

    private static List<String> pointChoices(PointSetup point) {
        PointConfiguration configuration = point.configuration();
        return List.of(configuration.currentDatapoint().id(), configuration.powerDatapoint().id(),
                configuration.energyDatapoint().id());
    }

    private static ChargerCapability modelCapability(GroupObjectDefinition definition) {
        ChargerCapability capability = MODEL_CAPABILITY.get(definition.number());
        if (capability == null) {
            throw new IllegalStateException("object " + definition.number() + " depends on the model, but on what?");
        }
        return capability;
    }

    private static String modelOf(PointSetup point) {
        return "the model of charging point " + point.number() + " (" + point.configuration().modelId() + ")";
    }
}
