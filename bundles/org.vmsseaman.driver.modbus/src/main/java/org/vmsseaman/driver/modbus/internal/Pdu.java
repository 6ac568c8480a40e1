package org.vmsseaman.driver.modbus.internal;

/** Request PDUs this driver sends, and the checks that a reply PDU answers them. */
final class Pdu {

    static final int WRITE_COIL = 5;
    static final int WRITE_REGISTER = 6;
    static final int WRITE_REGISTERS = 16;

    private Pdu() {}

    /** Read {@code count} bits or registers of {@code table} from {@code start} (functions 1..4). */
    static byte[] read(Table table, int start, int count) {
        return new byte[] {
            (byte) table.readFunction(), (byte) (start >> 8), (byte) start, (byte) (count >> 8), (byte) count
        };
    }

    /** Function 5: one coil on or off. */
    static byte[] writeCoil(int address, boolean on) {
        return new byte[] {WRITE_COIL, (byte) (address >> 8), (byte) address, (byte) (on ? 0xFF : 0), 0};
    }

    /** Function 6: one register. */
    static byte[] writeRegister(int address, int value) {
        return new byte[] {WRITE_REGISTER, (byte) (address >> 8), (byte) address, (byte) (value >> 8), (byte) value};
    }

    /** Function 16: consecutive registers. */
    static byte[] writeRegisters(int address, int[] values) {
        byte[] pdu = new byte[6 + 2 * values.length];
        pdu[0] = WRITE_REGISTERS;
        pdu[1] = (byte) (address >> 8);
        pdu[2] = (byte) address;
        pdu[3] = (byte) (values.length >> 8);
        pdu[4] = (byte) values.length;
        pdu[5] = (byte) (2 * values.length);
        for (int i = 0; i < values.length; i++) {
            pdu[6 + 2 * i] = (byte) (values[i] >> 8);
            pdu[7 + 2 * i] = (byte) values[i];
        }
        return pdu;
    }

    /**
     * Checks that {@code reply} answers {@code request}'s function: an exception reply becomes an
     * {@link ModbusException.Kind#EXCEPTION_REPLY}, another function code a {@link ModbusException.Kind#BAD_FRAME}.
     */
    static void checkFunction(byte[] request, byte[] reply) throws ModbusException {
        int function = request[0] & 0xFF;
        if (reply.length >= 2 && (reply[0] & 0xFF) == (function | 0x80)) {
            throw ModbusException.reply(function, reply[1] & 0xFF);
        }
        if (reply.length == 0 || (reply[0] & 0xFF) != function) {
            throw bad("function " + (reply.length == 0 ? "none" : reply[0] & 0xFF) + " answers function " + function);
        }
    }

    /** The registers of a function 3/4 reply, checked to hold exactly {@code count} of them. */
    static int[] registers(byte[] reply, int count) throws ModbusException {
        checkByteCount(reply, 2 * count);
        int[] regs = new int[count];
        for (int i = 0; i < count; i++) {
            regs[i] = ((reply[2 + 2 * i] & 0xFF) << 8) | (reply[3 + 2 * i] & 0xFF);
        }
        return regs;
    }

    /** The bits of a function 1/2 reply, checked to hold exactly {@code count} of them. */
    static boolean[] bits(byte[] reply, int count) throws ModbusException {
        checkByteCount(reply, (count + 7) / 8);
        boolean[] bits = new boolean[count];
        for (int i = 0; i < count; i++) {
            bits[i] = ((reply[2 + i / 8] >> (i % 8)) & 1) != 0;
        }
        return bits;
    }

    /** Checks that a write reply echoes the request (address and value or quantity). */
    static void checkEcho(byte[] request, byte[] reply) throws ModbusException {
        if (reply.length != 5) {
            throw bad("write reply of " + reply.length + " bytes (5 expected)");
        }
        for (int i = 1; i < 5; i++) {
            if (reply[i] != request[i]) {
                throw bad("write reply does not echo the request's address and value");
            }
        }
    }

    private static void checkByteCount(byte[] reply, int expected) throws ModbusException {
        if (reply.length < 2 || (reply[1] & 0xFF) != expected || reply.length != 2 + expected) {
            throw bad("read reply with " + (reply.length < 2 ? "no" : reply[1] & 0xFF) + " data bytes in "
                    + reply.length + " bytes (" + expected + " expected)");
        }
    }

    private static ModbusException bad(String what) {
        return new ModbusException(ModbusException.Kind.BAD_FRAME, "malformed reply: " + what);
    }
}
