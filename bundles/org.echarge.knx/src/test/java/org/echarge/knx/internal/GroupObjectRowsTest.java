package org.echarge.knx.internal;

import static org.echarge.knx.internal.Setups.BASIC_MODEL;
import static org.echarge.knx.internal.Setups.dlmOff;
import static org.echarge.knx.internal.Setups.point;
import static org.echarge.knx.internal.Setups.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.echarge.knx.GroupObjectRow;
import org.junit.jupiter.api.Test;

class GroupObjectRowsTest {

    @Test
    void listsEveryExistingObjectWithItsLinks() {
        GroupObjectTable table = GroupObjectTable.standard();
        GatewaySetup setup = setup(dlmOff(), point(1, BASIC_MODEL, false));
        var links = (Validated.Valid<GroupObjectLinks>) GroupObjectLinks.parse(
                List.of("60=1/2/3,1/2/4", "1=0/0/1", "50=1/1/1"), table, setup);
        assertEquals(List.of(
                new GroupObjectRow(1, "Grid-supporting control", "1.001", "C-WTUI", List.of("0/0/1")),
                new GroupObjectRow(2, "Grid-supporting control - state", "1.011", "CR-T--", List.of()),
                new GroupObjectRow(8, "Fault", "1.002", "CR-T--", List.of()),
                new GroupObjectRow(9, "Last fault", "16.001", "CR-T--", List.of()),
                new GroupObjectRow(50, "CP1 Charging point state - state", "5.010", "CR-T--", List.of("1/1/1")),
                new GroupObjectRow(51, "CP1 Connected - state", "1.002", "CR-T--", List.of()),
                new GroupObjectRow(52, "CP1 Charging - state", "1.011", "CR-T--", List.of()),
                new GroupObjectRow(53, "CP1 Charging complete - state", "1.002", "CR-T--", List.of()),
                new GroupObjectRow(55, "CP1 Interruption", "1.002", "C-WTU-", List.of()),
                new GroupObjectRow(56, "CP1 Interruption - state", "1.011", "CR-T--", List.of()),
                new GroupObjectRow(60, "CP1 Setpoint charging current", "14.019", "C-W---", List.of("1/2/3", "1/2/4")),
                new GroupObjectRow(61, "CP1 Setpoint charging current - state", "14.019", "CR-T--", List.of()),
                new GroupObjectRow(94, "CP1 Charging point fault", "1.002", "CR-T--", List.of()),
                new GroupObjectRow(95, "CP1 Last charging point fault", "16.001", "CR-T--", List.of())),
                GroupObjectRows.of(GatewayObjects.of(table, setup), links.value()));
    }
}
