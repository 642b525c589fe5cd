package org.echarge.driver.bender.internal;

import java.util.Optional;

import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;

/**
 * Register access of one controller: function 3 for reads, function 16 of one register for writes (as
 * evcc). Failures name the controller and the register; an exception response adds the settings that
 * usually cause it.
 */
final class BenderReader {

    static final String REGISTER_SET_HINT = " (is the \"Modbus TCP Server for energy management systems\" on, with"
            + " register set \"Ebee / Bender / MENNEKES\"?)";

    private final ModbusClient modbus;
    private final String name;

    /** @param name the controller for messages, e.g. "Bender tcp://192.0.2.1:502/255" */
    BenderReader(ModbusClient modbus, String name) {
        this.modbus = modbus;
        this.name = name;
    }

    String name() {
        return name;
    }

    long raw(BenderRegisters register) throws ModbusException {
        return words(register).raw(register);
    }

    BenderBlock.Values words(BenderRegisters register) throws ModbusException {
        try {
            return BenderBlock.Values.of(register, modbus.readHoldingRegisters(register.address(), register.count()));
        } catch (ModbusException e) {
            throw failed(e, "reading " + register);
        }
    }

    BenderBlock.Values words(BenderBlock block) throws ModbusException {
        try {
            return new BenderBlock.Values(block.address(), modbus.readHoldingRegisters(block.address(), block.count()));
        } catch (ModbusException e) {
            throw failed(e, "reading " + block);
        }
    }

    /** The register's words, or empty when the controller refuses it with an exception response. */
    Optional<BenderBlock.Values> optional(BenderRegisters register) throws ModbusException {
        try {
            return Optional.of(words(register));
        } catch (ModbusException e) {
            return refused(e);
        }
    }

    Optional<BenderBlock.Values> optional(BenderBlock block) throws ModbusException {
        try {
            return Optional.of(words(block));
        } catch (ModbusException e) {
            return refused(e);
        }
    }

    void write(BenderRegisters register, int raw) throws ModbusException {
        try {
            modbus.writeRegisters(register.address(), raw);
        } catch (ModbusException e) {
            throw failed(e, "writing " + raw + " to " + register);
        }
    }

    void close() {
        modbus.close();
    }

    private static Optional<BenderBlock.Values> refused(ModbusException e) throws ModbusException {
        if (e.exceptionCode() == 0) {
            throw e; // not reachable, or a garbled answer: not a register the firmware lacks
        }
        return Optional.empty();
    }

    private ModbusException failed(ModbusException e, String what) {
        String hint = e.exceptionCode() == 0 ? "" : REGISTER_SET_HINT;
        return new ModbusException(e.kind(), name + " " + what + ": " + e.getMessage() + hint, e.exceptionCode());
    }
}
