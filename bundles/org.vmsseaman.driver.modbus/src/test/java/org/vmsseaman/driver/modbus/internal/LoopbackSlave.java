package org.vmsseaman.driver.modbus.internal;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** A j2mod Modbus TCP slave on 127.0.0.1 with one process image of {@code size} points per table and unit. */
final class LoopbackSlave implements AutoCloseable {

    final int port;
    private final ModbusSlave slave;
    private final Map<Integer, SimpleProcessImage> images = new HashMap<>();

    private LoopbackSlave(int port, ModbusSlave slave) {
        this.port = port;
        this.slave = slave;
    }

    static LoopbackSlave start(int size, int... unitIds) throws IOException, ModbusException {
        int port = Fixtures.freePort();
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 40, false);
        LoopbackSlave s = new LoopbackSlave(port, slave);
        for (int unit : unitIds.length == 0 ? new int[] {1} : unitIds) {
            SimpleProcessImage image = new SimpleProcessImage(unit);
            for (int i = 0; i < size; i++) {
                image.addRegister(new SimpleRegister(0));
                image.addInputRegister(new SimpleInputRegister(0));
                image.addDigitalOut(new SimpleDigitalOut(false));
                image.addDigitalIn(new SimpleDigitalIn(false));
            }
            slave.addProcessImage(unit, image);
            s.images.put(unit, image);
        }
        slave.open();
        // the listener starts on its own thread: wait until it accepts connections
        Fixtures.await(java.time.Duration.ofSeconds(5), "the j2mod slave listens on " + port, () -> {
            try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return s;
    }

    SimpleProcessImage image(int unit) {
        return images.get(unit);
    }

    SimpleProcessImage image() {
        return images.values().iterator().next();
    }

    LoopbackSlave holding(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            image().getRegister(address + i).setValue(values[i]);
        }
        return this;
    }

    LoopbackSlave input(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            ((SimpleInputRegister) image().getInputRegister(address + i)).setValue(values[i]);
        }
        return this;
    }

    int holding(int address) {
        return image().getRegister(address).toUnsignedShort();
    }

    LoopbackSlave coil(int address, boolean on) {
        image().getDigitalOut(address).set(on);
        return this;
    }

    boolean coil(int address) {
        return image().getDigitalOut(address).isSet();
    }

    LoopbackSlave discrete(int address, boolean on) {
        ((SimpleDigitalIn) image().getDigitalIn(address)).set(on);
        return this;
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
