package org.echarge.modbus;

/** Order of the 16-bit words of a value that spans several registers. */
public enum WordOrder {
    /** Most significant word in the lowest register (Modbus convention, "big endian"). */
    HIGH_FIRST,
    /** Least significant word in the lowest register (e.g. many meters' "word swap"). */
    LOW_FIRST
}
