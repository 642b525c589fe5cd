package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.echarge.sim.internal.VisualisedObjects.Entry;
import org.echarge.sim.internal.VisualisedObjects.Format;
import org.junit.jupiter.api.Test;

class VisualisedObjectsTest {

    @Test
    void objectsAreNumberedAsInTheGatewaysLinks() {
        List<String> errors = new ArrayList<>();
        List<Entry> entries = VisualisedObjects.parse(new String[] {"8=0/0/8", " point2.50 = 1/2/50 ", "112=1/2/62",
                "", "point3.95=1/3/95"}, "9.021", errors);
        assertEquals(List.of(), errors);
        assertEquals(List.of(new Entry("gateway fault", "0/0/8", "1.002", Format.YES_NO),
                new Entry("CP2 state", "1/2/50", "5.010", Format.POINT_STATE),
                new Entry("CP2 current", "1/2/62", "9.021", Format.AMPERE),
                new Entry("CP3 last fault", "1/3/95", "16.001", Format.TEXT)), entries);
    }

    @Test
    void valuesAreShownReadably() {
        assertEquals("CP2 state = Charge (8)", new Entry("CP2 state", "1/2/50", "5.010", Format.POINT_STATE)
                .show(8L));
        assertEquals("CP1 current = 15.20 A", new Entry("CP1 current", "", "7.012", Format.AMPERE).show(15.2));
        assertEquals("CP1 fault = yes", new Entry("CP1 fault", "", "1.002", Format.YES_NO).show(true));
        assertEquals("gateway grid-supporting control = off", new Entry("gateway grid-supporting control", "",
                "1.011", Format.ON_OFF).show(false));
        assertEquals("CP1 last fault = \"Comm\"", new Entry("CP1 last fault", "", "16.001", Format.TEXT)
                .show("Comm"));
    }

    @Test
    void entriesThatMakeNoSenseAreNamed() {
        List<String> errors = new ArrayList<>();
        List<Entry> entries = VisualisedObjects.parse(new String[] {"point1.60=1/1/60", "10=0/1/10", "point1.8=1/1/8",
                "50", "point1.50=1/1/50"}, "7.012", errors);
        assertEquals(1, entries.size());
        assertEquals(List.of(
                "\"point1.60=1/1/60\": not a state object the visualisation shows; it shows 2, 8, 9 and per point "
                        + "50-53, 56, 61-65, 94, 95",
                "\"10=0/1/10\": not a state object the visualisation shows; it shows 2, 8, 9 and per point 50-53, 56, "
                        + "61-65, 94, 95",
                "\"point1.8=1/1/8\": not a state object the visualisation shows; it shows 2, 8, 9 and per point "
                        + "50-53, 56, 61-65, 94, 95",
                "\"50\": expected <object>=<group address>, e.g. point1.50=1/1/50 or 8=0/0/8"), errors);
    }
}
