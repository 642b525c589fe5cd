package org.echarge.knx.internal;

import java.util.List;
import java.util.Objects;

/** The outcome of validating a configuration: the complete valid value, or every error found in it. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(List<String> errors) implements Validated<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("invalid without an error");
            }
        }
    }
}
