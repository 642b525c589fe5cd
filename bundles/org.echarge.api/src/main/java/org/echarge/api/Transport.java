package org.echarge.api;

/** How the gateway reaches a device. */
public enum Transport {
    /** Modbus TCP over IP. */
    MODBUS_TCP,
    /** Modbus RTU on the gateway's RS485 line. */
    MODBUS_RTU,
    /** Modbus ASCII on the gateway's RS485 line. */
    MODBUS_ASCII;

    public boolean onSerialLine() {
        return this != MODBUS_TCP;
    }
}
