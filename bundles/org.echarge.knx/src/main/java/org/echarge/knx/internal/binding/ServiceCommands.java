package org.echarge.knx.internal.binding;

import java.util.Map;
import java.util.function.Supplier;

import org.echarge.api.Phase;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.point.ChargingPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Written objects carried out on the gateway's services: the charging points (by number) and DLM.
 * A command for a point or a DLM that is not there is logged and dropped.
 *
 * @param gridControlAmpere the configured "setpoint current during grid-supporting control", 0 or 6 A
 */
public record ServiceCommands(Supplier<Map<Integer, ChargingPoint>> points, Supplier<LoadManagement> loadManagement,
        double gridControlAmpere) implements GatewayCommands {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCommands.class);

    @Override
    public void gridControl(boolean active) {
        LOG.info("KNX: grid-supporting control {}", active ? "on at " + gridControlAmpere + " A" : "off");
        points.get().values().forEach(point -> point.gridControl(active, gridControlAmpere));
    }

    @Override
    public void meterValue(Phase phase, double value) {
        LoadManagement dlm = loadManagement.get();
        if (dlm == null) {
            LOG.debug("KNX: smart meter value for {} dropped, DLM is not running", phase);
            return;
        }
        try {
            dlm.meterValue(phase, value);
        } catch (IllegalArgumentException e) {
            LOG.warn("KNX: smart meter value refused by DLM: {}", e.getMessage());
        }
    }

    @Override
    public void highPowerDevices(boolean on) {
        LoadManagement dlm = loadManagement.get();
        if (dlm != null) {
            dlm.highPowerDevices(on);
        }
    }

    @Override
    public void meterInOperation(boolean inOperation) {
        LoadManagement dlm = loadManagement.get();
        if (dlm != null) {
            dlm.meterInOperation(inOperation);
        }
    }

    @Override
    public void startStop(int point, boolean start) {
        withPoint(point, p -> p.startStop(start));
    }

    @Override
    public void interruption(int point, boolean active) {
        withPoint(point, p -> p.interruption(active));
    }

    @Override
    public void unlock(int point) {
        withPoint(point, ChargingPoint::unlock);
    }

    @Override
    public void setpoint(int point, double ampere) {
        withPoint(point, p -> p.setpoint(ampere));
    }

    private void withPoint(int number, java.util.function.Consumer<ChargingPoint> command) {
        ChargingPoint point = points.get().get(number);
        if (point == null) {
            LOG.warn("KNX: command for charging point {} dropped, the point is not running", number);
        } else {
            command.accept(point);
        }
    }
}
