package org.echarge.driver.keba.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerModel;

/** The KeContact P30 series offered as models; the series digit of register 1016 tells them apart. */
enum KebaSeries {
    /** Modbus TCP is switched on with DIP switch DSW1.3 = ON (then restart). */
    C_SERIES("keba-p30-c", "KeContact P30 c-series", true, new KebaFirmware(3, 10, 42)),
    /** Modbus TCP is switched on in the web interface. */
    X_SERIES("keba-p30-x", "KeContact P30 x-series", false, new KebaFirmware(1, 11, 0));

    private final ChargerModel model;
    private final boolean cSeries;
    private final KebaFirmware minimumFirmware;

    KebaSeries(String id, String name, boolean cSeries, KebaFirmware minimumFirmware) {
        // The failsafe timeout is set in each station (1602, 0 = off); KebaCharger keeps it fed from
        // poll(), so callers have no watchdog to serve.
        this.model = new ChargerModel(id, "KEBA", name, KebaChargerDriver.CAPABILITIES, Set.of(Transport.MODBUS_TCP),
                502, 6, 32, KebaChargerDriver.POLL_INTERVAL, Duration.ZERO);
        this.cSeries = cSeries;
        this.minimumFirmware = minimumFirmware;
    }

    static Optional<KebaSeries> ofModel(String modelId) {
        return Arrays.stream(values()).filter(series -> series.model.id().equals(modelId)).findFirst();
    }

    ChargerModel model() {
        return model;
    }

    boolean cSeries() {
        return cSeries;
    }

    /** The oldest firmware evcc's KEBA Modbus template accepts for this series. */
    KebaFirmware minimumFirmware() {
        return minimumFirmware;
    }
}
