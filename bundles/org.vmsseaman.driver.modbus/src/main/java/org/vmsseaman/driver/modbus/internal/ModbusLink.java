package org.vmsseaman.driver.modbus.internal;

/**
 * An open connection to one device: a {@link Channel} with its {@link Framing}. Used by one thread at a time (the
 * device's poller), so requests and replies never interleave.
 */
final class ModbusLink implements AutoCloseable {

    private final Channel channel;
    private final Framing framing;
    private final int unitId;
    private final int timeoutMillis;

    ModbusLink(Channel channel, Framing framing, int unitId, int timeoutMillis) {
        this.channel = channel;
        this.framing = framing;
        this.unitId = unitId;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code request} and returns the reply PDU, checked to answer its function. */
    byte[] exchange(byte[] request) throws ModbusException {
        byte[] reply = framing.exchange(channel, unitId, request, timeoutMillis);
        Pdu.checkFunction(request, reply);
        return reply;
    }

    /** Reads a block: registers for register tables. */
    int[] readRegisters(ReadBlock block) throws ModbusException {
        return Pdu.registers(exchange(Pdu.read(block.table(), block.start(), block.count())), block.count());
    }

    /** Reads a block of coils or discrete inputs. */
    boolean[] readBits(ReadBlock block) throws ModbusException {
        return Pdu.bits(exchange(Pdu.read(block.table(), block.start(), block.count())), block.count());
    }

    /** Sends a write request and checks the device's echo. */
    void write(byte[] request) throws ModbusException {
        Pdu.checkEcho(request, exchange(request));
    }

    /** Drops bytes that arrived after a failed request (serial lines). */
    void discardInput() {
        channel.discardInput();
    }

    @Override
    public void close() {
        channel.close();
    }
}
