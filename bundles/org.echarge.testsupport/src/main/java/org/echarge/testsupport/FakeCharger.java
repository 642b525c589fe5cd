package org.echarge.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;

/**
 * A charger whose next poll result the test sets, and that records every command it receives.
 * Thread-safe.
 */
public final class FakeCharger implements Charger {

    private final ChargerModel model;
    private final List<String> commands = new ArrayList<>();
    private ChargerSnapshot next;
    private DeviceException failure;
    private boolean closed;
    private int polls;

    public FakeCharger(ChargerModel model) {
        this.model = model;
    }

    public synchronized void answer(ChargerSnapshot snapshot) {
        this.next = snapshot;
        this.failure = null;
    }

    public synchronized void fail(DeviceException failure) {
        this.failure = failure;
    }

    /** Commands received, e.g. {@code "limit 16.0"}, {@code "paused true"}, {@code "unlock"}. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** How often {@link #poll()} was called. */
    public synchronized int polls() {
        return polls;
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public ChargerModel model() {
        return model;
    }

    @Override
    public synchronized ChargerSnapshot poll() throws DeviceException {
        polls++;
        if (failure != null) {
            throw failure;
        }
        if (next == null) {
            throw new DeviceException(DeviceException.Kind.NOT_REACHABLE, "fake charger: no answer set");
        }
        return next;
    }

    @Override
    public synchronized void setCurrentLimit(double currentAmpere) throws DeviceException {
        record("limit " + currentAmpere);
    }

    @Override
    public synchronized void setPaused(boolean paused) throws DeviceException {
        record("paused " + paused);
    }

    @Override
    public synchronized void setSessionActive(boolean active) throws DeviceException {
        record("session " + active);
    }

    @Override
    public synchronized void unlock() throws DeviceException {
        record("unlock");
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void record(String command) throws DeviceException {
        if (failure != null) {
            throw failure;
        }
        commands.add(command);
    }
}
