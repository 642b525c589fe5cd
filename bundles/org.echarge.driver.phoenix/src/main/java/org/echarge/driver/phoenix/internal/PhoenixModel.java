package org.echarge.driver.phoenix.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerModel;

/**
 * The EV-ETH controllers offered as models. They share the register map and differ in their firmware:
 * Phoenix's counts the setpoint (528) in A, the Wallbe firmware (Wallbe, Compleo) in 0.1 A and adds its
 * version at 149 and its own energy counter at 2980. A wrong choice would set a tenth or ten times the
 * current (evcc #50), so the driver checks the firmware at connect ({@link PhoenixCharger}).
 */
enum PhoenixModel {
    /** Phoenix firmware: 528 in A; total energy at 904. */
    PHOENIX("phoenix-ev-eth", "Phoenix Contact", "EV-CC-AC1-M3-...-ETH (Phoenix firmware)", Setting.AMPERE, 63,
            PhoenixBlock.ENERGY),
    /** Wallbe firmware: 528 in 0.1 A, version at 149, total energy at 2980. */
    WALLBE("wallbe-ev-eth", "Wallbe / Compleo", "Eco 2.0 / Pro, Compleo eco s / Pro (Wallbe firmware, 0.1 A)",
            Setting.DECI_AMPERE, 32, PhoenixBlock.ENERGY_WALLBE);

    /** The unit of 528 and the values a controller with that firmware can hold there. */
    enum Setting {
        /** Whole ampere; the family's range is 6..63 A (Phoenix EV Charge Control manual, 22000). */
        AMPERE(1, 6, 63),
        /** 0.1 A steps (evcc: the Wallbe firmware; detected there by a value of 60 or more). */
        DECI_AMPERE(10, 60, 630);

        private final int stepsPerAmpere;
        private final int lowest;
        private final int highest;

        Setting(int stepsPerAmpere, int lowest, int highest) {
            this.stepsPerAmpere = stepsPerAmpere;
            this.lowest = lowest;
            this.highest = highest;
        }

        /** The raw value for a current, rounded down: the controller never gets more than it was given. */
        int toRaw(double ampere) {
            return (int) Math.floor(ampere * stepsPerAmpere + 1e-6);
        }

        double ampere(long raw) {
            return (double) raw / stepsPerAmpere;
        }

        /** 0 (nothing set yet) or a value this firmware can hold. */
        boolean fits(long raw) {
            return raw == 0 || raw >= lowest && raw <= highest;
        }

        int lowest() {
            return lowest;
        }

        int highest() {
            return highest;
        }

        String unit() {
            return stepsPerAmpere == 1 ? "A" : "0.1 A";
        }
    }

    private final ChargerModel model;
    private final Setting setting;
    private final PhoenixBlock energy;

    PhoenixModel(String id, String manufacturer, String name, Setting setting, double maxAmpere, PhoenixBlock energy) {
        // No watchdog and no failsafe on the controller (fact sheet 7: none known); PhoenixCharger keeps the
        // setpoint in force from poll() and leaves the minimum current on close, so callers have nothing to feed.
        this.model = new ChargerModel(id, manufacturer, name, PhoenixChargerDriver.CAPABILITIES,
                Set.of(Transport.MODBUS_TCP), 502, 6, maxAmpere, PhoenixChargerDriver.POLL_INTERVAL, Duration.ZERO);
        this.setting = setting;
        this.energy = energy;
    }

    static Optional<PhoenixModel> ofModel(String modelId) {
        return Arrays.stream(values()).filter(model -> model.model.id().equals(modelId)).findFirst();
    }

    ChargerModel model() {
        return model;
    }

    Setting setting() {
        return setting;
    }

    /** The block of the lifetime energy counter of this firmware. */
    PhoenixBlock energy() {
        return energy;
    }

    boolean wallbeFirmware() {
        return this == WALLBE;
    }
}
