package org.echarge.updater.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.Transport;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Packed into the test driver bundles of {@link OsgiDriverFrameworkTest}: registers a ChargerDriver. */
public final class SimDriverActivator implements BundleActivator, ChargerDriver {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ChargerDriver.DRIVER_ID, id());
        context.registerService(ChargerDriver.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public String id() {
        return "sim";
    }

    @Override
    public List<ChargerModel> models() {
        return List.of(new ChargerModel("sim-1", "e-charge", "SIM-1", EnumSet.of(ChargerCapability.SET_CURRENT),
                Set.of(Transport.MODBUS_TCP), 502, 6, 32, Duration.ofSeconds(1), Duration.ZERO));
    }

    @Override
    public Charger open(String modelId, DeviceAddress address) throws DeviceException {
        throw new DeviceException(DeviceException.Kind.NOT_SUPPORTED, "test driver");
    }
}
