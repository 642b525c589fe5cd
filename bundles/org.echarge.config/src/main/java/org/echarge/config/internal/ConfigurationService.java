package org.echarge.config.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.config.internal.ConfigurationStore.ApplyException;
import org.echarge.config.internal.ConfigurationStore.Change;
import org.echarge.config.internal.ConfigurationStore.Kind;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration document of the gateway: every {@code org.echarge} configuration in
 * ConfigAdmin, described by the metatype of the {@code org.echarge} bundles, validated by the
 * metatype and then by the owning bundles' {@link ConfigurationValidator}s, applied as a whole.
 */
@Component(service = ConfigurationService.class)
public final class ConfigurationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
    private static final String PREFIX = "org.echarge.";

    /** The outcome of validating a document: the problems, and the changes it would make if there are none. */
    record Validation(List<ConfigurationProblem> problems, List<Change> changes) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A document refused by validation: nothing was changed. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<ConfigurationProblem> problems;

        RefusedException(List<ConfigurationProblem> problems) {
            super(problems.size() + " problem(s): " + problems.stream().map(ConfigurationProblem::message)
                    .collect(Collectors.joining("; ")), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<ConfigurationProblem> problems() {
            return problems;
        }
    }

    private final ConfigurationStore store;
    private final Supplier<Schema> schema;
    private final String applicationVersion;
    private final List<ConfigurationValidator> validators = new CopyOnWriteArrayList<>();

    @Activate
    public ConfigurationService(@Reference ConfigurationAdmin admin, @Reference MetaTypeService metatype,
            BundleContext context) {
        this(admin, () -> MetatypeSchema.read(echargeBundles(context), metatype),
                applicationVersion(context.getBundle().getVersion()), List.of());
    }

    ConfigurationService(ConfigurationAdmin admin, Supplier<Schema> schema, String applicationVersion,
            List<ConfigurationValidator> validators) {
        this.store = new ConfigurationStore(admin);
        this.schema = schema;
        this.applicationVersion = applicationVersion;
        this.validators.addAll(validators);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindValidator(ConfigurationValidator validator) {
        validators.add(validator);
    }

    void unbindValidator(ConfigurationValidator validator) {
        validators.remove(validator);
    }

    private static List<Bundle> echargeBundles(BundleContext context) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && (name.equals("org.echarge") || name.startsWith(PREFIX))
                    && (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    /** The gateway's version as major.minor.patch (the bundles share it). */
    static String applicationVersion(Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    String applicationVersion() {
        return applicationVersion;
    }

    /** Whether a document of {@code version} may be imported here: the same major version. */
    boolean compatible(String version) {
        var theirs = VERSION.matcher(version);
        var ours = VERSION.matcher(applicationVersion);
        return theirs.matches() && ours.matches() && theirs.group(1).equals(ours.group(1));
    }

    static boolean wellFormedVersion(String version) {
        return VERSION.matcher(version).matches();
    }

    Schema schema() {
        return schema.get();
    }

    ConfigDocument document() throws IOException {
        return new ConfigDocument(ConfigDocument.FORMAT, applicationVersion,
                store.read().stream().map(StoredConfiguration::entry).toList());
    }

    Validation validate(ConfigDocument document) throws IOException {
        Schema currentSchema = schema.get();
        List<StoredConfiguration> stored = store.read();
        Map<String, StoredConfiguration> storedById = new HashMap<>();
        stored.forEach(s -> storedById.put(s.pid(), s));
        List<ConfigurationProblem> problems = new ArrayList<>();
        List<ProposedSet.ProposedEntry> proposed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigEntry entry : document.configurations()) {
            Optional<ConfigurationProblem> structural = structure(entry, storedById);
            if (structural.isPresent()) {
                problems.add(structural.get());
                continue;
            }
            if (!ids.add(entry.id())) {
                problems.add(problem(entry, "configuration " + entry.id() + " is in the document twice"));
                continue;
            }
            Optional<SchemaSection> section = currentSchema.section(entry.schemaPid(), entry.factoryPid() != null);
            if (section.isEmpty()) {
                problems.add(problem(entry, "no installed bundle describes " + (entry.factoryPid() != null
                        ? "factory configuration " : "configuration ") + entry.schemaPid()));
                continue;
            }
            MetatypeCheck.Result result = MetatypeCheck.check(entry, section.get());
            problems.addAll(result.problems());
            proposed.add(new ProposedSet.ProposedEntry(entry.pid(), entry.factoryPid(), entry.name(),
                    result.properties(), section.get().attributes().stream().map(SchemaAttribute::id)
                            .collect(Collectors.toSet())));
        }
        if (!problems.isEmpty()) {
            return new Validation(problems, List.of()); // the bundles' rules need typed, complete values
        }
        ProposedSet set = new ProposedSet(proposed);
        for (ConfigurationValidator validator : validators) {
            try {
                problems.addAll(validator.validate(set));
            } catch (RuntimeException e) {
                LOG.error("Configuration validator {} failed", validator.getClass().getName(), e);
                problems.add(new ConfigurationProblem(validator.getClass().getName(), null, null,
                        "the validator failed: " + e));
            }
        }
        problems.sort(Comparator.comparing(ConfigurationProblem::pid)
                .thenComparing(p -> String.valueOf(p.name())).thenComparing(p -> String.valueOf(p.attribute())));
        return new Validation(problems, problems.isEmpty() ? changes(set, stored, currentSchema) : List.of());
    }

    /** Applies a document as a whole; returns the number of configurations created, updated or deleted. */
    int apply(ConfigDocument document) throws IOException, RefusedException, ApplyException {
        synchronized (store) {
            Validation validation = validate(document);
            if (!validation.valid()) {
                throw new RefusedException(validation.problems());
            }
            store.apply(validation.changes());
            if (!validation.changes().isEmpty()) {
                LOG.info("Configuration applied: {} change(s): {}", validation.changes().size(), validation.changes()
                        .stream().map(c -> c.kind() + " " + c.entry().id()).collect(Collectors.joining(", ")));
            }
            return validation.changes().size();
        }
    }

    /** What the document needs to be: the PID rules of ConfigAdmin, FileInstall and this gateway. */
    private static Optional<ConfigurationProblem> structure(ConfigEntry entry, Map<String, StoredConfiguration> stored) {
        if (entry.properties() == null) {
            return Optional.of(problem(entry, "properties are missing"));
        }
        if (entry.factoryPid() == null) {
            if (entry.pid() == null || !entry.pid().startsWith(PREFIX)) {
                return Optional.of(problem(entry, "a configuration needs a pid starting with " + PREFIX
                        + " (or a factoryPid), not " + entry.pid()));
            }
            if (entry.name() != null) {
                return Optional.of(problem(entry, "only a factory configuration has a name"));
            }
            if (entry.pid().contains("~")) {
                return Optional.of(problem(entry, "pid " + entry.pid() + " is a factory configuration's: give its factoryPid"));
            }
            return Optional.empty();
        }
        if (!entry.factoryPid().startsWith(PREFIX)) {
            return Optional.of(problem(entry, "factoryPid must start with " + PREFIX + ", not " + entry.factoryPid()));
        }
        if (entry.name() != null) {
            if (!NAME.matcher(entry.name()).matches()) {
                return Optional.of(problem(entry, "name: 1 to 64 letters, digits, '.', '_' or '-', not '"
                        + entry.name() + "'"));
            }
            if (entry.pid() != null && !entry.pid().equals(entry.factoryPid() + "~" + entry.name())) {
                return Optional.of(problem(entry, "pid " + entry.pid() + " does not match factoryPid~name ("
                        + entry.factoryPid() + "~" + entry.name() + ")"));
            }
            return Optional.empty();
        }
        StoredConfiguration existing = entry.pid() == null ? null : stored.get(entry.pid());
        if (existing == null || !entry.factoryPid().equals(existing.factoryPid())) {
            return Optional.of(problem(entry, "a new factory configuration needs a name (its PID becomes "
                    + entry.factoryPid() + "~<name>)" + (entry.pid() == null ? "" : "; " + entry.pid()
                            + " is no configuration of " + entry.factoryPid())));
        }
        return Optional.empty();
    }

    private static ConfigurationProblem problem(ConfigEntry entry, String message) {
        String pid = entry.pid() != null ? entry.pid() : Objects.requireNonNullElse(entry.factoryPid(), "?");
        return new ConfigurationProblem(pid, entry.name(), null, message);
    }

    /** Deletes first, then updates, then creations: no moment with a value (a point number) twice. */
    private static List<Change> changes(ProposedSet set, List<StoredConfiguration> stored, Schema schema) {
        Map<String, StoredConfiguration> byPid = new HashMap<>();
        stored.forEach(s -> byPid.put(s.pid(), s));
        List<Change> deletes = new ArrayList<>();
        List<Change> updates = new ArrayList<>();
        List<Change> creates = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (ProposedSet.ProposedEntry proposed : set.all()) {
            ConfigEntry document = new ConfigEntry(proposed.pid(), proposed.factoryPid(), proposed.name(),
                    proposed.properties());
            StoredConfiguration before = byPid.get(document.id());
            if (before == null) {
                creates.add(new Change(Kind.CREATE, document, null, proposed.properties()));
                continue;
            }
            kept.add(before.pid());
            if (!sameValues(proposed.properties(), before, schema)) {
                updates.add(new Change(Kind.UPDATE, document, before, proposed.properties()));
            }
        }
        for (StoredConfiguration configuration : stored) {
            if (!kept.contains(configuration.pid())) {
                deletes.add(new Change(Kind.DELETE, configuration.entry(), configuration, null));
            }
        }
        List<Change> all = new ArrayList<>(deletes);
        all.addAll(updates);
        all.addAll(creates);
        return all;
    }

    /** Whether the stored values, typed by the metatype as the proposed ones are, are the same. */
    private static boolean sameValues(Map<String, Object> proposed, StoredConfiguration before, Schema schema) {
        Map<String, Object> stored = typed(before, schema);
        return stored.keySet().equals(proposed.keySet()) && proposed.entrySet().stream()
                .allMatch(e -> comparable(e.getValue()).equals(comparable(stored.get(e.getKey()))));
    }

    /** The stored values typed by the metatype; as they are where the metatype does not take them. */
    private static Map<String, Object> typed(StoredConfiguration stored, Schema schema) {
        Optional<MetatypeCheck.Result> typed = schema.section(stored.entry().schemaPid(), stored.factoryPid() != null)
                .map(section -> MetatypeCheck.check(stored.entry(), section));
        return typed.isPresent() && typed.get().problems().isEmpty() ? typed.get().properties() : stored.properties();
    }

    private static Object comparable(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        return String.valueOf(value) + "|" + (value == null ? "" : value.getClass().getName());
    }
}
