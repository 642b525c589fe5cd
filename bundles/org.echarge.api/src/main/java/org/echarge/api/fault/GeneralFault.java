package org.echarge.api.fault;

/** General faults (object 8 / 9), fault-codes.csv scope "general". */
public enum GeneralFault implements Fault {
    CONTACT_SUPPORT("ContactSupport", 130, FaultReset.CONFIG),
    CONF_NO_CHARGER("Conf NoCharger", 120, FaultReset.CONFIG),
    CONF_CHARGER("Conf Charger", 120, FaultReset.CONFIG),
    CONF_EMETER("Conf EMeter", 120, FaultReset.CONFIG),
    DLM_ASSOCIATION("DLMAssociation", 120, FaultReset.CONFIG),
    SMART_METER_TIMEOUT("SmartMeterTOut", 90, FaultReset.AUTO),
    OVER_CURRENT("OverCurrent", 80, FaultReset.AUTO),
    DLM_INVALID_CURRENT("DLM InvCurrent", 70, FaultReset.AUTO),
    NO_ERROR("No error", 0, FaultReset.NONE);

    private final String code;
    private final int severity;
    private final FaultReset reset;

    GeneralFault(String code, int severity, FaultReset reset) {
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
