"""A simulated Heidelberg Energy Control on a serial port: the independent peer of the driver's line test.

Usage: /usr/bin/python3 heidelberg_box.py PORT UNIT [--layout 0x0107] [--hw-max 16] [--recovery-s 10]
                                          [--min-gap-ms 90] [--standby-after-s 0]

Written from the project's charger fact sheet (section 3: Amperfied "ModBus-Register-Tabelle" 2021-02-22,
evcc issues 2286/5060/15437), not from the driver:

* Input registers (function 4): 4-13, 100-133 always; 14-16 from layout 1.0.4, 17-18 from 1.0.7, 200 from
  1.0.3, 203 from 1.0.5. Holding registers (functions 3, 6, 16): 257, 258, 259, 261, 262. Any other address,
  or the other function code, is exception 2. 261 and 262 take 0 or 60..(hardware max x 10), 259 takes 0/1,
  else exception 3 and nothing is written.
* Charging state 5: A1/A2 without vehicle, B1/B2 plugged, C1/C2 requesting; "1" while 261 = 0 (not released).
  Derating (8) on command; error 11 on command.
* Watchdog: no request for 257 ms (0 = off; counted from power-up) -> state F (10), no current, 261 falls back
  to the failsafe current 262. When requests come again the box stays in F for RECOVERY seconds (about 10 s
  on the real box) and then returns; prints LAPSED and RECOVERED.
* 259 = 0 (remote lock) -> F; after 259 = 1 the box needs RECOVERY seconds as well.
* Standby: with 258 != 4 the box stops answering after STANDBY seconds without vehicle (0 = never) until a
  vehicle is plugged in; prints STANDBY.
* A request that arrives less than MIN_GAP ms after the previous answer gets no answer; prints TOO_FAST.

Commands on stdin, one per line, each acknowledged with "OK <command>" on stdout:
  plug PHASES MAX_AMPERE | request | satisfied | unplug | silent on|off | fail FC ADDRESS CODE | heal
  | error on|off | derate on|off | temperature DECI_CELSIUS | layout HEX | status (-> "STATUS k=v ...")
Prints READY once the port is open; exits when stdin closes. Needs Debian python3-pymodbus (3.0).
"""
import argparse
import asyncio
import sys
import time

from pymodbus.datastore import ModbusServerContext
from pymodbus.exceptions import NoSuchSlaveException
from pymodbus.pdu import ExceptionResponse
from pymodbus.server.async_io import ModbusSerialServer
from pymodbus.transaction import ModbusRtuFramer

A1, A2, B1, B2, C1, C2, DERATING, F, ERROR = 2, 3, 4, 5, 6, 7, 8, 10, 11
VOLT = 230
LOGISTIC = "EC-11KW-4711 SN 190012345"


def say(text):
    print(text, flush=True)


