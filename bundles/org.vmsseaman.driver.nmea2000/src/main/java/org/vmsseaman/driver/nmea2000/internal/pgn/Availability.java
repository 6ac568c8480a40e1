package org.vmsseaman.driver.nmea2000.internal.pgn;

/**
 * What a raw field value means before scaling. NMEA 2000 reserves the top values of a field of 4 bits or
 * more: all ones is "data not available", all ones minus one "out of range", minus two "reserved" (of a
 * signed field, the top positive values); of 2- and 3-bit fields only all ones. J1939 (SAE J1939-71)
 * reserves by the top byte of a field: 0xFF not available, 0xFE error, 0xFB..0xFD reserved; of 2-bit
 * fields 3 not available and 2 error, of 4-bit fields 15 and 14.
 */
public enum Availability {
    /** A value. */
    VALID,
    /** "Data not available": the sender has no value (no sensor, sensor failed). */
    NOT_AVAILABLE,
    /** NMEA 2000 "out of range": the quantity is beyond what the field can carry. */
    OUT_OF_RANGE,
    /** J1939 "error indicator": the sensor or its circuit failed. */
    ERROR,
    /** A reserved pattern: no value. */
    RESERVED
}
