package org.echarge.modbus;

import org.echarge.api.DeviceException;

/**
 * A Modbus request failed: {@link DeviceException.Kind#NOT_REACHABLE} (connect failure, serial
 * port missing or unusable, no answer within the timeout) or
 * {@link DeviceException.Kind#COMMUNICATION} (exception response, CRC or LRC error, malformed or
 * implausible frame).
 */
public class ModbusException extends DeviceException {

    private static final long serialVersionUID = 1L;

    private final int exceptionCode;

    public ModbusException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public ModbusException(Kind kind, String message, int exceptionCode) {
        super(kind, message);
        this.exceptionCode = exceptionCode;
    }

    /** The Modbus exception code of an exception response (e.g. 2 illegal address), 0 otherwise. */
    public int exceptionCode() {
        return exceptionCode;
    }
}
