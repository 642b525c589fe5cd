"""Modbus RTU or ASCII server on a serial port: the independent peer of the transport's tests.

Usage: /usr/bin/python3 pymodbus_peer.py rtu|ascii PORT UNIT[,UNIT...] [SLOW_UNIT:DELAY_MS] [WIRE_BAUD]

Every unit u has 100 holding registers (i -> 1000*u + i) and 100 input registers
(i -> 1000*u + 500 + i), addressed from 0; beyond them it answers exception 2. Other unit ids
get no answer, like an empty address on a real bus. SLOW_UNIT answers DELAY_MS late. With WIRE_BAUD
every answer waits as long as request and answer would take on the wire at that baud rate (11 bits
per character, as 8E1): a pty has no baud rate of its own.
Prints READY once the port is open. Needs Debian python3-pymodbus (3.0) and python3-serial-asyncio.
"""
import asyncio
import sys
import time

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server.async_io import ModbusSerialServer
from pymodbus.transaction import ModbusAsciiFramer, ModbusRtuFramer


def unit_context(unit):
    return ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, [1000 * unit + i for i in range(100)]),
        ir=ModbusSequentialDataBlock(0, [1000 * unit + 500 + i for i in range(100)]),
        zero_mode=True)


async def main(framing, port, units, slow_unit, delay_seconds, wire_baud):
    def late(response):
        if response.unit_id == slow_unit:
            time.sleep(delay_seconds)  # blocks the server: the next request waits, as on a real bus
        if wire_baud:
            request_chars = 8  # address, function, 4 bytes of request, CRC (reads and single writes)
            answer_chars = 4 + len(response.encode())  # address, function, data, CRC
            time.sleep((request_chars + answer_chars) * 11 / wire_baud)
        return response, False

    context = ModbusServerContext(slaves={unit: unit_context(unit) for unit in units}, single=False)
    server = ModbusSerialServer(context, framer=ModbusRtuFramer if framing == "rtu" else ModbusAsciiFramer,
                                port=port, baudrate=19200, bytesize=8, parity="N", stopbits=1,
                                ignore_missing_slaves=True, response_manipulator=late)
    await server.start()
    if server.transport is None:
        raise SystemExit("cannot open " + port)
    print("READY", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    slow, delay = (sys.argv[4].split(":") + ["0"])[:2] if len(sys.argv) > 4 else ("0", "0")
    baud = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    asyncio.run(main(sys.argv[1], sys.argv[2], [int(u) for u in sys.argv[3].split(",")], int(slow),
                     int(delay) / 1000, baud))
