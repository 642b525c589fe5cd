package org.echarge.api.meter;

import org.echarge.api.DeviceException;

/** One electricity meter at a charging point, opened by a {@link MeterDriver}. */
public interface ElectricityMeter extends AutoCloseable {

    MeterModel model();

    /** Reads the meter once; blocking I/O bounded by the transport timeouts. */
    MeterReading read() throws DeviceException;

    /** Releases the connection; idempotent, never throws. */
    @Override
    void close();
}
