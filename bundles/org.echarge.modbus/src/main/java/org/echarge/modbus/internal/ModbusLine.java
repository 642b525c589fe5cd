package org.echarge.modbus.internal;

import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;

/** Where requests go: a TCP connection or the RS485 line, each serialising its requests. */
interface ModbusLine {

    /** For messages: "192.0.2.1:502", "RS485 /dev/ttyUSB0". */
    String name();

    /** Sends the request (its unit id set) and returns the answer of that unit, never an exception response. */
    ModbusResponse execute(ModbusRequest request, ModbusOptions options) throws ModbusException;
}
