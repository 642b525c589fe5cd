package org.echarge.knx.internal;

import static org.echarge.knx.internal.Setups.BASIC_MODEL;
import static org.echarge.knx.internal.Setups.FULL_MODEL;
import static org.echarge.knx.internal.Setups.dlmOn;
import static org.echarge.knx.internal.Setups.point;
import static org.echarge.knx.internal.Setups.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tuwien.auto.calimero.GroupAddress;

/**
 * Links against: DLM on with a 3-phase meter (values only, 14.019), point 1 with a full model, point 2
 * with a model that only takes a current (no metering, no start/stop).
 */
class GroupObjectLinksTest {

    private static final GroupObjectTable TABLE = GroupObjectTable.standard();
    private static final GatewaySetup SETUP = setup(dlmOn(3, MeterDatapoint.DPT_14_019, false),
            point(1, FULL_MODEL, false), point(2, BASIC_MODEL, false));

    private static Validated<GroupObjectLinks> parse(String... entries) {
        return GroupObjectLinks.parse(List.of(entries), TABLE, SETUP);
    }

    private static GroupObjectLinks valid(String... entries) {
        Validated<GroupObjectLinks> result = parse(entries);
        if (result instanceof Validated.Valid<GroupObjectLinks> valid) {
            return valid.value();
        }
        return fail(result.toString());
    }

    private static GroupAddress ga(int main, int middle, int sub) {
        return GroupAddress.threeLevel(main, middle, sub);
    }

    @Test
    void readsAValidConfiguration() {
        GroupObjectLinks links = valid("1=0/0/1", "2=0/0/2", " point1.62 = 1/1/1 , 1/1/9 ", "", "  ",
                "111=1/2/1", "13=0/0/5", "54=0/0/5", "52=1/1/7", "102=1/1/8,1/1/7");
        assertEquals(AddressStyle.THREE_LEVEL, links.style());
        assertEquals(List.of(1, 2, 13, 52, 54, 62, 102, 111), links.objectNumbers());
        assertEquals(List.of(ga(1, 1, 1), ga(1, 1, 9)), links.addresses(62));
        assertEquals(Optional.of(ga(1, 1, 8)), links.sendingAddress(102));
        assertEquals(List.of(), links.addresses(50));
        assertEquals(Optional.empty(), links.sendingAddress(50));
        assertEquals(List.of(52, 102), links.objectsLinkedTo(ga(1, 1, 7)));
        assertEquals(List.of(13, 54), links.objectsLinkedTo(ga(0, 0, 5)));
        assertEquals(List.of(ga(0, 0, 1), ga(0, 0, 2), ga(0, 0, 5), ga(1, 1, 1), ga(1, 1, 7), ga(1, 1, 8),
                ga(1, 1, 9), ga(1, 2, 1)), links.groupAddresses());
        assertEquals(List.of("1=0/0/1", "2=0/0/2", "13=0/0/5", "52=1/1/7", "54=0/0/5", "62=1/1/1,1/1/9",
                "102=1/1/8,1/1/7", "111=1/2/1"), links.toEntries());
    }

    @Test
    void keepsTheNotationOfTheEntries() {
        GroupObjectLinks twoLevel = valid("point2.61=1/515", "10=0/1,0/2047");
        assertEquals(AddressStyle.TWO_LEVEL, twoLevel.style());
        assertEquals(List.of(ga(1, 2, 3)), twoLevel.addresses(111));
        assertEquals(List.of("10=0/1,0/2047", "111=1/515"), twoLevel.toEntries());
        GroupObjectLinks free = valid("111=2563");
        assertEquals(AddressStyle.FREE, free.style());
        assertEquals(List.of("111=2563"), free.toEntries());
    }

    @Test
    void noEntriesAreNoLinks() {
        GroupObjectLinks links = valid();
        assertEquals(List.of(), links.objectNumbers());
        assertEquals(AddressStyle.THREE_LEVEL, links.style());
        assertEquals(List.of(), GroupObjectLinks.none().toEntries());
    }

    private static final String SYNTAX = "<object>=<address>[,<address>...], e.g. 110=1/2/3,1/2/4 or point2.60=1/2/3";
    private static final String HOW = "write main/middle/sub (e.g. 1/2/3), main/sub (e.g. 1/515)"
            + " or a number (e.g. 2563)";
    private static final String METER = "object 10 \"Smart meter value (1-phase) / L1 (3-phase)\": ";

