package org.echarge.api.charger;

import org.echarge.api.DeviceException;

/**
 * One connected charging station, as a driver reaches it. Created by
 * {@link ChargerDriver#open}; the caller polls it at the model's poll interval and closes it
 * when the point is removed or the driver goes away.
 *
 * <p>Methods do blocking I/O bounded by the transport timeouts and are called from one thread
 * at a time per charger. A command the model lacks throws {@link DeviceException.Kind#NOT_SUPPORTED}.
 */
public interface Charger extends AutoCloseable {

    ChargerModel model();

    /**
     * Reads the station once. The first poll after opening also checks the identity of the device
     * and fails with {@link DeviceException.Kind#WRONG_DEVICE} if it is not the configured model.
     */
    ChargerSnapshot poll() throws DeviceException;

    /**
     * Writes the maximum current the vehicle may draw. Drivers also call this path to feed the
     * model's watchdog, so the caller writes again at least every {@link ChargerModel#watchdog()}.
     *
     * @param currentAmpere within the model's range, or 0 where {@link ChargerCapability#ZERO_AMPERE}
     */
    void setCurrentLimit(double currentAmpere) throws DeviceException;

    /** Pauses (true) or resumes (false) charging without ending the session. */
    void setPaused(boolean paused) throws DeviceException;

    /** Starts (true) or stops (false) the session. */
    void setSessionActive(boolean active) throws DeviceException;

    /** Releases the cable lock. */
    void unlock() throws DeviceException;

    /** Releases the connection; idempotent, never throws. */
    @Override
    void close();
}
