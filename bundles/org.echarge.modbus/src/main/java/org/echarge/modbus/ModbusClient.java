package org.echarge.modbus;

/**
 * Requests to one Modbus device (one unit id). Register values are unsigned 16-bit words
 * ({@code 0..65535}); {@link RegisterType} and {@link RegisterText} decode them.
 * Every method blocks for at most the configured timeout (plus waiting for the shared line).
 */
public interface ModbusClient extends AutoCloseable {

    /** Function code 3. */
    int[] readHoldingRegisters(int address, int count) throws ModbusException;

    /** Function code 4. */
    int[] readInputRegisters(int address, int count) throws ModbusException;

    /** Function code 6. */
    void writeRegister(int address, int value) throws ModbusException;

    /** Function code 16. */
    void writeRegisters(int address, int... values) throws ModbusException;

    /**
     * Function code 1: {@code count} coils from {@code address}. Clients that cannot (test fakes)
     * refuse with {@code NOT_SUPPORTED}.
     */
    default boolean[] readCoils(int address, int count) throws ModbusException {
        throw new ModbusException(org.echarge.api.DeviceException.Kind.NOT_SUPPORTED, "coils are not supported");
    }

    /** Function code 5: one coil on or off. */
    default void writeCoil(int address, boolean value) throws ModbusException {
        throw new ModbusException(org.echarge.api.DeviceException.Kind.NOT_SUPPORTED, "coils are not supported");
    }

    /** Releases this client; the shared connection closes with its last client. Idempotent. */
    @Override
    void close();
}
