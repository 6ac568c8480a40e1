package org.vmsseaman.driver.modbus.internal;

/** A byte stream to one device (a TCP connection or a serial port) with deadline-bounded reads. */
interface Channel extends AutoCloseable {

    /** Sends {@code frame} completely. */
    void write(byte[] frame) throws ModbusException;

    /**
     * Reads exactly {@code len} bytes into {@code buffer} at {@code off} before {@code deadlineNanos}
     * ({@link System#nanoTime()}).
     *
     * @throws ModbusException {@link ModbusException.Kind#TIMEOUT} when the deadline passes first,
     *     {@link ModbusException.Kind#CONNECTION} when the stream ended or failed
     */
    void readFully(byte[] buffer, int off, int len, long deadlineNanos) throws ModbusException;

    /** Throws away bytes already received (a serial line after a timeout or a corrupt frame). */
    void discardInput();

    /** Closes the connection or port; never throws. */
    @Override
    void close();
}
