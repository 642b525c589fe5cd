package org.echarge.knx.internal;

import static org.echarge.knx.internal.Setups.BASIC_MODEL;
import static org.echarge.knx.internal.Setups.FULL_MODEL;
import static org.echarge.knx.internal.Setups.dlmOn;
import static org.echarge.knx.internal.Setups.point;
import static org.echarge.knx.internal.Setups.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.echarge.api.point.PointConfiguration.CurrentDatapoint;
import org.echarge.api.point.PointConfiguration.EnergyDatapoint;
import org.echarge.api.point.PointConfiguration.PowerDatapoint;
import org.echarge.knx.KnxDatapoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EtsGroupAddressExportTest {

    private static final GroupObjectTable TABLE = GroupObjectTable.standard();
    /** DLM on, 1-phase meter sending 9.021; point 1 full model; point 2 basic model with an electricity meter. */
    private static final GatewaySetup SETUP = setup(dlmOn(1, MeterDatapoint.DPT_9_021, false),
            point(1, FULL_MODEL, false), point(2, BASIC_MODEL, true, CurrentDatapoint.DPT_14_019,
                    PowerDatapoint.DPT_14_056, EnergyDatapoint.DPT_13_010));
    private static final List<GroupObject> OBJECTS = GatewayObjects.of(TABLE, SETUP);

    private static String export(String deviceName, String... entries) {
        Validated<GroupObjectLinks> links = GroupObjectLinks.parse(List.of(entries), TABLE, SETUP);
        return EtsGroupAddressExport.csv(OBJECTS, ((Validated.Valid<GroupObjectLinks>) links).value(), deviceName);
    }

    @Test
    void exportsThreeLevelAddressesWithTheirGroups() {
        String expected = """
                "Group name","Address","Central","Unfiltered","Description","DatapointType","Security"
                "e-charge gateway","0/-/-","","","","","Auto"
                "e-charge gateway","0/0/-","","","","","Auto"
                "Grid-supporting control","0/0/1","","","Object 1","DPST-1-1","Auto"
                "Grid-supporting control - state","0/0/2","","","Object 2","DPST-1-11","Auto"
                "e-charge gateway","0/1/-","","","","","Auto"
                "Smart meter value (1-phase) / L1 (3-phase)","0/1/1","","","Object 10","DPST-9-21","Auto"
                "e-charge gateway","1/-/-","","","","","Auto"
                "e-charge gateway","1/0/-","","","","","Auto"
                "CP1 Interruption","1/0/1","","","Object 55","DPST-1-2","Auto"
                "CP2 Interruption","1/0/2","","","Object 105","DPST-1-2","Auto"
                "CP1 Interruption","1/0/100","","","Objects 55, 105","DPST-1-2","Auto"
                "e-charge gateway","1/2/-","","","","","Auto"
                "CP2 Actual charging current (sum) - state","1/2/3","","","Object 112","DPST-14-19","Auto"
                "CP2 Actual power (sum) - state","1/2/4","","","Object 116","DPST-14-56","Auto"
                "CP2 Setpoint charging current - state","1/2/10","","","Objects 61, 111","DPST-14-19","Auto"
                "CP1 Setpoint charging current - state","1/2/11","","","Object 61","DPST-14-19","Auto"
                "e-charge gateway","2/-/-","","","","","Auto"
                "e-charge gateway","2/1/-","","","","","Auto"
                "CP1 Charging point fault","2/1/7","","","Object 94","DPST-1-2","Auto"
                """.replace("\n", "\r\n");
        assertEquals(expected, export("e-charge gateway", "1=0/0/1", "2=0/0/2", "10=0/1/1", "55=1/0/1,1/0/100",
                "105=1/0/2,1/0/100", "point2.62=1/2/3", "point2.66=1/2/4", "point2.61=1/2/10", "94=2/1/7",
                "61=1/2/11,1/2/10"));
    }

    @Test
    void exportsTwoLevelAddressesWithTheirMainGroups() {
        String expected = """
                "Group name","Address","Central","Unfiltered","Description","DatapointType","Security"
                "Garage \"\"North\"\"\","0/-","","","","","Auto"
                "Grid-supporting control","0/1","","","Object 1","DPST-1-1","Auto"
                "Grid-supporting control - state","0/2","","","Object 2","DPST-1-11","Auto"
                "Garage \"\"North\"\"\","1/-","","","","","Auto"
                "CP2 Setpoint charging current - state","1/515","","","Object 111","DPST-14-19","Auto"
                """.replace("\n", "\r\n");
        assertEquals(expected, export("Garage \"North\"", "1=0/1", "2=0/2", "111=1/515"));
    }

    @Test
    void exportsFreeAddressesWithoutGroups() {
        String expected = """
                "Group name","Address","Central","Unfiltered","Description","DatapointType","Security"
                "Grid-supporting control","1","","","Object 1","DPST-1-1","Auto"
                "CP2 Setpoint charging current - state","2563","","","Object 111","DPST-14-19","Auto"
                """.replace("\n", "\r\n");
        assertEquals(expected, export("e-charge gateway", "111=2563", "1=1"));
    }

    @Test
    void noLinksGiveOnlyTheHeader() {
        assertEquals("\"Group name\",\"Address\",\"Central\",\"Unfiltered\",\"Description\",\"DatapointType\","
                + "\"Security\"\r\n", EtsGroupAddressExport.csv(OBJECTS, GroupObjectLinks.none(), "x"));
    }

    @Test
    void refusesLinksToObjectsThatAreNotGiven() {
        Validated<GroupObjectLinks> links = GroupObjectLinks.parse(List.of("94=2/1/7"), TABLE, SETUP);
        assertThrows(IllegalArgumentException.class, () -> EtsGroupAddressExport.csv(List.of(),
                ((Validated.Valid<GroupObjectLinks>) links).value(), "x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SWITCH, DPST-1-1", "TRIGGER, DPST-1-17", "UNSIGNED_COUNT, DPST-5-10", "TEMPERATURE_F16, DPST-9-1",
            "CURRENT_MILLIAMPERE_F16, DPST-9-21", "TIME_OF_DAY, DPST-10-1", "ENERGY_KILOWATT_HOUR_S32, DPST-13-13",
            "DURATION_SECONDS_S32, DPST-13-100", "CURRENT_AMPERE_F32, DPST-14-19", "POWER_WATT_F32, DPST-14-56",
            "TEXT_LATIN1, DPST-16-1"})
    void namesDatapointTypesAsEtsDoes(KnxDatapoint datapoint, String ets) {
        assertEquals(ets, EtsGroupAddressExport.etsDatapoint(datapoint));
    }
}
