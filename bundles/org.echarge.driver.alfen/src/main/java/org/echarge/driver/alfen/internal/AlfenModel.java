package org.echarge.driver.alfen.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerModel;

/**
 * The Eve stations offered as models; the number of sockets (register 1105 at unit 200) tells them
 * apart. A charging point is one socket: its unit id is the socket's (1, or 2 on an Eve Double).
 */
enum AlfenModel {
    SINGLE("alfen-eve-single", "Eve Single Pro-line / S-line", 1),
    DOUBLE("alfen-eve-double", "Eve Double", 2);

    private final ChargerModel model;
    private final int sockets;

    AlfenModel(String id, String name, int sockets) {
        // The setpoint's validity time is the station's watchdog; AlfenCharger rewrites the setpoint
        // from poll(), so callers have no watchdog to serve.
        this.model = new ChargerModel(id, "Alfen", name, AlfenChargerDriver.CAPABILITIES, Set.of(Transport.MODBUS_TCP),
                502, 6, 32, AlfenChargerDriver.POLL_INTERVAL, Duration.ZERO);
        this.sockets = sockets;
    }

    static Optional<AlfenModel> ofModel(String modelId) {
        return Arrays.stream(values()).filter(model -> model.model.id().equals(modelId)).findFirst();
    }

    ChargerModel model() {
        return model;
    }

    int sockets() {
        return sockets;
    }

    /** "unit id 1" or "unit id 1 or 2". */
    String socketUnits() {
        return sockets == 1 ? "unit id 1" : "unit id 1 (left socket) or 2 (right socket)";
    }
}
