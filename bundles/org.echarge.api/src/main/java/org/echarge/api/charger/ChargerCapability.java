package org.echarge.api.charger;

/**
 * What a charger model can do or report. Group objects and console fields of a function the
 * model lacks do not exist (group-objects.csv, column "when" = model).
 */
public enum ChargerCapability {
    /** Charging current limit can be written (every supported model). */
    SET_CURRENT,
    /** 0 A is accepted as "pause" instead of only [min, max]. */
    ZERO_AMPERE,
    /** Charging can be paused and resumed without ending the session. */
    PAUSE_RESUME,
    /** A session can be started and stopped by command (object 54). */
    START_STOP,
    /** The cable lock can be released by command (object 59). */
    UNLOCK,
    /** Currents, powers and energies are measured by the charger itself (objects 62-75). */
    METERING,
    /** Session start/end time and duration (objects 76-78). */
    SESSION_TIMES,
    /** ISO 15118 EVCCID of the vehicle (object 79). */
    EVCCID,
    /** Serial number (object 80). */
    SERIAL_NUMBER,
    /** Firmware version (object 81). */
    FIRMWARE_VERSION,
    /** Internal temperature (objects 82, 83). */
    TEMPERATURE,
    /** RFID card of the session (object 84). */
    RFID,
    /** Maker error codes (objects 96-99). */
    ERROR_CODES
}
