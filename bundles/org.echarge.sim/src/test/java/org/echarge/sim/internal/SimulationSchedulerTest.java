package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SimulationSchedulerTest {

    @Test
    void oneDaemonThreadNamedEchargeSim() throws Exception {
        SimulationScheduler scheduler = new SimulationScheduler();
        try {
            Thread first = scheduler.executor().submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            Thread second = scheduler.executor().submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            assertEquals("echarge-sim", first.getName());
            assertTrue(first.isDaemon());
            assertEquals(first, second);
        } finally {
            scheduler.deactivate();
        }
        assertTrue(scheduler.executor().awaitTermination(5, TimeUnit.SECONDS));
    }
}
