package org.echarge.updater.internal.verify;

/** A driver update that is not applied; the message says why, for the installer. */
public final class UpdateRefusedException extends Exception {

    public UpdateRefusedException(String message) {
        super(message);
    }

    public UpdateRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
