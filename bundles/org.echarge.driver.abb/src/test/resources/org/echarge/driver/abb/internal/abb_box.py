"""A simulated ABB Terra AC wallbox (TACW) as a Modbus secondary: the independent peer of the driver's tests.

Usage: /usr/bin/python3 abb_box.py (--tcp PORT | --serial PATH) [--unit 1] [--serial-number HEX16]
                                  [--firmware HEX8] [--max-a 32] [--timeout-s 60] [--min-timeout-s 10]
                                  [--auth-required]

Written from the project's charger fact sheet (sections 10 and 12: ABB "TACWB Modbus Communication" 10M1003,
2021-09-03) and ABB's later "TAC Modbus Communication" v1.11 (fallback limit 4109h/4024h, the 4106h range), not
from the driver:

* Function 3 reads 4000h..4024h (addresses between the documented registers read 0: a real box answers one read of
  4000h..4024h). Functions 6 and 16 write 4100h (a u32: function 16 with both words only, else exception 3), 4103h,
  4105h, 4106h (MIN_TIMEOUT..65535 s, default 60) and 4109h; a value out of range is exception 3 and changes
  nothing. 4102h (phases) is exception 2 (documented, not supported), so is a read of a write register, a write of
  a read register and any other address; other function codes are exception 1.
* 400Ch bits 8-14: 0 (A) without car; 1 (B1) while the limit in force is below 6 A or the box waits for an
  authorisation; 2 (B2) when the car does not ask; 3 (C1) when it asks and the limit is below 6 A; 4 (C2) charging;
  5 after the session was stopped (4105h = 1, or the cable unlocked during a session) until the car is unplugged;
  after 4105h = 1 later sessions stay stopped too until 4105h = 0, which takes effect with the next plug-in (user
  report, peufeu2/GrugBus). Bit 15 is set unless the box charges at the value of
  4100h; bits 0-7 are 1 while the box is set unavailable.
* 400Eh, the limit in force: min(4100h, max rated 4006h, the box's own load management, command "derate").
* Supervision: when no read (function 3) arrives for 4106h seconds (counted from power-up), the communication
  counts as lost: error code 4000h, state 5, no current (or, with a fallback limit 4109h other than 0xFF, that limit
  instead, no error); prints LAPSED. It stays so until 4100h is written again (prints RECOVERED): ABB does not say how
  the box comes back, and this is the reading that demands the most from a controller.
* Socket version (connector T or S): 400Ah 0x0000 without car, 0x0111 with the car (locked at the station) until
  4103h = 0 unlocks it; 4103h = 1 keeps it locked. Cable versions (G, P): 0x0001 / 0x0101, 4103h is exception 2.
* TCP: one client at a time, as the box; a second connection is closed at once (prints REFUSED).

Commands on stdin, one per line, each acknowledged with "OK <command>" on stdout:
  plug PHASES MAX_AMPERE | request | satisfied | unplug | authorize | silent on|off | fail FC ADDRESS CODE | heal
  | error CODE | derate AMPERE|off | unavailable on|off | status (-> "STATUS k=v ...")
Prints READY once it serves; exits when stdin closes. Needs Debian python3-pymodbus (3.0).
"""
import argparse
import asyncio
import os
import sys
import time

from pymodbus.datastore import ModbusServerContext
from pymodbus.exceptions import NoSuchSlaveException
from pymodbus.pdu import ExceptionResponse
from pymodbus.server.async_io import ModbusConnectedRequestHandler, ModbusSerialServer, ModbusTcpServer
from pymodbus.transaction import ModbusRtuFramer, ModbusSocketFramer

A, B1, B2, C1, C2, OTHER = 0, 1, 2, 3, 4, 5
COMMUNICATION_LOST = 0x4000
NO_FALLBACK = 0xFF
VOLT = 230
U16_WRITES = (0x4103, 0x4105, 0x4106, 0x4109)


def say(text):
    print(text, flush=True)


def words(u32):
    return [(u32 >> 16) & 0xFFFF, u32 & 0xFFFF]


