package org.echarge.api.config;

import java.util.List;

/**
 * A configuration refused by its bundle's rules, with every error (each may start with the
 * attribute it concerns, {@code "fuseAmpere: ..."}). An {@link IllegalArgumentException}, so that
 * callers that only log the refusal need not know it.
 */
public final class ConfigurationRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ConfigurationRefusedException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
