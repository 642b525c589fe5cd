package org.echarge.bench.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.echarge.sim.control.RegisterWriteListener;

/**
 * Times the first write of a new current limit (holding register 100) at each station after the
 * probe was armed. Writes of the value a station already had (the driver feeds the watchdog with
 * them) do not count.
 */
final class SetpointProbe implements RegisterWriteListener {

    static final int CURRENT_LIMIT = 100;

    private final Map<String, Integer> slots = new HashMap<>();
    private final AtomicIntegerArray last;
    private final AtomicLongArray changedAt;
    private final AtomicIntegerArray newValue;
    private volatile int[] before;
    private volatile long armedAt = Long.MAX_VALUE;

    /** @param limits register 100 of each station now (0.1 A), in the order of {@code serialNumbers} */
    SetpointProbe(List<String> serialNumbers, int[] limits) {
        for (int i = 0; i < serialNumbers.size(); i++) {
            slots.put(serialNumbers.get(i), i);
        }
        last = new AtomicIntegerArray(limits);
        changedAt = new AtomicLongArray(limits.length);
        newValue = new AtomicIntegerArray(limits.length);
        before = limits.clone();
    }

    @Override
    public void written(String serialNumber, int register, int value, long nanoTime) {
        Integer slot = slots.get(serialNumber);
        if (slot == null || register != CURRENT_LIMIT) {
            return;
        }
        last.set(slot, value);
        if (nanoTime >= armedAt && value != before[slot] && changedAt.compareAndSet(slot, 0, nanoTime)) {
            newValue.set(slot, value);
        }
    }

    /** From now on the first new value at each station counts; returns now ({@link System#nanoTime()}). */
    synchronized long arm() {
        int[] now = new int[last.length()];
        for (int i = 0; i < now.length; i++) {
            now[i] = last.get(i);
            changedAt.set(i, 0);
        }
        before = now;
        armedAt = System.nanoTime();
        return armedAt;
    }

    /** When the last station took its new value; -1 if one did not within the timeout. */
    long awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long latest = 0;
            boolean all = true;
            for (int i = 0; i < changedAt.length() && all; i++) {
                long at = changedAt.get(i);
                all = at != 0;
                latest = Math.max(latest, at);
            }
            if (all) {
                return latest;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            LockSupport.parkNanos(20_000);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Whether the new value every station took since the probe was armed is this one (0.1 A). */
    boolean allTook(int value) {
        for (int i = 0; i < newValue.length(); i++) {
            if (changedAt.get(i) == 0 || newValue.get(i) != value) {
                return false;
            }
        }
        return true;
    }

    /** Whether every station's register 100 holds this value (0.1 A). */
    boolean allAt(int value) {
        for (int i = 0; i < last.length(); i++) {
            if (last.get(i) != value) {
                return false;
            }
        }
        return true;
    }
}
