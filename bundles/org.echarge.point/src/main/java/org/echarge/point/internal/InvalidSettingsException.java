package org.echarge.point.internal;

import java.util.List;

/** A charging point configuration with every setting that is wrong. */
final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    InvalidSettingsException(int number, List<String> errors) {
        super("charging point " + number + ": " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    List<String> errors() {
        return errors;
    }
}
