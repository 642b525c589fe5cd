package org.echarge.api.fault;

/** Faults of one charging point (objects 94 / 95), fault-codes.csv scope "point". */
public enum PointFault implements Fault {
    CONF_CHARGER("Conf Charger", 120, FaultReset.CONFIG),
    CONF_EMETER("Conf EMeter", 120, FaultReset.CONFIG),
    DLM_INVALID_CURRENT("DLM InvCurrent", 90, FaultReset.AUTO),
    NOT_REACHABLE("NotReachable", 80, FaultReset.AUTO),
    WRONG_CHARGER("WrongCharger", 70, FaultReset.AUTO),
    COMM("Comm", 60, FaultReset.AUTO),
    CHARGER_ERROR("ChargerError", 50, FaultReset.AUTO),
    OP_NOT_POSSIBLE("OpNotPossible", 40, FaultReset.INFO),
    VALUE_OUT_OF_RANGE("ValOutOfRange", 40, FaultReset.INFO),
    EMETER_NOT_REACHABLE("EMeterNotReach", 30, FaultReset.AUTO),
    EMETER_COMM("EMeter Comm", 20, FaultReset.AUTO),
    EMETER_ERROR("EMeter Error", 10, FaultReset.AUTO),
    NO_ERROR("No error", 0, FaultReset.NONE);

    private final String code;
    private final int severity;
    private final FaultReset reset;

    PointFault(String code, int severity, FaultReset reset) {
        this.code = code;
        this.severity = severity;
        this.reset = reset;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int severity() {
        return severity;
    }

    @Override
    public FaultReset reset() {
        return reset;
    }
}
