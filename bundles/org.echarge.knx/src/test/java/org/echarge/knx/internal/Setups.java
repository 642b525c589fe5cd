package org.echarge.knx.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.echarge.api.Phase;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointConfiguration.CurrentDatapoint;
import org.echarge.api.point.PointConfiguration.EnergyDatapoint;
import org.echarge.api.point.PointConfiguration.PowerDatapoint;
import org.echarge.api.point.PointConfiguration.TemperatureSending;

/** Configurations for the group object tests. */
final class Setups {

    static final Set<ChargerCapability> FULL_MODEL = EnumSet.allOf(ChargerCapability.class);
    static final Set<ChargerCapability> BASIC_MODEL = EnumSet.of(ChargerCapability.SET_CURRENT);

    private Setups() {
    }

    static MeterSettings dlmOff() {
        return new MeterSettings(false, 1, MeterDatapoint.DPT_7_012, false, Duration.ofMinutes(1));
    }

    static MeterSettings dlmOn(int phases, MeterDatapoint datapoint, boolean inOperation) {
        return new MeterSettings(true, phases, datapoint, inOperation, Duration.ofMinutes(1));
    }

    static PointSetup point(int number, Set<ChargerCapability> capabilities, boolean electricityMeter) {
        return point(number, capabilities, electricityMeter, CurrentDatapoint.DPT_7_012, PowerDatapoint.DPT_14_056,
                EnergyDatapoint.DPT_13_010);
    }

    static PointSetup point(int number, Set<ChargerCapability> capabilities, boolean electricityMeter,
            CurrentDatapoint current, PowerDatapoint power, EnergyDatapoint energy) {
        String model = capabilities.equals(FULL_MODEL) ? "full" : "basic";
        return new PointSetup(new PointConfiguration(number, "Point " + number, model, 6, 16, 3, Phase.L1,
                TemperatureSending.ON_CHANGE, Duration.ofMinutes(5), current, power, energy), capabilities,
                electricityMeter);
    }

    static GatewaySetup setup(MeterSettings meter, PointSetup... points) {
        return new GatewaySetup(meter, List.of(points));
    }
}