    // entries (separated by " ; "), the one error they give
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            foo                     | "foo": expected {SYNTAX}
            57=1/2/3                | "57=1/2/3": there is no group object 57
            107=1/2/3               | "107=1/2/3": there is no group object 107
            x=1/2/3                 | "x=1/2/3": "x" is neither an object number (e.g. 110) nor a charging point's object (e.g. point2.60); expected {SYNTAX}
            point2 60=1/2/3         | "point2 60=1/2/3": "point2 60" is neither an object number (e.g. 110) nor a charging point's object (e.g. point2.60); expected {SYNTAX}
            point0.60=1/2/3         | "point0.60=1/2/3": there is no charging point 0; they are numbered from 1
            point2.40=1/2/3         | "point2.40=1/2/3": there is no charging point object 40
            point2.110=1/2/3        | "point2.110=1/2/3": there is no charging point object 110
            point2.10=1/2/3         | "point2.10=1/2/3": object 10 is not a charging point object; write it as 10
            60=1/2/3                | "60=1/2/3": object 60 "CP1 Setpoint charging current" does not exist in this configuration: it exists only while DLM is off
            20=1/2/3                | "20=1/2/3": object 20 "Smart meter in operation" does not exist in this configuration: it exists only when the smart meter is monitored with "in operation"
            104=1/2/3               | "104=1/2/3": object 104 "CP2 Start/stop charging process" does not exist in this configuration: the model of charging point 2 (basic) does not support START_STOP
            point2.62=1/2/3         | "point2.62=1/2/3": object 112 "CP2 Actual charging current (sum) - state" does not exist in this configuration: the model of charging point 2 (basic) does not measure and the point has no electricity meter
            point3.50=1/2/3         | "point3.50=1/2/3": object 150 "CP3 Charging point state - state" does not exist in this configuration: charging point 3 is not configured
            10=                     | "10=": {METER}no group address after '='
            10=1/2/3,32/0/0         | "10=1/2/3,32/0/0": {METER}group address 32/0/0: main group 32 is outside 0-31
            10=1/2/3,,1/2/4         | "10=1/2/3,,1/2/4": {METER}empty group address: {HOW}
            10=1/2/3;4              | "10=1/2/3;4": {METER}"1/2/3;4" is not a group address: {HOW}
            10=0/0/0                | "10=0/0/0": {METER}group address 0/0/0 is the broadcast address; a group object cannot be linked to it
            10=1/2/3, 1/2/3         | "10=1/2/3, 1/2/3": {METER}1/2/3 is linked twice
            10=1/2/3,1/2/4=1/2/5    | "10=1/2/3,1/2/4=1/2/5": {METER}"1/2/4=1/2/5" is not a group address: {HOW}
            111=1/2/3 ; point2.61=1/2/4 | "point2.61=1/2/4": object 111 "CP2 Setpoint charging current - state": it is already linked by "111=1/2/3"
            50=1/1/1 ; 100=1/1/1    | "100=1/1/1": object 100 "CP2 Charging point state - state": its sending address 1/1/1 is the sending address of object 50 "CP1 Charging point state - state" ("50=1/1/1") too; two objects that transmit cannot share a sending address
            55=1/0/5 ; 105=1/0/5,1/0/6 | "105=1/0/5,1/0/6": object 105 "CP2 Interruption": its sending address 1/0/5 is the sending address of object 55 "CP1 Interruption" ("55=1/0/5") too; two objects that transmit cannot share a sending address
            50=1/1/1 ; 51=1/1/2,1/1/1 | "51=1/1/2,1/1/1": object 51 "CP1 Connected - state": its size is 1 bit, but it shares 1/1/1 with object 50 "CP1 Charging point state - state" ("50=1/1/1") of 1 byte
            10=1/2/3 ; 11=1/2       | "11=1/2": object 11 "Smart meter value L2 (3-phase)": 1/2 is in 2-level notation, but the first link, "10=1/2/3", uses 3-level notation: write all group addresses in one notation
            10=2563,1/2/4           | "10=2563,1/2/4": {METER}1/2/4 is in 3-level notation, but 2563 is in free notation: write all group addresses in one notation
            """)
    void refusesEachErrorWithItsEntryAndObject(String entries, String message) {
        Validated<GroupObjectLinks> result = parse(entries.split(" ; "));
        assertEquals(new Validated.Invalid<GroupObjectLinks>(List.of(message.replace("{SYNTAX}", SYNTAX)
                .replace("{HOW}", HOW).replace("{METER}", METER))), result);
    }

    @Test
    void reportsAllErrorsTogetherAndAppliesNothing() {
        assertEquals(new Validated.Invalid<GroupObjectLinks>(List.of(
                "\"57=1/2/3\": there is no group object 57",
                "\"60=1/2/3\": object 60 \"CP1 Setpoint charging current\" does not exist in this configuration:"
                        + " it exists only while DLM is off",
                "\"10=32/0/0,1/8/0\": " + METER + "group address 32/0/0: main group 32 is outside 0-31",
                "\"10=32/0/0,1/8/0\": " + METER + "group address 1/8/0: middle group 8 is outside 0-7",
                "\"102=1/1/1\": object 102 \"CP2 Charging - state\": its sending address 1/1/1 is the sending address"
                        + " of object 52 \"CP1 Charging - state\" (\"52=1/1/1\") too; two objects that transmit cannot"
                        + " share a sending address")),
                parse("57=1/2/3", "1=0/0/1", "60=1/2/3", "2=0/0/2", "10=32/0/0,1/8/0", "52=1/1/1", "102=1/1/1"));
    }

    @Test
    void aSendingAddressMayBeAnotherObjectsListeningAddress() {
        GroupObjectLinks links = valid("50=1/1/1", "100=1/1/2,1/1/1");
        assertEquals(List.of(50, 100), links.objectsLinkedTo(ga(1, 1, 1)));
    }

    @Test
    void sameSizeObjectsOfDifferentTypesMayShareAnAddress() {
        // 1.002 and 1.011 are both 1 bit
        GroupObjectLinks links = valid("51=1/1/1", "52=1/1/2,1/1/1");
        assertEquals(Arrays.asList(51, 52), links.objectsLinkedTo(ga(1, 1, 1)));
    }
}
