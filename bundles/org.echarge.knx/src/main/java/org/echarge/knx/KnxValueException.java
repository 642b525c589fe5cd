package org.echarge.knx;

import java.util.Objects;

/** A value cannot be sent as, or a telegram's data is not a valid value of, a KNX datapoint type. */
public class KnxValueException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The data is not as long as the datapoint type's values. */
        WRONG_LENGTH,
        /** The Java value does not fit the datapoint type's kind (e.g. a Double for a 1-bit type). */
        WRONG_TYPE,
        /** NaN or an infinity. */
        NOT_FINITE,
        /** Outside the range the datapoint type can carry (text: longer than 14 characters). */
        OUT_OF_RANGE,
        /** Negative where the caller allows only values from 0 up. */
        NEGATIVE,
        /** Bit patterns the type does not define: reserved bits set, 7FFFh of DPT 9, hour 24 and the like. */
        INVALID_DATA,
        /** A character that DPT 16.001 cannot carry (not in ISO 8859-1, or NUL). */
        UNREPRESENTABLE
    }

    private final KnxDatapoint datapoint;
    private final Reason reason;

    public KnxValueException(KnxDatapoint datapoint, Reason reason, String detail) {
        this(datapoint, reason, detail, null);
    }

    public KnxValueException(KnxDatapoint datapoint, Reason reason, String detail, Throwable cause) {
        super(datapoint + ": " + detail, cause);
        this.datapoint = Objects.requireNonNull(datapoint, "datapoint");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public KnxDatapoint datapoint() {
        return datapoint;
    }

    public Reason reason() {
        return reason;
    }
}
