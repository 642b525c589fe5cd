package org.echarge.api;

import java.util.Objects;

/**
 * Where a charger or meter answers: host and port for Modbus TCP, and the Modbus unit id
 * (the device address on the RS485 line, where host and port are not used).
 */
public record DeviceAddress(Transport transport, String host, int port, int unitId) {

    public DeviceAddress {
        Objects.requireNonNull(transport, "transport");
        host = host == null ? "" : host.trim();
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("Modbus unit id must be 0..255, was " + unitId);
        }
        if (transport == Transport.MODBUS_TCP) {
            if (host.isEmpty()) {
                throw new IllegalArgumentException("Modbus TCP needs a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("TCP port must be 1..65535, was " + port);
            }
        }
    }

    public static DeviceAddress tcp(String host, int port, int unitId) {
        return new DeviceAddress(Transport.MODBUS_TCP, host, port, unitId);
    }

    @Override
    public String toString() {
        return transport == Transport.MODBUS_TCP
                ? "tcp://" + host + ":" + port + "/" + unitId
                : transport.name().toLowerCase(java.util.Locale.ROOT) + "/" + unitId;
    }
}
