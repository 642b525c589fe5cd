package org.echarge.driver.abb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.echarge.driver.abb.internal.AbbIdentity.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbbIdentityTest {

    /** 4000h words, 4006h mA -> serial number, connector, kW */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "0x5422 0x0400 0x4920 0x0025, TACW22-4-4920-T0025, TYPE_2_SOCKET,              22, 32000", // ABB's example
            "0x4711 0x0400 0x0123 0x9999, TACW11-4-0123-G9999, TYPE_2_CABLE,               11, 16000",
            "0x5007 0x1200 0x5399 0x0001, TACW7-12-5399-P0001, TYPE_1_CABLE,               7,  32000",
            "0x5322 0x04FF 0x0121 0x0100, TACW22-4-0121-S0100, TYPE_2_SOCKET_WITH_SHUTTER, 22, 6000",
    })
    void decodesTheSerialNumber(String words, String serial, Connector connector, int kilowatt, long milliampere) {
        AbbIdentity identity = AbbIdentity.parse(words(words), 0x01083200L, milliampere);

        assertEquals(serial, identity.serialNumber());
        assertEquals(connector, identity.connector());
        assertEquals(kilowatt, identity.ratedPowerKilowatt());
        assertEquals(milliampere, identity.maxRatedMilliampere());
    }

    @Test
    void onlySocketVersionsHaveACableLock() {
        assertTrue(Connector.TYPE_2_SOCKET.socket);
        assertTrue(Connector.TYPE_2_SOCKET_WITH_SHUTTER.socket);
        assertFalse(Connector.TYPE_2_CABLE.socket);
        assertFalse(Connector.TYPE_1_CABLE.socket);
    }

    @Test
    void sayWhatDoesNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AbbIdentity.parse(words("0x4122 0x0400 0x4920 0x0025"), 0x01083200L, 32_000));
        assertTrue(e.getMessage().contains("0x41"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AbbIdentity.parse(words("0x5411 0x0400 0x4920 0x0025"), 0x01083200L, 32_000));
    }

    /** 4004h -> version (each byte BCD; the last is reserved) */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0x01021300, 1.2.13", // ABB's example
            "0x01083200, 1.8.32",
            "0x01060500, 1.6.5",
            "0x010605FF, 1.6.5",
            "0x010A0000, 1.a.0", // no BCD: shown as its hex digits
    })
    void decodesTheFirmwareVersion(String raw, String version) {
        assertEquals(version, AbbFirmware.of(Long.decode(raw)).toString());
    }

    @Test
    void ordersFirmwareVersions() {
        assertTrue(AbbFirmware.of(0x01060400L).isBefore(AbbFirmware.MODBUS_SINCE));
        assertFalse(AbbFirmware.of(0x01060500L).isBefore(AbbFirmware.MODBUS_SINCE));
        assertFalse(AbbFirmware.of(0x01100000L).isBefore(AbbFirmware.MODBUS_SINCE), "1.10.0 after 1.6.5");
    }

    private static int[] words(String text) {
        return Arrays.stream(text.split(" ")).mapToInt(Integer::decode).toArray();
    }
}
