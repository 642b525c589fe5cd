package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.ghgande.j2mod.modbus.msg.ExceptionResponse;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * ABL frames as recorded on real eMH1 boxes. Sources: [evcc#526] evcc issue 526, trace of 2021-10-30;
 * [evcc#1497] evcc issue 1497; [knowhow] raibisch/ESP32_ABL doc/knowhow.txt, which collects the
 * goingelectric.de forum threads t=38749 and p=1550459 (the spaces of that write-up removed).
 */
class AblAsciiFrameTest {

    /** function, address, values written (space separated), frame on the wire, source */
    @ParameterizedTest(name = "{4}: {3}")
    @CsvSource({
            "3,  0x002E, 5,        ':0103002E0005C9',       evcc#526 status report",
            "16, 0x0014, 1000,     ':0110001400010203E8ED', evcc#526 pause (duty 1000)",
            "3,  0x0001, 2,        ':010300010002F9',       knowhow firmware",
            "3,  0x000F, 5,        ':0103000F0005E8',       knowhow current block",
            "16, 0x0014, 100,      ':01100014000102006474', knowhow 6 A",
            "16, 0x0014, 183,      ':0110001400010200B721', knowhow 11 A",
            "16, 0x0014, 267,      ':01100014000102010BCC', knowhow 16 A",
    })
    void requestsOfUnit1AreByteExact(int function, String address, String values, String frame, String source)
            throws Exception {
        int start = Integer.decode(address);
        ModbusRequest request = function == 3 ? new ReadMultipleRegistersRequest(start, Integer.parseInt(values))
                : new WriteMultipleRegistersRequest(start, Arrays.stream(values.split(" "))
                        .map(v -> new SimpleRegister(Integer.parseInt(v))).toArray(SimpleRegister[]::new));
        request.setUnitID(1);

        assertEquals(frame + "\r\n", new String(AblAsciiFrame.request(AblAsciiTransport.adu(request)),
                StandardCharsets.US_ASCII));
    }

    /** answer on the wire, registers it carries (hex, space separated), source */
    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource({
            "'>01030A2EB2910B03E803E803E8B5', 2EB2 910B 03E8 03E8 03E8, evcc#526 B2 with permission",
            "'>010304014150BEA8',             0141 50BE,                knowhow firmware (current sensors: bit 5 of BE)",
            "'>01030204A155',                 04A1,                     knowhow status A1",
            "'>01030204F402',                 04F4,                     evcc#1497 status F4",
            "'>01030A2EA1106403E803E803E8EE', 2EA1 1064 03E8 03E8 03E8, knowhow A1 waiting for the car",
            "'>01030A2EC29100000100010096D9', 2EC2 9100 0001 0001 0096, knowhow C2 charging on one phase",
            "'>01030A2EE0106403E803E803E8AF', 2EE0 1064 03E8 03E8 03E8, knowhow E0 outlet disabled",
            "'>01030A0F3F010B010B00E900E9BA', 0F3F 010B 010B 00E9 00E9, knowhow current block",
    })
    void readAnswersDecodeToTheirRegisters(String frame, String registers, String source) throws Exception {
        ModbusResponse response = decode(frame + "\r\n");

        ReadMultipleRegistersResponse read = assertInstanceOf(ReadMultipleRegistersResponse.class, response);
        assertEquals(1, read.getUnitID());
        int[] words = Arrays.stream(read.getRegisters()).mapToInt(r -> r.toUnsignedShort()).toArray();
        assertArrayEquals(HexFormat.of().parseHex(registers.replace(" ", "")), toBytes(words));
    }

    /** answer on the wire, register written, source */
    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource({
            "'>011000140001DA', 0x0014, evcc#526 set current",
            "'>011000050001E9', 0x0005, knowhow outlet disabled / enabled",
    })
    void writeAnswersEchoAddressAndCount(String frame, String address, String source) throws Exception {
        WriteMultipleRegistersResponse write = assertInstanceOf(WriteMultipleRegistersResponse.class,
                decode(frame + "\r\n"));
        assertEquals(Integer.decode(address), write.getReference());
        assertEquals(1, write.getWordCount());
    }

    /** evcc#17889 reports exception 3 to function 16 from an eMH1; the frame is the standard exception PDU. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"'>0190036C', 16, 3", "'>018302 7A', 3, 2"})
    void exceptionAnswersCarryTheirCode(String frame, int function, int code) throws Exception {
        ExceptionResponse exception = assertInstanceOf(ExceptionResponse.class, decode(frame.replace(" ", "") + "\r\n"));
        assertEquals(function | 0x80, exception.getFunctionCode());
        assertEquals(code, exception.getExceptionCode());
    }

    /** answer on the wire (CR LF added unless the case is about the end), what the refusal says */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // knowhow: an annotated frame whose edited value kept the old LRC
            "knowhow frame with a stale LRC, '>01030A0F3F010B0085008500644B',  'LRC error: the answer says 4B, its bytes give 2A'",
            "standard Modbus ASCII start,    ':01030204A155',                  'answer starts with '':'' instead of ''>'''",
            "no start character,             '01030204A155',                   'answer starts with ''0'' instead of ''>'''",
            "cut off before CR LF,           '>01030A2EB2910B03E8<none>',      'answer does not end with CR LF'",
            "LF only,                        '>01030204A155<LF>',              'answer does not end with CR LF'",
            "not a hex digit,                '>01030204G155',                  '''G'' at position 9 is not a hex digit'",
            "odd number of digits,           '>01030204A1550',                 'odd number of hex digits (13)'",
            "only address and LRC,           '>01FF',                          'has no room for address, function and LRC'",
            "byte count beyond the data,     '>01030A2EA123',                  'answer of function 3 is cut short'",
            "byte more than the count says,  '>01030204A100 55',               'answer of function 3 has 1 bytes too many'",
            "unknown function,               '>0163 009C',                     'answer with unknown function 99'",
    })
    void malformedAnswersAreRefused(String fault, String frame, String message) {
        String wire = frame.replace(" ", "");
        wire = wire.endsWith("<none>") ? wire.replace("<none>", "")
                : wire.endsWith("<LF>") ? wire.replace("<LF>", "\n") : wire + "\r\n";
        String bytes = wire;
        Exception e = assertThrows(Exception.class, () -> decode(bytes));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static ModbusResponse decode(String frame) throws Exception {
        return AblAsciiTransport.response(AblAsciiFrame.answer(frame.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] toBytes(int[] words) {
        byte[] bytes = new byte[2 * words.length];
        for (int i = 0; i < words.length; i++) {
            bytes[2 * i] = (byte) (words[i] >>> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        return bytes;
    }
}
