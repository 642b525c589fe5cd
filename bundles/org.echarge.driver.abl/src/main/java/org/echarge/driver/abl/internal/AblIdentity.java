package org.echarge.driver.abl.internal;

import java.util.HexFormat;

import org.echarge.modbus.RegisterText;

/**
 * What the first poll learns about the box.
 *
 * @param firmware the three identification bytes of 0x0001..0x0002 in hex, e.g. "41 50 BE"; their meaning is
 *     not documented (the knowhow author's box with firmware 4.1 answered 0x41 first)
 * @param currentSensors bit 5 of the last identification byte (evcc): the phase currents are measured
 * @param serialNumber from 0x0050, or null when the box does not tell
 */
record AblIdentity(String firmware, boolean currentSensors, String serialNumber) {

    private static final int SENSORS = 0x20;

    /** The words of one read of {@link AblRegisters#IDENTIFICATION}, the address echo checked by the caller. */
    static AblIdentity of(int[] identification, String serialNumber) {
        byte[] bytes = {(byte) identification[0], (byte) (identification[1] >>> 8), (byte) identification[1]};
        return new AblIdentity(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes),
                (identification[1] & SENSORS) != 0, serialNumber);
    }

    /**
     * The serial number in the words of one read of {@link AblRegisters#SERIAL_NUMBER}: ASCII from the third
     * byte to the first blank (esphome abl_emh1); null if empty.
     */
    static String serialNumber(int[] words) {
        String text = RegisterText.decode(words, 1, words.length - 1, RegisterText.ByteOrder.HIGH_FIRST);
        int blank = text.indexOf(' ');
        String serial = blank < 0 ? text : text.substring(0, blank);
        return serial.isEmpty() ? null : serial;
    }
}
