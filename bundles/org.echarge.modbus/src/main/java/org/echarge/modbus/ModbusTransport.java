package org.echarge.modbus;

import org.echarge.api.DeviceAddress;

/**
 * Opens Modbus clients. Clients of devices behind the same host and port share one TCP
 * connection (gateways, and chargers that accept only one master), and their requests are
 * serialised on it.
 */
public interface ModbusTransport {

    /** Opens a client; does no I/O (the connection is made by the first request). */
    ModbusClient open(DeviceAddress address, ModbusOptions options);
}
