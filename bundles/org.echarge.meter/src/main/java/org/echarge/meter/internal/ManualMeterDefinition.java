package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.echarge.api.Phase;
import org.echarge.api.Transport;
import org.echarge.api.config.ConfigurationRefusedException;
import org.echarge.api.meter.MeterModel;
import org.echarge.meter.internal.Quantity.Group;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Validates a {@link ManualMeterConfig} into a {@link MeterDefinition}, or refuses it with every wrong
 * setting named in one message.
 */
final class ManualMeterDefinition {

    static final String MODEL_PREFIX = "manual-";

    /** How the registers of a value are read: as an integer or as an IEEE 754 float. */
    enum ValueType {
        UNSIGNED, SIGNED, FLOAT
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    private static final List<Group> PHASE_GROUPS = List.of(Group.CURRENT, Group.POWER, Group.ENERGY);

    private ManualMeterDefinition() {
    }

    /** @throws IllegalArgumentException naming every wrong setting, separated by "; " */
    static MeterDefinition of(ManualMeterConfig config) {
        List<String> errors = new ArrayList<>();
        Optional<String> modelId = modelId(config);
        if (modelId.isEmpty()) {
            String name = read("name", config::name, new ArrayList<>());
            errors.add("name: 1 to 32 lower-case letters, digits and '-' (not at either end), "
                    + (name == null || name.isBlank() ? "is missing" : "not '" + name + "'"));
        }
        String label = read("label", config::label, errors);
        Transport transport = choice("transport", config::transport, Transport.class, errors);
        Integer port = read("port", config::port, errors);
        if (port != null && (port < 1 || port > 65535)) {
            errors.add("port: 1..65535, not " + port);
        }
        Integer code = read("functionCode", config::functionCode, errors);
        Optional<FunctionCode> functionCode = code == null ? Optional.empty() : FunctionCode.of(code);
        if (code != null && functionCode.isEmpty()) {
            errors.add("functionCode: 3 (read holding registers) or 4 (read input registers), not " + code);
        }
        Boolean blockReads = read("blockReads", config::blockReads, errors);
        List<MeterRegister> registers = new ArrayList<>();
        Set<Quantity> configured = EnumSet.noneOf(Quantity.class);
        for (ValueSettings value : values(config)) {
            value.parse(errors, configured).ifPresent(registers::add);
        }
        checkPhases(configured, errors);
        checkOverlaps(registers, errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationRefusedException(errors);
        }
        String name = label == null || label.isBlank() ? modelId.get().substring(MODEL_PREFIX.length()) : label.trim();
        MeterModel model = new MeterModel(modelId.get(), "Manual", name, Set.of(transport), port);
        int maxBlock = blockReads ? RegisterBlock.MODBUS_MAX_REGISTERS : 1;
        RegisterMap map = new RegisterMap(functionCode.get(), maxBlock, registers, Optional.empty());
        return new MeterDefinition(model, map, 1);
    }

    /** {@code manual-<name>}; empty when the name is missing or not allowed. */
    static Optional<String> modelId(ManualMeterConfig config) {
        String name = read("name", config::name, new ArrayList<>());
        return name != null && NAME.matcher(name.trim()).matches() ? Optional.of(MODEL_PREFIX + name.trim())
                : Optional.empty();
    }

    static RegisterType registerType(ValueType type, int count) {
        return switch (type) {
            case UNSIGNED -> count == 1 ? RegisterType.U16 : count == 2 ? RegisterType.U32 : RegisterType.U64;
            case SIGNED -> count == 1 ? RegisterType.S16 : count == 2 ? RegisterType.S32 : RegisterType.S64;
            case FLOAT -> count == 2 ? RegisterType.F32 : RegisterType.F64;
        };
    }

    /** The settings of one value; DS converts a property when its method is called, which may throw. */
    private record ValueSettings(Quantity quantity, Supplier<Integer> register, Supplier<Integer> count,
            Supplier<String> type, Supplier<String> wordOrder, Supplier<Double> scale) {

        /** The register, or empty when the value is not read or its settings are wrong (then in errors). */
        Optional<MeterRegister> parse(List<String> errors, Set<Quantity> configured) {
            String key = quantity.key();
            Integer start = read(key + ".register", register, errors);
            if (start == null || start == -1) {
                return Optional.empty();
            }
            configured.add(quantity);
            int before = errors.size();
            if (start < 0 || start > 0xFFFF) {
                errors.add(key + ".register: 0..65535, or -1 for none, not " + start);
            }
            Integer words = read(key + ".count", count, errors);
            if (words != null && words != 1 && words != 2 && words != 4) {
                errors.add(key + ".count: 1, 2 or 4 registers, not " + words);
            }
            ValueType valueType = choice(key + ".type", type, ValueType.class, errors);
            WordOrder order = choice(key + ".wordOrder", wordOrder, WordOrder.class, errors);
            Double factor = read(key + ".scale", scale, errors);
            if (factor != null && (!Double.isFinite(factor) || factor == 0)) {
                errors.add(key + ".scale: a finite number other than 0, not " + factor);
            }
            if (valueType == ValueType.FLOAT && quantity == FAULT) {
                errors.add(key + ".type: the fault register is read as an integer (UNSIGNED or SIGNED), not FLOAT");
            } else if (valueType == ValueType.FLOAT && words != null && words == 1) {
                errors.add(key + ": an IEEE 754 float takes 2 registers (32 bit) or 4 (64 bit), not 1");
            }
            if (errors.size() > before) {
                return Optional.empty();
            }
            if (start + words > 0x10000) {
                errors.add(key + ": registers " + start + ".." + (start + words - 1) + " run past 65535");
                return Optional.empty();
            }
            return Optional.of(new MeterRegister(quantity, start, registerType(valueType, words), order, factor, false,
                    "manual definition"));
        }
    }

