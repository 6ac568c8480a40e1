package org.vmsseaman.driver.modbus.internal;

import com.ghgande.j2mod.modbus.util.ModbusUtil;
import java.util.concurrent.TimeUnit;

/**
 * Modbus RTU framing: unit id, PDU, CRC-16 (low byte first), on a serial line or tunnelled through TCP. The reply's
 * length follows from its function code; a wrong CRC, unit or length is a {@link ModbusException.Kind#BAD_FRAME}.
 * RTU has no transaction ids: after a timeout or a bad frame the caller replaces the connection (TCP) or discards
 * pending input (serial), so a late reply is not read as the answer to the next request.
 */
final class RtuFraming implements Framing {

    @Override
    public byte[] exchange(Channel channel, int unitId, byte[] pdu, int timeoutMillis) throws ModbusException {
        byte[] frame = new byte[pdu.length + 3];
        frame[0] = (byte) unitId;
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        appendCrc(frame);
        channel.write(frame);

        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        byte[] head = new byte[3];
        channel.readFully(head, 0, 3, deadline);
        int function = head[1] & 0xFF;
        int rest; // bytes after the first three, CRC included
        if ((function & 0x80) != 0) {
            rest = 2;
        } else if (function >= 1 && function <= 4) {
            rest = (head[2] & 0xFF) + 2;
        } else if (function == 5 || function == 6 || function == 15 || function == 16) {
            rest = 5;
        } else {
            throw new ModbusException(
                    ModbusException.Kind.BAD_FRAME, "malformed reply: unexpected function code " + function);
        }
        byte[] whole = new byte[3 + rest];
        System.arraycopy(head, 0, whole, 0, 3);
        channel.readFully(whole, 3, rest, deadline);
        int[] crc = ModbusUtil.calculateCRC(whole, 0, whole.length - 2);
        if ((whole[whole.length - 2] & 0xFF) != crc[0] || (whole[whole.length - 1] & 0xFF) != crc[1]) {
            throw new ModbusException(ModbusException.Kind.BAD_FRAME, "CRC error in the reply");
        }
        if ((head[0] & 0xFF) != unitId) {
            throw new ModbusException(
                    ModbusException.Kind.BAD_FRAME,
                    "malformed reply: from unit " + (head[0] & 0xFF) + ", request to unit " + unitId);
        }
        byte[] reply = new byte[whole.length - 3];
        System.arraycopy(whole, 1, reply, 0, reply.length);
        return reply;
    }

    /** Writes the CRC of all but the last two bytes into the last two (low byte first). */
    static void appendCrc(byte[] frame) {
        int[] crc = ModbusUtil.calculateCRC(frame, 0, frame.length - 2);
        frame[frame.length - 2] = (byte) crc[0];
        frame[frame.length - 1] = (byte) crc[1];
    }
}