class Box:
    """Register image and behaviour; every method runs on the event loop."""

    def __init__(self, args):
        now = time.monotonic()
        self.serial = bytes.fromhex(args.serial_number)
        self.firmware = int(args.firmware, 16)
        self.max_ma = args.max_a * 1000
        self.socket = chr(self.serial[0]) in "TS"
        self.min_timeout = args.min_timeout_s
        self.auth_required = args.auth_required
        self.authorized = not args.auth_required
        self.setpoint_ma = self.max_ma  # after power-up: what the hardware allows
        self.timeout_s = args.timeout_s
        self.fallback_a = NO_FALLBACK
        self.derate_ma = None
        self.forced_error = 0
        self.unavailable = False
        self.vehicle = None  # dict(phases, max_ma, requesting)
        self.session_stopped = False
        self.start_next = True
        self.unlocked = False
        self.forced_lock = False
        self.lapsed = False
        self.session_wh = 0.0
        self.last_read = now
        self.silent = False
        self.failures = {}  # (function, address) -> exception code
        self.written = {}  # the registers of the write being answered
        self.pending = None  # exception code for the answer being built

    # --- behaviour -----------------------------------------------------------------------------------
    def limit_ma(self):
        if self.lapsed:
            return 0 if self.fallback_a == NO_FALLBACK else self.fallback_a * 1000
        limit = min(self.setpoint_ma, self.max_ma)
        return limit if self.derate_ma is None else min(limit, self.derate_ma)

    def error_code(self):
        lost = COMMUNICATION_LOST if self.lapsed and self.fallback_a == NO_FALLBACK else 0
        return self.forced_error | lost

    def state(self):
        if self.vehicle is None:
            return A
        if self.session_stopped or self.error_code():
            return OTHER
        offered = self.authorized and self.limit_ma() >= 6000
        if not self.vehicle["requesting"]:
            return B2 if offered else B1
        return C2 if offered else C1

    def charging_state(self):
        state = self.state()
        at_commanded = state == C2 and self.limit_ma() >= self.setpoint_ma
        return state << 8 | (0 if at_commanded else 0x8000) | (1 if self.unavailable else 0)

    def currents(self):
        if self.state() != C2:
            return [0, 0, 0]
        milliampere = min(self.limit_ma(), self.vehicle["max_ma"])
        return [milliampere if phase < self.vehicle["phases"] else 0 for phase in range(3)]

    def power(self):
        return sum(ma * VOLT // 1000 for ma in self.currents())

    def lock_state(self):
        if not self.socket:
            return 0x0001 if self.vehicle is None else 0x0101
        if self.vehicle is None:
            return 0x0010 if self.forced_lock else 0x0000
        locked = self.forced_lock or not self.unlocked
        return 0x0101 | (0x0010 if locked else 0)

    def tick(self, now, seconds):
        self.session_wh += self.power() * seconds / 3600
        if not self.lapsed and now - self.last_read > self.timeout_s:
            self.lapsed = True
            say("LAPSED")

    def end_session(self):
        if self.vehicle is not None and self.state() != OTHER:
            self.session_stopped = True

    # --- the datastore interface pymodbus calls ------------------------------------------------------
    def validate(self, function, address, count):
        addresses = range(address, address + count)
        if function == 3:
            self.last_read = time.monotonic()  # any read feeds the supervision
        for a in addresses:
            if (function, a) in self.failures:
                self.pending = self.failures[(function, a)]
                return False
        if function == 3:
            return all(0x4000 <= a <= 0x4024 for a in addresses)
        if function in (6, 16):
            if 0x4100 in addresses or 0x4101 in addresses:
                if function != 16 or address != 0x4100 or count != 2:
                    self.pending = 3
                    return False
                return True
            return all(a in U16_WRITES for a in addresses) and (self.socket or 0x4103 not in addresses)
        self.pending = 1
        return False

    def getValues(self, function, address, count=1):  # pylint: disable=invalid-name
        if function != 3:
            return [self.written.get(a, 0) for a in range(address, address + count)]
        image = self.image()
        return [image.get(a, 0) for a in range(address, address + count)]

    def setValues(self, function, address, values):  # pylint: disable=invalid-name
        self.written = dict(zip(range(address, address + len(values)), values))
        if address == 0x4100:
            self.set_limit(values[0] << 16 | values[1])
            return
        for a, value in self.written.items():
            if not self.acceptable(a, value):
                self.pending = 3
                return
        for a, value in self.written.items():
            self.write(a, value)

    def acceptable(self, address, value):
        if address in (0x4103, 0x4105):
            return value in (0, 1)
        if address == 0x4106:
            return self.min_timeout <= value <= 0xFFFF
        return value <= 0xFF  # 4109h, in A

    def set_limit(self, milliampere):
        self.setpoint_ma = milliampere
        if self.lapsed:
            self.lapsed = False
            self.last_read = time.monotonic()
            say("RECOVERED")

    def write(self, address, value):
        if address == 0x4103:
            self.forced_lock = value == 1
            if value == 0:
                if self.state() in (B1, B2, C1, C2):
                    self.end_session()  # a user saw the box end the session (peufeu2/GrugBus)
                self.unlocked = True
        elif address == 0x4105:
            if value == 1:
                self.end_session()
            self.start_next = value == 0
        elif address == 0x4106:
            self.timeout_s = value
        elif address == 0x4109:
            self.fallback_a = value

    def image(self):
        image = {}
        serial = [self.serial[i] << 8 | self.serial[i + 1] for i in range(0, 8, 2)]
        for i, word in enumerate(serial + words(self.firmware) + words(self.max_ma)):
            image[0x4000 + i] = word
        values = [self.error_code(), self.lock_state(), self.charging_state(), self.limit_ma()] + self.currents() \
            + [VOLT * 10] * 3 + [self.power(), int(self.session_wh)]
        for i, value in enumerate(values):
            image[0x4008 + 2 * i], image[0x4009 + 2 * i] = words(value)
        image[0x4020] = self.timeout_s
        image[0x4022], image[0x4023] = words(self.setpoint_ma)
        image[0x4024] = self.fallback_a
        return image

    # --- commands ------------------------------------------------------------------------------------
    def command(self, line):
        words_ = line.split()
        verb, args = words_[0], words_[1:]
        if verb == "plug":
            self.vehicle = {"phases": int(args[0]), "max_ma": int(args[1]) * 1000, "requesting": False}
            self.session_stopped = not self.start_next
            self.start_next = True
            self.unlocked = False
            self.authorized = not self.auth_required
            self.session_wh = 0.0
        elif verb == "request":
            self.vehicle["requesting"] = True
        elif verb == "satisfied":
            self.vehicle["requesting"] = False
        elif verb == "unplug":
            self.vehicle = None
            self.session_stopped = False
        elif verb == "authorize":
            self.authorized = True
        elif verb == "silent":
            self.silent = args[0] == "on"
        elif verb == "fail":
            self.failures[(int(args[0]), int(args[1], 0))] = int(args[2])
        elif verb == "heal":
            self.failures.clear()
        elif verb == "error":
            self.forced_error = int(args[0], 0)
        elif verb == "derate":
            self.derate_ma = None if args[0] == "off" else int(args[0]) * 1000
        elif verb == "unavailable":
            self.unavailable = args[0] == "on"
        elif verb == "status":
            say("STATUS state=%d error=0x%X limit=%d 4100=%d 4106=%d 4109=%d lock=0x%04X lapsed=%s" % (
                self.state(), self.error_code(), self.limit_ma(), self.setpoint_ma, self.timeout_s,
                self.fallback_a, self.lock_state(), self.lapsed))
            return
        else:
            say("UNKNOWN " + line)
            return
        say("OK " + line)


class BoxContext(ModbusServerContext):
    """One unit; a silent box, or another unit id, gets no answer."""

    def __init__(self, box, unit):
        super().__init__(slaves={unit: box}, single=False)
        self.box = box

    def __getitem__(self, unit):
        if self.box.silent:
            raise NoSuchSlaveException("silent")
        return super().__getitem__(unit)


class OneClient(ModbusConnectedRequestHandler):
    """The box serves one Modbus TCP client at a time (JernejHren/ABB-Terra-AC); another is closed at once."""

    def connection_made(self, transport):
        if self.server.active_connections:
            self.refused = True
            say("REFUSED")
            transport.close()
            return
        self.refused = False
        super().connection_made(transport)

    def connection_lost(self, call_exc):
        if not self.refused:
            super().connection_lost(call_exc)


async def main(args):
    box = Box(args)

    def answer(response):
        if box.pending is not None:
            code, box.pending = box.pending, None
            refused = ExceptionResponse(response.function_code & 0x7F, code)
            refused.unit_id, refused.transaction_id = response.unit_id, response.transaction_id
            response = refused
        return response, False

    context = BoxContext(box, args.unit)
    if args.tcp is not None:
        server = ModbusTcpServer(context, framer=ModbusSocketFramer, address=("127.0.0.1", args.tcp),
                                 handler=OneClient, allow_reuse_address=True, ignore_missing_slaves=True,
                                 response_manipulator=answer)
        serve = asyncio.create_task(server.serve_forever())
        await server.serving
    else:
        server = ModbusSerialServer(context, framer=ModbusRtuFramer, port=args.serial, baudrate=19200, bytesize=8,
                                    parity="N", stopbits=1, ignore_missing_slaves=True, response_manipulator=answer)
        await server.start()
        if server.transport is None:
            raise SystemExit("cannot open " + args.serial)
        serve = asyncio.create_task(server.serve_forever())

    loop = asyncio.get_running_loop()
    stdin_closed = loop.create_future()

    pending = bytearray()

    def on_stdin():  # reads what is there: several commands may arrive at once
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:
            loop.remove_reader(sys.stdin.fileno())
            stdin_closed.set_result(None)
            return
        pending.extend(chunk)
        while b"\n" in pending:
            end = pending.index(b"\n")
            line = pending[:end].decode("ascii").strip()
            del pending[:end + 1]
            if line:
                box.command(line)

    loop.add_reader(sys.stdin.fileno(), on_stdin)

    async def ticker():
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.02)
            now = time.monotonic()
            box.tick(now, now - last)
            last = now

    tick = asyncio.create_task(ticker())
    say("READY")
    await stdin_closed
    tick.cancel()
    serve.cancel()
    if args.tcp is not None:
        await server.server_close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--tcp", type=int, help="serve Modbus TCP on 127.0.0.1:PORT")
    where.add_argument("--serial", help="serve Modbus RTU on this serial port (8N1)")
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("--serial-number", default="5422040049200025")  # TACW22-4-4920-T0025, ABB's example
    parser.add_argument("--firmware", default="01083200")  # 1.8.32
    parser.add_argument("--max-a", type=int, default=32)
    parser.add_argument("--timeout-s", type=int, default=60)
    parser.add_argument("--min-timeout-s", type=int, default=10)
    parser.add_argument("--auth-required", action="store_true")
    asyncio.run(main(parser.parse_args()))