    private static List<ValueSettings> values(ManualMeterConfig c) {
        return List.of(
                new ValueSettings(CURRENT_L1, c::currentL1_register, c::currentL1_count, c::currentL1_type,
                        c::currentL1_wordOrder, c::currentL1_scale),
                new ValueSettings(CURRENT_L2, c::currentL2_register, c::currentL2_count, c::currentL2_type,
                        c::currentL2_wordOrder, c::currentL2_scale),
                new ValueSettings(CURRENT_L3, c::currentL3_register, c::currentL3_count, c::currentL3_type,
                        c::currentL3_wordOrder, c::currentL3_scale),
                new ValueSettings(POWER_L1, c::powerL1_register, c::powerL1_count, c::powerL1_type,
                        c::powerL1_wordOrder, c::powerL1_scale),
                new ValueSettings(POWER_L2, c::powerL2_register, c::powerL2_count, c::powerL2_type,
                        c::powerL2_wordOrder, c::powerL2_scale),
                new ValueSettings(POWER_L3, c::powerL3_register, c::powerL3_count, c::powerL3_type,
                        c::powerL3_wordOrder, c::powerL3_scale),
                new ValueSettings(POWER_TOTAL, c::powerTotal_register, c::powerTotal_count, c::powerTotal_type,
                        c::powerTotal_wordOrder, c::powerTotal_scale),
                new ValueSettings(ENERGY_L1, c::energyL1_register, c::energyL1_count, c::energyL1_type,
                        c::energyL1_wordOrder, c::energyL1_scale),
                new ValueSettings(ENERGY_L2, c::energyL2_register, c::energyL2_count, c::energyL2_type,
                        c::energyL2_wordOrder, c::energyL2_scale),
                new ValueSettings(ENERGY_L3, c::energyL3_register, c::energyL3_count, c::energyL3_type,
                        c::energyL3_wordOrder, c::energyL3_scale),
                new ValueSettings(ENERGY_TOTAL, c::energyTotal_register, c::energyTotal_count, c::energyTotal_type,
                        c::energyTotal_wordOrder, c::energyTotal_scale),
                new ValueSettings(FAULT, c::fault_register, c::fault_count, c::fault_type, c::fault_wordOrder,
                        () -> 1.0));
    }

    /**
     * Per phase, a 3-phase meter has L1, L2 and L3, a 1-phase meter L1 alone; current or power per phase is
     * required, since DLM and the point need the current of each phase.
     */
    private static void checkPhases(Set<Quantity> configured, List<String> errors) {
        Set<Integer> phaseCounts = new TreeSet<>();
        for (Group group : PHASE_GROUPS) {
            Set<Phase> phases = EnumSet.noneOf(Phase.class);
            configured.stream().filter(q -> q.group() == group && q.phase() != null)
                    .forEach(q -> phases.add(q.phase()));
            if (phases.equals(Set.of(Phase.L1)) || phases.equals(EnumSet.allOf(Phase.class))) {
                phaseCounts.add(phases.size());
            } else if (!phases.isEmpty()) {
                String key = group.name().toLowerCase(Locale.ROOT);
                String missing = EnumSet.complementOf(EnumSet.copyOf(phases)).stream()
                        .map(p -> key + p.name() + ".register").collect(Collectors.joining(", "));
                errors.add(key + " per phase: " + key + "L1, " + key + "L2 and " + key + "L3 for a 3-phase meter, "
                        + key + "L1 alone for a 1-phase meter (missing: " + missing + ")");
            }
        }
        boolean perPhase = configured.stream()
                .anyMatch(q -> q.phase() != null && (q.group() == Group.CURRENT || q.group() == Group.POWER));
        if (!perPhase) {
            errors.add("neither current nor power per phase is configured: set currentL1.register to"
                    + " currentL3.register or powerL1.register to powerL3.register (L1 alone for a 1-phase meter)");
        }
        if (phaseCounts.size() > 1) {
            errors.add("some values are configured for 3 phases, others for L1 alone: a meter has either");
        }
    }

    private static void checkOverlaps(List<MeterRegister> registers, List<String> errors) {
        for (int i = 0; i < registers.size(); i++) {
            for (int j = i + 1; j < registers.size(); j++) {
                RegisterMap.overlap(registers.get(i), registers.get(j)).ifPresent(errors::add);
            }
        }
    }

    private static <T> T read(String key, Supplier<T> value, List<String> errors) {
        try {
            return value.get();
        } catch (RuntimeException e) { // DS could not convert the property
            errors.add(key + ": not a valid value (" + e.getMessage() + ")");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String key, Supplier<String> value, Class<E> type,
            List<String> errors) {
        String text = read(key, value, errors);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        errors.add(key + ": one of " + List.of(type.getEnumConstants()) + ", not '" + text + "'");
        return null;
    }
}
