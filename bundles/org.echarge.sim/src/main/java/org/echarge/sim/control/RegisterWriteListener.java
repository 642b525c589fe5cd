package org.echarge.sim.control;

/**
 * Whiteboard: every service of this type hears of each write to a holding register that a simulated
 * station took (refused values are not reported).
 */
@FunctionalInterface
public interface RegisterWriteListener {

    /**
     * Called on the station's Modbus connection thread right after the write took effect; must not block.
     *
     * @param register the register address (100 = current limit in 0.1 A, 101 = enable, ...)
     * @param nanoTime {@link System#nanoTime()} when the write took effect
     */
    void written(String serialNumber, int register, int value, long nanoTime);
}
