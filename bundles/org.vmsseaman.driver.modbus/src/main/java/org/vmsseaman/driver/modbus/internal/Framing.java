package org.vmsseaman.driver.modbus.internal;

/** How a PDU travels on a {@link Channel}: Modbus TCP's MBAP header or RTU's address and CRC. */
interface Framing {

    /**
     * Sends one request and reads the reply meant for it.
     *
     * @param pdu the request PDU (function code first)
     * @return the reply PDU (function code first), checked to belong to this request's unit (and transaction)
     */
    byte[] exchange(Channel channel, int unitId, byte[] pdu, int timeoutMillis) throws ModbusException;
}
