package org.echarge.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SetpointProbeTest {

    private final SetpointProbe probe = new SetpointProbe(List.of("A", "B"), new int[] {160, 160});

    @Test
    void theLastStationToTakeANewValueEndsTheMeasurement() throws Exception {
        long armed = probe.arm();
        probe.written("A", 100, 158, armed + 10);
        probe.written("A", 100, 156, armed + 20); // only the first new value counts
        assertEquals(-1, probe.awaitAll(Duration.ofMillis(5)));
        probe.written("B", 100, 158, armed + 30);
        assertEquals(armed + 30, probe.awaitAll(Duration.ofMillis(5)));
        assertTrue(probe.allTook(158));
        assertFalse(probe.allTook(156));
    }

    @Test
    void watchdogWritesOfTheSameValueOtherRegistersAndEarlierWritesDoNotCount() throws Exception {
        long armed = probe.arm();
        probe.written("A", 100, 160, armed + 10); // the driver feeding the watchdog
        probe.written("B", 101, 0, armed + 10); // pause
        probe.written("C", 100, 60, armed + 10); // not a station of the benchmark
        probe.written("B", 100, 150, armed - 1); // before the telegram
        assertEquals(-1, probe.awaitAll(Duration.ofMillis(5)));
    }

    @Test
    void itKnowsWhatEveryStationHolds() {
        assertTrue(probe.allAt(160));
        probe.written("A", 100, 60, System.nanoTime());
        assertFalse(probe.allAt(160));
        long armed = probe.arm();
        probe.written("A", 100, 60, armed + 1); // what it held when armed: not new
        probe.written("B", 100, 60, armed + 1);
        assertTrue(probe.allAt(60));
    }
}
