package org.echarge.updater.internal.web;

/**
 * A request the update API refuses: HTTP status, stable code, message for people. Nothing was
 * changed when it is thrown.
 */
public final class UpdateProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public UpdateProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
