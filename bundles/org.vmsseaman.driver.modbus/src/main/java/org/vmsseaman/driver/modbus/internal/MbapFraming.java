package org.vmsseaman.driver.modbus.internal;

import java.util.concurrent.TimeUnit;

/**
 * Modbus TCP framing: a 7-byte MBAP header (transaction id, protocol 0, length, unit id) before the PDU. Every request
 * gets the next transaction id of this connection (1..65535, never 0), and a reply is accepted only with that id, that
 * unit and protocol 0; anything else is a {@link ModbusException.Kind#BAD_FRAME} after which the connection is
 * replaced, so a late or foreign reply can never be taken for another request's.
 */
final class MbapFraming implements Framing {

    /** Largest PDU the protocol allows. */
    static final int MAX_PDU = 253;

    private int transactionId;

    MbapFraming() {
        this(0);
    }

    /** Starts after {@code lastTransactionId} (tests of the wrap-around). */
    MbapFraming(int lastTransactionId) {
        this.transactionId = lastTransactionId;
    }

    /** The id the next request will carry. */
    int nextTransactionId() {
        return transactionId % 0xFFFF + 1;
    }

    @Override
    public byte[] exchange(Channel channel, int unitId, byte[] pdu, int timeoutMillis) throws ModbusException {
        transactionId = nextTransactionId();
        int tid = transactionId;
        byte[] frame = new byte[7 + pdu.length];
        frame[0] = (byte) (tid >> 8);
        frame[1] = (byte) tid;
        frame[4] = (byte) ((pdu.length + 1) >> 8);
        frame[5] = (byte) (pdu.length + 1);
        frame[6] = (byte) unitId;
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        channel.write(frame);

        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        byte[] header = new byte[7];
        channel.readFully(header, 0, 7, deadline);
        int replyTid = u16(header, 0);
        int protocol = u16(header, 2);
        int length = u16(header, 4);
        int replyUnit = header[6] & 0xFF;
        if (protocol != 0) {
            throw bad("protocol id " + protocol + " in the reply header (0 expected)");
        }
        if (length < 2 || length > MAX_PDU + 1) {
            throw bad("reply length " + length + " in the header (2.." + (MAX_PDU + 1) + " expected)");
        }
        if (replyTid != tid) {
            throw bad("reply carries transaction id " + replyTid + ", request " + tid
                    + " (a late or foreign reply): not used");
        }
        if (replyUnit != unitId) {
            throw bad("reply from unit " + replyUnit + ", request to unit " + unitId);
        }
        byte[] reply = new byte[length - 1];
        channel.readFully(reply, 0, reply.length, deadline);
        return reply;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static ModbusException bad(String what) {
        return new ModbusException(ModbusException.Kind.BAD_FRAME, "malformed reply: " + what);
    }
}