class Box:
    """Register image and behaviour; every method runs on the event loop."""

    def __init__(self, args):
        now = time.monotonic()
        self.layout = args.layout
        self.hw_max = args.hw_max
        self.recovery = args.recovery_s
        self.min_gap = args.min_gap_ms / 1000
        self.standby_after = args.standby_after_s
        self.holding = {257: 15000, 258: 0, 259: 1, 261: 0, 262: 0}
        self.temperature = 251
        self.vehicle = None  # dict(phases, max_deci, requesting)
        self.forced_error = False
        self.derating = False
        self.silent = False
        self.standby = False
        self.failures = {}  # (function, address) -> exception code
        self.pending = None  # exception code for the answer being built
        self.last_request = now
        self.last_answer = None
        self.idle_since = now
        self.lapsed = False
        self.f_until = None
        self.energy_power_on = 0.0
        self.energy_total = 3_615_000.0

    # --- behaviour -----------------------------------------------------------------------------------
    def state(self, now):
        if self.forced_error:
            return ERROR
        if self.lapsed or self.holding[259] == 0 or (self.f_until is not None and now < self.f_until):
            return F
        released = self.holding[261] > 0
        if self.vehicle is None:
            return A2 if released else A1
        if not self.vehicle["requesting"]:
            return B2 if released else B1
        if not released:
            return C1
        return DERATING if self.derating else C2

    def currents(self, now):
        if self.state(now) not in (C2, DERATING):
            return [0, 0, 0]
        deci = min(self.holding[261], self.vehicle["max_deci"])
        if self.derating:
            deci //= 2
        return [deci if phase < self.vehicle["phases"] else 0 for phase in range(3)]

    def power(self, now):
        return sum(deci * VOLT // 10 for deci in self.currents(now))

    def arrived(self, now):
        """A request for this unit; False: the box gives no answer."""
        if self.silent or self.standby:
            return False
        too_fast = self.min_gap > 0 and self.last_answer is not None and now - self.last_answer < self.min_gap
        self.last_request = now
        if self.lapsed:
            self.lapsed = False
            self.f_until = now + self.recovery
        if too_fast:
            say("TOO_FAST %.0f ms" % ((now - self.last_answer) * 1000))
            return False
        return True

    def tick(self, now, seconds):
        power = self.power(now)
        self.energy_power_on += power * seconds / 3600
        self.energy_total += power * seconds / 3600
        timeout = self.holding[257] / 1000
        if timeout > 0 and not self.lapsed and now - self.last_request > timeout:
            self.lapsed = True
            self.f_until = None
            self.holding[261] = self.holding[262]
            say("LAPSED")
        if self.f_until is not None and now >= self.f_until and self.holding[259] == 1:
            self.f_until = None
            say("RECOVERED")
        if (self.standby_after > 0 and not self.standby and self.holding[258] != 4 and self.vehicle is None
                and now - self.idle_since > self.standby_after):
            self.standby = True
            say("STANDBY")

    # --- the datastore interface pymodbus calls ------------------------------------------------------
    def input_known(self, address):
        return (4 <= address <= 13 or 100 <= address <= 133
                or (14 <= address <= 16 and self.layout >= 0x104)
                or (17 <= address <= 18 and self.layout >= 0x107)
                or (address == 200 and self.layout >= 0x103)
                or (address == 203 and self.layout >= 0x105))

    def validate(self, function, address, count):
        addresses = range(address, address + count)
        for a in addresses:
            if (function, a) in self.failures:
                self.pending = self.failures[(function, a)]
                return False
        if function == 4:
            return all(self.input_known(a) for a in addresses)
        if function in (3, 6, 16):
            return all(a in self.holding for a in addresses)
        return False

    def getValues(self, function, address, count=1):  # pylint: disable=invalid-name
        now = time.monotonic()
        if function == 4:
            return [self.input_value(a, now) for a in range(address, address + count)]
        return [self.holding[a] for a in range(address, address + count)]

    def setValues(self, function, address, values):  # pylint: disable=invalid-name
        writes = dict(zip(range(address, address + len(values)), values))
        if not all(self.acceptable(a, v) for a, v in writes.items()):
            self.pending = 3
            return
        now = time.monotonic()
        if writes.get(259) == 1 and self.holding[259] == 0:
            self.f_until = now + self.recovery
        self.holding.update(writes)

    def acceptable(self, address, value):
        if address in (261, 262):
            return value == 0 or 60 <= value <= self.hw_max * 10
        if address == 259:
            return value in (0, 1)
        return True

    def input_value(self, address, now):
        currents = self.currents(now)
        if address == 4:
            return self.layout
        if address == 5:
            return self.state(now)
        if 6 <= address <= 8:
            return currents[address - 6]
        if address == 9:
            return self.temperature & 0xFFFF
        if 10 <= address <= 12:
            return VOLT
        if address == 13:
            return 1
        if address == 14:
            return min(self.power(now), 0xFFFF)
        if address in (15, 16):
            return split(int(self.energy_power_on))[address - 15]
        if address in (17, 18):
            return split(int(self.energy_total))[address - 17]
        if address == 100:
            return self.hw_max
        if address == 101:
            return 6
        if 102 <= address <= 133:
            text = LOGISTIC.encode("ascii").ljust(64, b"\0")
            i = 2 * (address - 102)
            return text[i] << 8 | text[i + 1]
        if address == 200:
            return 1
        if address == 203:
            return 0x0107
        raise ValueError(address)

    # --- commands ------------------------------------------------------------------------------------
    def command(self, line):
        now = time.monotonic()
        words = line.split()
        verb, args = words[0], words[1:]
        if verb == "plug":
            self.vehicle = {"phases": int(args[0]), "max_deci": int(args[1]) * 10, "requesting": False}
            self.standby = False
        elif verb == "request":
            self.vehicle["requesting"] = True
        elif verb == "satisfied":
            self.vehicle["requesting"] = False
        elif verb == "unplug":
            self.vehicle = None
            self.idle_since = now
        elif verb == "silent":
            self.silent = args[0] == "on"
        elif verb == "fail":
            self.failures[(int(args[0]), int(args[1]))] = int(args[2])
        elif verb == "heal":
            self.failures.clear()
        elif verb == "error":
            self.forced_error = args[0] == "on"
        elif verb == "derate":
            self.derating = args[0] == "on"
        elif verb == "temperature":
            self.temperature = int(args[0])
        elif verb == "layout":
            self.layout = int(args[0], 16)
        elif verb == "status":
            say("STATUS state=%d %s lapsed=%s standby=%s" % (self.state(now), " ".join(
                "%d=%d" % item for item in sorted(self.holding.items())), self.lapsed, self.standby))
            return
        else:
            say("UNKNOWN " + line)
            return
        say("OK " + line)


def split(u32):
    return [(u32 >> 16) & 0xFFFF, u32 & 0xFFFF]


class BoxContext(ModbusServerContext):
    """One unit; a request it must not answer is dropped as on an empty bus address."""

    def __init__(self, box, unit):
        super().__init__(slaves={unit: box}, single=False)
        self.box = box

    def __getitem__(self, unit):
        if not self.box.arrived(time.monotonic()):
            raise NoSuchSlaveException("no answer")
        return super().__getitem__(unit)


async def main(args):
    box = Box(args)

    def answer(response):
        if box.pending is not None:
            code, box.pending = box.pending, None
            refused = ExceptionResponse(response.function_code & 0x7F, code)
            refused.unit_id, refused.transaction_id = response.unit_id, response.transaction_id
            response = refused
        box.last_answer = time.monotonic()
        return response, False

    server = ModbusSerialServer(BoxContext(box, args.unit), framer=ModbusRtuFramer, port=args.port,
                                baudrate=19200, bytesize=8, parity="N", stopbits=1,
                                ignore_missing_slaves=True, response_manipulator=answer)
    await server.start()
    if server.transport is None:
        raise SystemExit("cannot open " + args.port)

    loop = asyncio.get_running_loop()
    stdin_closed = loop.create_future()

    def on_stdin():
        line = sys.stdin.readline()
        if not line:
            loop.remove_reader(sys.stdin.fileno())
            stdin_closed.set_result(None)
        elif line.strip():
            box.command(line.strip())

    loop.add_reader(sys.stdin.fileno(), on_stdin)

    async def ticker():
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.02)
            now = time.monotonic()
            box.tick(now, now - last)
            last = now

    tick = asyncio.create_task(ticker())
    serve = asyncio.create_task(server.serve_forever())
    say("READY")
    await stdin_closed
    tick.cancel()
    serve.cancel()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("port")
    parser.add_argument("unit", type=int)
    parser.add_argument("--layout", type=lambda text: int(text, 16), default=0x0107)
    parser.add_argument("--hw-max", type=int, default=16)
    parser.add_argument("--recovery-s", type=float, default=10)
    parser.add_argument("--min-gap-ms", type=float, default=90)
    parser.add_argument("--standby-after-s", type=float, default=0)
    asyncio.run(main(parser.parse_args()))
