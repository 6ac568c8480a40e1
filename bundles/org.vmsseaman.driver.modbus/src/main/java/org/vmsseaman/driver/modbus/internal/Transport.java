package org.vmsseaman.driver.modbus.internal;

/** How a device is reached: the three protocol names this bundle registers. */
enum Transport {
    /** Modbus TCP: MBAP header with transaction ids, over a TCP connection (default port 502). */
    TCP("modbus-tcp"),
    /** Modbus RTU over a serial line (RS-485/RS-232), CRC-16 framed. */
    RTU("modbus-rtu"),
    /** Modbus RTU frames (with CRC, without MBAP header) tunnelled through a TCP serial gateway. */
    RTU_OVER_TCP("modbus-rtu-tcp");

    private final String protocol;

    Transport(String protocol) {
        this.protocol = protocol;
    }

    /** The project-file protocol name. */
    String protocol() {
        return protocol;
    }

    /** {@code true} when the device is reached over TCP (host and port). */
    boolean overTcp() {
        return this != RTU;
    }
}
