package org.echarge.modbus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransport;
import com.ghgande.j2mod.modbus.msg.ExceptionResponse;
import com.ghgande.j2mod.modbus.msg.ModbusMessage;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.net.AbstractModbusListener;

/**
 * j2mod's serial transport speaking ABL's Modbus ASCII dialect ({@link AblAsciiFrame}): j2mod
 * builds the requests and parses the PDUs, the frames are this project's. Master side only. It
 * reads through {@link SerialPortConnection}, so the answer deadline, the byte count that tells
 * "no answer" from "garbled answer" and the broken-port detection are the same as for RTU and ASCII.
 */
final class AblAsciiTransport extends ModbusSerialTransport {

    /** Bytes before the start character that are not printable ASCII are line noise (transceiver switching). */
    private static final int PRINTABLE_FIRST = 0x20;
    private static final int PRINTABLE_LAST = 0x7E;

    @Override
    protected void writeMessageOut(ModbusMessage message) throws ModbusIOException {
        byte[] frame = AblAsciiFrame.request(adu(message));
        if (getCommPort().writeBytes(frame, frame.length) != frame.length) {
            throw new ModbusIOException("writing the request failed");
        }
    }

    @Override
    protected ModbusResponse readResponseIn() throws ModbusIOException {
        try {
            return response(AblAsciiFrame.answer(readFrame()));
        } catch (ModbusIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ModbusIOException(e.getMessage(), e);
        }
    }

    @Override
    protected ModbusRequest readRequestIn(AbstractModbusListener listener) throws ModbusIOException {
        throw new ModbusIOException("the ABL ASCII framing is for masters only");
    }

    /** One frame: from the first printable character up to LF, or as far as it came within the deadline. */
    private byte[] readFrame() throws ModbusIOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] next = new byte[1];
        int noise = 0;
        while (frame.size() < AblAsciiFrame.MAX_LENGTH) {
            if (getCommPort().readBytes(next, 1) != 1) {
                throw new ModbusIOException(frame.size() > 0 ? "answer cut off after " + frame.size() + " characters"
                        : noise > 0 ? "no answer, " + noise + " bytes of line noise" : "no answer");
            }
            if (frame.size() == 0 && (next[0] < PRINTABLE_FIRST || next[0] > PRINTABLE_LAST)) {
                noise++;
                continue;
            }
            frame.write(next[0]);
            if (next[0] == '\n' || frame.size() == 1 && next[0] != AblAsciiFrame.ANSWER_START) {
                return frame.toByteArray(); // complete, or no ABL answer at all: no need to wait for the rest
            }
        }
        throw new ModbusIOException("answer longer than " + AblAsciiFrame.MAX_LENGTH + " characters");
    }

    /** Address and PDU as j2mod writes them for serial lines. */
    static byte[] adu(ModbusMessage message) throws ModbusIOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.setHeadless();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            message.writeTo(out);
        } catch (IOException e) {
            throw new ModbusIOException("cannot encode the request: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** j2mod's response to address and PDU; the PDU must be exactly as long as its function says. */
    static ModbusResponse response(byte[] adu) throws ModbusIOException {
        int function = adu[1] & 0xFF;
        ModbusResponse response = ModbusResponse.createModbusResponse(function);
        if (response instanceof ExceptionResponse && (function & 0x80) == 0) {
            throw new ModbusIOException("answer with unknown function " + function);
        }
        response.setHeadless();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(adu));
        int left;
        try {
            response.readFrom(in);
            left = in.available();
        } catch (EOFException e) {
            throw new ModbusIOException("answer of function " + function + " is cut short", e);
        } catch (IOException e) {
            throw new ModbusIOException("answer of function " + function + " cannot be read: " + e.getMessage(), e);
        }
        if (left > 0) {
            throw new ModbusIOException("answer of function " + function + " has " + left + " bytes too many");
        }
        return response;
    }
}
