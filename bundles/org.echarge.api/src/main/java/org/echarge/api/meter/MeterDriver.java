package org.echarge.api.meter;

import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;

/** A meter bundle's service: it knows some meter models and opens one meter per point. */
public interface MeterDriver {

    /** Service property naming the driver. */
    String DRIVER_ID = "echarge.meter.driver.id";

    String id();

    List<MeterModel> models();

    /** Opens a meter; does no I/O (the connection is made on the first read). */
    ElectricityMeter open(String modelId, DeviceAddress address) throws DeviceException;
}
