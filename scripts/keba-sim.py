#!/usr/bin/python3
"""A KEBA KeContact P30 c-series that always answers (benchmark peer, not a model of the station).

Serves the registers the gateway's KEBA driver reads (function 3, u32 high word first, unit id 255)
with fixed values: ready, no vehicle, product code 314111, firmware 3.10.57, failsafe off. Writes of
the write registers are accepted (5016/5018 read back at 1600/1602). One server per port given.
Usage: /usr/bin/python3 scripts/keba-sim.py <port> [<port> ...]   (Debian python3-pymodbus 3.x)
"""
import asyncio
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncTcpServer

VALUES = {1000: 2, 1004: 3, 1006: 0, 1008: 0, 1010: 0, 1012: 0, 1014: 22512345, 1016: 314111,
          1018: 0x030A3900, 1020: 0, 1036: 123450, 1040: 0, 1042: 0, 1044: 0, 1046: 0, 1100: 0,
          1110: 32000, 1500: 0, 1502: 0, 1550: 0, 1552: 1, 1600: 6000, 1602: 0}
MIRROR = {5016: 1600, 5018: 1602}


class KebaBlock(ModbusSequentialDataBlock):
    def __init__(self):
        words = [0] * 6000
        for address, value in VALUES.items():
            words[address] = (value >> 16) & 0xFFFF
            words[address + 1] = value & 0xFFFF
        super().__init__(0, words)

    def setValues(self, address, values):
        super().setValues(address, values)
        if address in MIRROR:
            super().setValues(MIRROR[address], [0, values[0] & 0xFFFF])


async def main(ports):
    servers = []
    for port in ports:
        block = KebaBlock()
        context = ModbusServerContext(slaves={255: ModbusSlaveContext(hr=block, ir=block, zero_mode=True)},
                                      single=False)
        servers.append(StartAsyncTcpServer(context, address=("127.0.0.1", port)))
    await asyncio.gather(*servers)


if __name__ == "__main__":
    asyncio.run(main([int(p) for p in sys.argv[1:]]))
