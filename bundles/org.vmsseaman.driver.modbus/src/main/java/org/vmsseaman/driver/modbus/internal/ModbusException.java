package org.vmsseaman.driver.modbus.internal;

/** A failed Modbus request; {@link #kind()} decides what the driver does with the connection and the tags. */
final class ModbusException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Kind {
        /** The device answered with a Modbus exception code: the connection is fine. */
        EXCEPTION_REPLY,
        /** No (complete) reply within the timeout: the connection is reset so a late reply is never read. */
        TIMEOUT,
        /** A reply that does not belong to the request or is corrupt (CRC, length, ids): the connection is reset. */
        BAD_FRAME,
        /** The connection could not be opened or broke: reconnect with backoff. */
        CONNECTION
    }

    private final Kind kind;
    private final int exceptionCode;

    ModbusException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    ModbusException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, cause);
    }

    private ModbusException(Kind kind, String message, int exceptionCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.exceptionCode = exceptionCode;
    }

    /** An exception reply with its code, e.g. "exception 2 (illegal data address)". */
    static ModbusException reply(int function, int code) {
        return new ModbusException(
                Kind.EXCEPTION_REPLY,
                "device answered function " + function + " with exception " + code + " (" + text(code) + ")",
                code,
                null);
    }

    Kind kind() {
        return kind;
    }

    /** The Modbus exception code of an {@link Kind#EXCEPTION_REPLY}, else 0. */
    int exceptionCode() {
        return exceptionCode;
    }

    /** The Modbus application protocol's name for an exception code. */
    static String text(int code) {
        switch (code) {
            case 1:
                return "illegal function";
            case 2:
                return "illegal data address";
            case 3:
                return "illegal data value";
            case 4:
                return "server device failure";
            case 5:
                return "acknowledge";
            case 6:
                return "server device busy";
            case 8:
                return "memory parity error";
            case 10:
                return "gateway path unavailable";
            case 11:
                return "gateway target device failed to respond";
            default:
                return "unknown exception code";
        }
    }
}
