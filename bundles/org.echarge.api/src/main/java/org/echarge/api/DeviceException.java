package org.echarge.api;

/**
 * A charger or meter could not be read or written. The kind decides the fault the gateway
 * raises: {@code NotReachable}/{@code EMeterNotReach}, {@code Comm}/{@code EMeter Comm},
 * {@code WrongCharger}, or a refused command.
 */
public class DeviceException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Connect failure or no answer within the timeout. */
        NOT_REACHABLE,
        /** The device answers, but with an exception response or a malformed or implausible frame. */
        COMMUNICATION,
        /** The device that answers is not the configured manufacturer/model. */
        WRONG_DEVICE,
        /** The model has no such function. */
        NOT_SUPPORTED
    }

    private final Kind kind;

    public DeviceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DeviceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
