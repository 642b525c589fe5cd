package org.echarge.driver.abb.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What registers 4000h..4007h say about the box. The serial number is packed into eight bytes (ABB section 5.1):
 * byte 7 connector type, 6 rated power, 5 plant, 4 spare, 3 production week, 2 production year, 1 and 0 the unique
 * number, all but the first as BCD digits. ABB's example 0x54 0x22 0x04 0x00 0x49 0x20 0x00 0x25 is
 * TACW22-4-4920-T0025 ("TACW" is not part of the registers).
 *
 * @param maxRatedMilliampere register 4006h: the most the hardware allows, as set in TerraConfig
 */
record AbbIdentity(String serialNumber, Connector connector, int ratedPowerKilowatt, AbbFirmware firmware,
        long maxRatedMilliampere) {

    /** Byte 7 of the serial number. Only socket versions have a cable lock (4103h). */
    enum Connector {
        TYPE_2_CABLE('G', "Type 2 cable", false),
        TYPE_1_CABLE('P', "Type 1 cable", false),
        TYPE_2_SOCKET_WITH_SHUTTER('S', "Type 2 socket with shutter", true),
        TYPE_2_SOCKET('T', "Type 2 socket", true);

        final char letter;
        final String text;
        final boolean socket;

        Connector(char letter, String text, boolean socket) {
            this.letter = letter;
            this.text = text;
            this.socket = socket;
        }

        static Optional<Connector> of(int code) {
            return Arrays.stream(values()).filter(c -> c.letter == code).findFirst();
        }
    }

    /**
     * Reads the box's identity, so that the charger can refuse another device before it writes anything.
     *
     * @param serial the four words of 4000h
     * @param firmwareRaw the u32 of 4004h
     * @param maxRatedMilliampere the u32 of 4006h
     * @throws IllegalArgumentException saying why these registers are not a Terra AC's
     */
    static AbbIdentity parse(int[] serial, long firmwareRaw, long maxRatedMilliampere) {
        int[] bytes = new int[8]; // bytes[7] is the first byte on the wire
        for (int i = 0; i < 4; i++) {
            bytes[7 - 2 * i] = serial[i] >>> 8 & 0xFF;
            bytes[6 - 2 * i] = serial[i] & 0xFF;
        }
        Connector connector = Connector.of(bytes[7]).orElseThrow(() -> new IllegalArgumentException(String.format(
                Locale.ROOT, "connector type 0x%02X is none of G, P, S, T", bytes[7])));
        int kilowatt = switch (bytes[6]) {
            case 0x07 -> 7;
            case 0x11 -> 11;
            case 0x22 -> 22;
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "rated power 0x%02X is none of 7, 11, 22 kW", bytes[6]));
        };
        for (int i = 0; i <= 3; i++) {
            if (!bcd(bytes[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "serial byte %d is 0x%02X, not two"
                        + " decimal digits", i, bytes[i]));
            }
        }
        if (bytes[3] < 0x01 || bytes[3] > 0x53) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "production week %x is not 1..53", bytes[3]));
        }
        int ratedAmpere = kilowatt == 11 ? 16 : 32; // 7 kW: 32 A on one phase; 11 kW: 16 A and 22 kW: 32 A on three
        if (maxRatedMilliampere < 6_000 || maxRatedMilliampere > ratedAmpere * 1_000L) {
            throw new IllegalArgumentException("max rated current " + maxRatedMilliampere + " mA (4006h) is not 6.."
                    + ratedAmpere + " A of a " + kilowatt + " kW box");
        }
        String serialNumber = String.format(Locale.ROOT, "TACW%x-%x-%02x%02x-%c%02x%02x", bytes[6], bytes[5], bytes[3],
                bytes[2], connector.letter, bytes[1], bytes[0]);
        return new AbbIdentity(serialNumber, connector, kilowatt, AbbFirmware.of(firmwareRaw), maxRatedMilliampere);
    }

    private static boolean bcd(int value) {
        return (value >>> 4) <= 9 && (value & 0xF) <= 9;
    }
}
