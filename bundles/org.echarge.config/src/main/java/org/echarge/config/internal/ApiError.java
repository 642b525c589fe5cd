package org.echarge.config.internal;

import java.util.List;

import org.echarge.api.config.ConfigurationProblem;

/**
 * A request answered with an error, {@code {"error": code, "message": text}} (the web bundle's
 * convention: stable codes for the console, messages for people), plus the problems of a refused
 * configuration.
 */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<ConfigurationProblem> problems;

    ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    ApiError(int status, String code, String message, List<ConfigurationProblem> problems) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = problems;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Null unless the configuration was refused. */
    List<ConfigurationProblem> problems() {
        return problems;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", message);
    }
}
