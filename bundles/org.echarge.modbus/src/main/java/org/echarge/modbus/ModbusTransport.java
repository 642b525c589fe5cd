package org.echarge.modbus;

import org.echarge.api.DeviceAddress;

/**
 * Opens Modbus clients. Clients of devices behind the same host and port share one TCP
 * connection (gateways, and chargers that accept only one master), and their requests are
 * serialised on it. Clients of {@link org.echarge.api.Transport#MODBUS_RTU} and
 * {@link org.echarge.api.Transport#MODBUS_ASCII} addresses share the gateway's one RS485 line
 * (configured by the transport, not by the driver); its requests are serialised in arrival order.
 */
public interface ModbusTransport {

    /**
     * Opens a client; does no I/O (the connection is made by the first request).
     *
     * @throws IllegalArgumentException for an RS485 unit id outside 1..247
     */
    ModbusClient open(DeviceAddress address, ModbusOptions options);
}
