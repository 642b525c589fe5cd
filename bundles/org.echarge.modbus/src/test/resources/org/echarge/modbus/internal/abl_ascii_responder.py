"""A Modbus slave in ABL's ASCII dialect on a serial port: the independent peer of the ABL framing tests.

Usage: /usr/bin/python3 abl_ascii_responder.py PORT UNIT[,UNIT...]

Requests are Modbus ASCII (':', hex, LRC, CR LF); answers are framed the same way but start with '>',
as ABL eMH1/eMH2 boxes answer (evcc issue #526 traces). Every unit u has holding registers 0..99,
register i holding 100 * u + i. Function 3 reads them, function 16 writes them; other functions get
exception 1, addresses beyond 99 exception 2, a read of more than 125 or a write of more than 123
registers exception 3. Frames for other units, with a bad LRC or not starting with ':' get no answer,
as on a real bus. Written from the Modbus over serial line specification V1.02 with pyserial only
(Debian python3-serial); prints READY once the port is open.
"""
import sys

import serial


def lrc(data):
    return (-sum(data)) & 0xFF


def frame(data):
    return b">" + (data + bytes([lrc(data)])).hex().upper().encode("ascii") + b"\r\n"


def answer(registers, request):
    unit, function, body = request[0], request[1], request[2:]
    if function == 3 and len(body) == 4:
        address, count = int.from_bytes(body[0:2], "big"), int.from_bytes(body[2:4], "big")
        if not 1 <= count <= 125:
            return bytes([unit, 0x83, 3])
        if address + count > len(registers):
            return bytes([unit, 0x83, 2])
        values = b"".join(v.to_bytes(2, "big") for v in registers[address:address + count])
        return bytes([unit, 3, len(values)]) + values
    if function == 16 and len(body) >= 5:
        address, count, size = int.from_bytes(body[0:2], "big"), int.from_bytes(body[2:4], "big"), body[4]
        if not 1 <= count <= 123 or size != 2 * count or len(body) != 5 + size:
            return bytes([unit, 0x90, 3])
        if address + count > len(registers):
            return bytes([unit, 0x90, 2])
        for i in range(count):
            registers[address + i] = int.from_bytes(body[5 + 2 * i:7 + 2 * i], "big")
        return bytes([unit, 16]) + body[0:4]
    return bytes([unit, function | 0x80, 1])


def main(port, units):
    images = {unit: [100 * unit + i for i in range(100)] for unit in units}
    with serial.Serial(port, baudrate=38400, bytesize=8, parity="N", stopbits=1, timeout=0.2) as line:
        print("READY", flush=True)
        while True:
            received = line.read_until(b"\n")
            start = received.find(b":")
            if start < 0 or not received.endswith(b"\r\n"):
                continue
            try:
                request = bytes.fromhex(received[start + 1:-2].decode("ascii"))
            except ValueError:
                continue
            if len(request) < 3 or lrc(request[:-1]) != request[-1] or request[0] not in images:
                continue
            line.write(frame(answer(images[request[0]], request[:-1])))


if __name__ == "__main__":
    main(sys.argv[1], [int(unit) for unit in sys.argv[2].split(",")])
