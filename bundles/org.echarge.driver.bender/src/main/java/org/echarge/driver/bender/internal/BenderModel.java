package org.echarge.driver.bender.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerModel;

/**
 * The Bender-based stations offered as models. The many rebrands of the CC612 / CC613 (MENNEKES AMTRON
 * Professional, Webasto Live, ebee, Garo, ...) behave alike over Modbus and share one model; only the
 * MENNEKES AMTRON 4You / 4Business differ: their firmware drops the TCP connection when 730 or 740 is
 * read (evcc), so that model never reads the ISO 15118 registers and has no EVCCID. Register 1002 (HEMS
 * power limit) answers on those two only and tells the families apart.
 */
enum BenderModel {
    CC612_CC613("bender-cc", "Bender", "CC612 / CC613 (MENNEKES AMTRON Professional, Webasto Live and other rebrands)",
            false),
    AMTRON_4YOU("mennekes-amtron-4you-4business", "MENNEKES",
            "AMTRON 4You 500 / 4Business 700 (Bender controller; not the 4You 300)", true);

    private final ChargerModel model;
    private final boolean fourYouFamily;

    BenderModel(String id, String manufacturer, String name, boolean fourYouFamily) {
        Set<ChargerCapability> capabilities = EnumSet.copyOf(BenderChargerDriver.CAPABILITIES);
        if (fourYouFamily) {
            capabilities.remove(ChargerCapability.EVCCID);
        }
        // No watchdog documented for 1000 (fact sheet, section 4); BenderCharger refreshes the limit from
        // poll() anyway, so callers have no watchdog to serve.
        this.model = new ChargerModel(id, manufacturer, name, capabilities, Set.of(Transport.MODBUS_TCP), 502, 6, 32,
                BenderChargerDriver.POLL_INTERVAL, Duration.ZERO);
        this.fourYouFamily = fourYouFamily;
    }

    static Optional<BenderModel> ofModel(String modelId) {
        return Arrays.stream(values()).filter(model -> model.model.id().equals(modelId)).findFirst();
    }

    ChargerModel model() {
        return model;
    }

    /** MENNEKES AMTRON 4You / 4Business: 1002 answers, 730 and 740 must not be read. */
    boolean fourYouFamily() {
        return fourYouFamily;
    }

    /** The ISO 15118 registers 740/741 may be read (never on the 4You family). */
    boolean readsEvccId() {
        return !fourYouFamily;
    }
}
