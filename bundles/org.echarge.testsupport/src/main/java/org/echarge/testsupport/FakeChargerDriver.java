package org.echarge.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;

/** A driver for one model that hands out {@link FakeCharger}s and remembers them. */
public final class FakeChargerDriver implements ChargerDriver {

    private final String id;
    private final ChargerModel model;
    private final List<FakeCharger> opened = new ArrayList<>();
    private ChargerSnapshot firstAnswer;

    public FakeChargerDriver(String id, ChargerModel model) {
        this.id = id;
        this.model = model;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<ChargerModel> models() {
        return List.of(model);
    }

    @Override
    public synchronized Charger open(String modelId, DeviceAddress address) throws DeviceException {
        if (!model.id().equals(modelId)) {
            throw new DeviceException(DeviceException.Kind.NOT_SUPPORTED, "no model " + modelId);
        }
        FakeCharger charger = new FakeCharger(model);
        if (firstAnswer != null) {
            charger.answer(firstAnswer);
        }
        opened.add(charger);
        return charger;
    }

    /** Chargers opened from now on answer with this snapshot until told otherwise. */
    public synchronized FakeChargerDriver answeringWith(ChargerSnapshot snapshot) {
        this.firstAnswer = snapshot;
        return this;
    }

    /** Chargers opened so far, oldest first. */
    public synchronized List<FakeCharger> opened() {
        return List.copyOf(opened);
    }

    public synchronized FakeCharger last() {
        return opened.get(opened.size() - 1);
    }
}
