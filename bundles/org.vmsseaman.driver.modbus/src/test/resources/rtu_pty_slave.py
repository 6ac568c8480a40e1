"""A Modbus RTU slave on a pseudo-terminal, for the serial-line test of the Modbus driver.

Creates a pty, points the symlink given as argument at its slave side (as /dev/serial/by-id links
point at USB adapters), prints "ready" and answers function 3 with every register holding its own
address, until its standard input closes. Killing it is unplugging the adapter.
"""
import os
import pty
import sys
import termios
import threading
import tty


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return bytes([crc & 0xFF, crc >> 8])


def read_exactly(fd, n):
    buf = b""
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def serve(master):
    while True:
        req = read_exactly(master, 8)  # unit, function 3, start, count, CRC
        if crc16(req[:6]) != req[6:]:
            continue
        unit, function = req[0], req[1]
        start = int.from_bytes(req[2:4], "big")
        count = int.from_bytes(req[4:6], "big")
        body = bytes([unit, function, 2 * count]) + b"".join((start + i).to_bytes(2, "big") for i in range(count))
        os.write(master, body + crc16(body))


def main():
    link = sys.argv[1]
    master, slave = pty.openpty()
    tty.setraw(slave)
    attrs = termios.tcgetattr(slave)
    attrs[3] &= ~termios.ECHO
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.ttyname(slave), link)
    threading.Thread(target=serve, args=(master,), daemon=True).start()
    print("ready", flush=True)
    sys.stdin.read()  # until the test closes our standard input or kills us
    os.remove(link)


if __name__ == "__main__":
    main()
