package org.echarge.api.indicator;

/** How a status indicator lights (spec section 8). */
public enum Pattern {
    OFF,
    ON,
    /** 1 Hz: started but not configured. */
    SLOW_FLASH,
    /** The application cannot start. */
    RAPID_FLASH,
    /** Telegram traffic on KNX. */
    FLICKER,
    /** Three slow flashes, then a pause: a fault of severity 60 to 110 is present. */
    THREE_FLASHES,
    /** Five slow flashes, then a pause: a fault of severity 120 to 130 is present. */
    FIVE_FLASHES,
    /** Slow, in turn with the other indicator of the pair (APP/COM): the previous firmware is being restored. */
    ALTERNATING
}
