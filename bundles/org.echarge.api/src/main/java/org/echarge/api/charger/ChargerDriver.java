package org.echarge.api.charger;

import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;

/**
 * A driver bundle's service: it knows one charger family and opens a {@link Charger} per
 * configured charging point. The charging point runtime tracks these services dynamically, so
 * a driver bundle can be updated while the rest of the gateway keeps running.
 */
public interface ChargerDriver {

    /** Service property naming the driver, e.g. {@code keba}. */
    String DRIVER_ID = "echarge.driver.id";

    /** Stable identifier of this driver; equals the {@link #DRIVER_ID} service property. */
    String id();

    /** The models the installer can choose from this driver. */
    List<ChargerModel> models();

    /**
     * Opens a charger. Does no I/O: the connection is made on the first poll.
     *
     * @throws DeviceException {@link DeviceException.Kind#NOT_SUPPORTED} for an unknown model id or
     *     a transport the model does not offer
     */
    Charger open(String modelId, DeviceAddress address) throws DeviceException;
}
