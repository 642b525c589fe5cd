package org.echarge.dlm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.echarge.api.Phase;
import org.echarge.api.dlm.DlmStatus;
import org.junit.jupiter.api.Test;

class LoadManagementComponentTest {

    @Test
    void aMeterSendingOftenLeavesNoCancelledTimersBehind() throws Exception {
        LoadManagementComponent dlm = new LoadManagementComponent(DlmSettingsTest.config(Map.of("enabled", true)));
        try {
            long started = System.nanoTime() + 5_000_000_000L;
            while (dlm.status().mode() == DlmStatus.Mode.OFF && System.nanoTime() < started) {
                Thread.sleep(10); // the configuration is applied on DLM's own thread
            }
            for (int i = 0; i < 5000; i++) {
                dlm.meterValue(Phase.values()[i % 3], 10 + i % 7);
            }
            dlm.meterValue(Phase.L1, 99.5); // the last one: once DLM shows it, it has taken all
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (dlm.status().meterAmpere().l1() != 99.5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(DlmStatus.Mode.NORMAL, dlm.status().mode());
            Thread.sleep(100);
            // every step cancelled the timer of the one before: only the last one waits
            assertTrue(dlm.queuedTasks() <= 2, dlm.queuedTasks() + " tasks queued");
        } finally {
            dlm.deactivate();
        }
    }
}
