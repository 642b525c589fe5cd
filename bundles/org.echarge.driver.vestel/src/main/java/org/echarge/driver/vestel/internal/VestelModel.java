package org.echarge.driver.vestel.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerModel;

/**
 * The EVC04 family as the installer finds it, under Vestel's name or Webasto's. Both are the same box with the same
 * registers; the brand register (190) is logged, not checked: the sources do not say what each brand's firmware
 * writes there.
 */
enum VestelModel {
    EVC04("vestel-evc04", "Vestel", "EVC04 (also Connect Plus, E.ON Drive vBox)"),
    UNITE("webasto-unite", "Webasto", "Unite (also Ampure Unite)");

    private final ChargerModel model;

    VestelModel(String id, String manufacturer, String name) {
        // The alive register (6000) is the box's watchdog; VestelCharger writes it from poll(), so callers have no
        // watchdog to serve.
        this.model = new ChargerModel(id, manufacturer, name, VestelChargerDriver.CAPABILITIES,
                Set.of(Transport.MODBUS_TCP), 502, 6, 32, VestelChargerDriver.POLL_INTERVAL, Duration.ZERO);
    }

    static Optional<VestelModel> ofModel(String modelId) {
        return Arrays.stream(values()).filter(model -> model.model.id().equals(modelId)).findFirst();
    }

    ChargerModel model() {
        return model;
    }
}
