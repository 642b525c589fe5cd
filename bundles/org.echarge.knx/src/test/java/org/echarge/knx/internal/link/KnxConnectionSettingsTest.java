package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.echarge.knx.internal.Validated;
import org.echarge.knx.internal.link.KnxConnectionSettings.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tuwien.auto.calimero.IndividualAddress;

class KnxConnectionSettingsTest {

    @Test
    void blankModeAndAddressTakeTheDefaults() {
        KnxConnectionSettings s = valid("", "192.168.1.10", 3671, "", "", "");
        assertEquals(Mode.TUNNELING, s.mode());
        assertEquals(new IndividualAddress(15, 15, 255), s.individualAddress());
        assertEquals("KNXnet/IP tunnel (UDP) to 192.168.1.10:3671", s.target());
    }

    @Test
    void eachModeNamesItsTarget() {
        assertEquals("KNXnet/IP tunnel (TCP) to [fe80::1]:3671",
                valid("tunneling_tcp", "fe80::1", 3671, "", "", "1.1.1").target());
        assertEquals("KNXnet/IP routing on 224.0.23.12", valid("ROUTING", "", 0, "", "", "").target());
        assertEquals("KNXnet/IP routing on 239.1.2.3", valid("ROUTING", "239.1.2.3", 3671, "", "", "").target());
        assertEquals("FT1.2 interface on /dev/ttyS0", valid("SERIAL_FT12", "", 0, "", "/dev/ttyS0", "").target());
        assertEquals("TP-UART on /dev/ttyAMA0", valid("SERIAL_TPUART", "", 0, "", "/dev/ttyAMA0", "").target());
        assertEquals("virtual KNX network site-2", valid("virtual", "site-2", 0, "", "", "").target());
    }

    @Test
    void aVirtualNetworkWithoutANameIsTheDemoNetwork() {
        KnxConnectionSettings s = valid("VIRTUAL", "", 0, "not used", "", "1.1.250");
        assertEquals("demo", s.virtualNetwork());
        assertEquals("virtual KNX network demo", s.target());
        assertEquals(new IndividualAddress(1, 1, 250), s.individualAddress());
        assertThrows(IllegalArgumentException.class, () -> new CalimeroLinkOpener(s));
    }

    @Test
    void settingsTheModeDoesNotUseAreNotChecked() {
        valid("SERIAL_TPUART", "not a host", -1, "nonsense", "/dev/ttyAMA0", "");
        valid("TUNNELING", "knx-gw.local", 3671, "", "ttyUSB0", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TUNNEL        | gw  | 3671  |           |              | 1.1.1 | mode "TUNNEL" is not one of [TUNNELING, TUNNELING_TCP, TUNNELING_SECURE, ROUTING, ROUTING_SECURE, SERIAL_FT12, SERIAL_TPUART, VIRTUAL]
            TUNNELING     |     | 3671  |           |              |       | host: tunnelling needs the KNXnet/IP server's name or IP address
            TUNNELING_TCP | a b | 3671  |           |              |       | host "a b" contains white space
            TUNNELING     | gw  | 0     |           |              |       | port 0 is outside 1-65535
            TUNNELING_TCP | gw  | 65536 |           |              |       | port 65536 is outside 1-65535
            ROUTING       | 224.0.23.11 | 3671 |    |              |       | host "224.0.23.11": routing needs a multicast group from 224.0.23.12 to 239.255.255.255 as an IP address
            ROUTING       | knx.local | 3671 |      |              |       | host "knx.local": routing needs a multicast group from 224.0.23.12 to 239.255.255.255 as an IP address
            TUNNELING     | gw  | 3671  | eth0      |              |       | local address "eth0" is not an IP address; give one of this machine's addresses, or leave it empty
            ROUTING       |     | 3671  | 10.0.0.256 |             |       | local address "10.0.0.256" is not an IP address; give one of this machine's addresses, or leave it empty
            SERIAL_FT12   |     | 0     |           |              |       | serial path: a serial mode needs the device path of the KNX interface, e.g. /dev/ttyUSB0
            SERIAL_TPUART |     | 0     |           | ttyUSB0      |       | serial path "ttyUSB0" is not an absolute device path, e.g. /dev/ttyUSB0
            VIRTUAL       | my line | 0 |           |              |       | host "my line": a virtual network's name is 1 to 40 letters, digits, '.', '_' or '-'
            TUNNELING     | gw  | 3671  |           |              | 1.1   | individual address "1.1" is not an individual address: write area.line.device, e.g. 1.1.20
            TUNNELING     | gw  | 3671  |           |              | 16.1.1 | individual address 16.1.1 is out of range: area and line are 0-15, the device 1-255
            TUNNELING     | gw  | 3671  |           |              | 1.1.256 | individual address 1.1.256 is out of range: area and line are 0-15, the device 1-255
            TUNNELING     | gw  | 3671  |           |              | 1.1.0 | individual address 1.1.0: device number 0 is reserved for couplers; use 1-255
            """)
    void eachErrorNamesTheSetting(String mode, String host, int port, String local, String serial, String address,
            String error) {
        assertEquals(List.of(error), errors(mode, host, port, local, serial, address));
    }

    @Test
    void allErrorsAtOnce() {
        assertEquals(List.of("port 70000 is outside 1-65535",
                "host: tunnelling needs the KNXnet/IP server's name or IP address",
                "local address \"x\" is not an IP address; give one of this machine's addresses, or leave it empty",
                "individual address 1.1.0: device number 0 is reserved for couplers; use 1-255"),
                errors("TUNNELING", "", 70000, "x", "", "1.1.0"));
    }

    @Test
    void theRecordRefusesWhatValidateRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KnxConnectionSettings(Mode.TUNNELING, "", 0, "", "", new IndividualAddress(1, 1, 0)));
        assertEquals("port 0 is outside 1-65535; host: tunnelling needs the KNXnet/IP server's name or IP address;"
                + " individual address 1.1.0: device number 0 is reserved for couplers; use 1-255", e.getMessage());
    }

    @Test
    void individualAddressesAreDecimal() {
        assertEquals(new IndividualAddress(1, 1, 8), KnxConnectionSettings.parseIndividualAddress("01.01.008"));
        assertEquals(new IndividualAddress(15, 15, 255), KnxConnectionSettings.parseIndividualAddress("15.15.255"));
        assertThrows(IllegalArgumentException.class, () -> KnxConnectionSettings.parseIndividualAddress("1/1/1"));
        assertThrows(IllegalArgumentException.class, () -> KnxConnectionSettings.parseIndividualAddress("0x1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> KnxConnectionSettings.parseIndividualAddress(" 1.1.1"));
    }

    private static KnxConnectionSettings valid(String mode, String host, int port, String local, String serial,
            String address) {
        Validated<KnxConnectionSettings> v = KnxConnectionSettings.validate(mode, host, port, local, serial, address);
        if (v instanceof Validated.Valid<KnxConnectionSettings> ok) {
            return ok.value();
        }
        throw new AssertionError("invalid: " + ((Validated.Invalid<KnxConnectionSettings>) v).errors());
    }

    private static List<String> errors(String mode, String host, int port, String local, String serial,
            String address) {
        Validated<KnxConnectionSettings> v = KnxConnectionSettings.validate(mode, host, port, local, serial, address);
        if (v instanceof Validated.Invalid<KnxConnectionSettings> bad) {
            return bad.errors();
        }
        throw new AssertionError("valid: " + v);
    }
}
