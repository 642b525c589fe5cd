"""A simulated MENNEKES AMTRON Compact 2.0s on a serial port: the independent peer of the driver's line test.

Usage: /usr/bin/python3 amtron_box.py PORT UNIT [--layout 0x0102] [--evse-max 32] [--dip 32] [--fallback 1]
                                        [--heartbeat-timeout-s 10] [--downgrade-a 10]

Written from MENNEKES "AMTRON Compact 2.0s / AMTRON Start 2.0s Modbus RTU Specification" rev. 1.2 (2023-02-27)
and the project's charger fact sheet (section 5b, evcc charger/mennekes-compact.go), not from the driver:

* 57600 baud, 8N2 (the box's settings). Functions 3 and 4 read the same image; only documented addresses of the
  box's register layout, a read touching any other address (or the write-only heartbeat 0x0D00) is exception 2.
  Function 6 writes one-register values only (a float with function 6 is exception 2), function 16 writes whole
  values. Writes to read-only registers: exception 2. 0x0302 takes 6..EVSE max A, 0x0D05/0x0D06 take 0/1,
  0x0D03 0..3, 0x0D04 0/1 only while the release is 0 (fact sheet): else exception 3 and nothing is written.
  Floats and u32 are high word first (as evcc reads the real box; the document says "LowWord / HighWord").
* Heartbeat: 0x55AA written to 0x0D00 keeps the communication valid for HEARTBEAT_TIMEOUT seconds (10 s on the
  real box, section 9). A box charges only with a valid communication, release 1 and a limit of at least 6 A
  (section 2). When the timeout passes after a heartbeat: master-lost fallback, 0x0E01 = 1, per 0x030E
  (0 charging continues as before, 1 pause, 6..32 continue with that current); the next heartbeat ends it (prints
  LAPSED and RECOVERED). Before the first heartbeat after power-up nothing charges and nothing falls back.
* EVSE state 0x0100: 1 idle, 2 EV connected but no current offered, 4 ready (car not requesting), 5 charging,
  6 error (forced code in 0x0E00) or restarted: after "reboot" the box is back with limit 0, release 0, no heartbeat,
  and stays in 6 until the energy manager wrote both 0x0302 and 0x0D05 (evcc PR 20579; the only source). 7 service
  mode. State 3 is transitional on the real box and not produced here. CP state 0x0108 follows the vehicle and the
  PWM (A1/A2, B1/B2, C1/C2, D2 with ventilation, F in an error).
* The downgrade input limits the current to 0x0300 and sets 0x0102 = 2; 0x0D06 = 1 locks the box (no current).

Commands on stdin, one per line, each acknowledged with "OK <command>" on stdout:
  plug PHASES MAX_AMPERE | request | satisfied | ventilation on|off | unplug | silent on|off | fail FC ADDRESS CODE
  | heal | error CODE|off | service on|off | downgrade on|off | reboot | temperature CELSIUS | status
  (status -> "STATUS k=v ...")
Prints READY once the port is open; exits when stdin closes. Needs Debian python3-pymodbus (3.0).
"""
import argparse
import asyncio
import struct
import sys
import time

from pymodbus.datastore import ModbusServerContext
from pymodbus.exceptions import NoSuchSlaveException
from pymodbus.pdu import ExceptionResponse
from pymodbus.server.async_io import ModbusSerialServer
from pymodbus.transaction import ModbusRtuFramer

VOLT = 230.0
TOKEN = 0x55AA
FIRMWARE = "1.5.3"
SERIAL = "2303014711"
V100, V101, V102 = 0x0100, 0x0101, 0x0102

# address -> (registers, layout it is available at, writable); floats and u32 take 2, text 8
DOCUMENTED = {
    0x0000: (1, V100, False), 0x0001: (8, V100, False), 0x0013: (8, V102, False),
    0x0100: (1, V100, False), 0x0101: (1, V100, False), 0x0102: (1, V100, False), 0x0103: (1, V100, False),
    0x0108: (1, V102, False),
    0x0300: (2, V100, False), 0x0302: (2, V100, True), 0x0304: (2, V100, False), 0x0306: (2, V100, False),
    0x030A: (1, V100, False), 0x030C: (1, V101, False), 0x030D: (1, V102, False), 0x030E: (1, V102, False),
    0x030F: (1, V102, False), 0x0310: (1, V102, False), 0x0311: (1, V102, False), 0x0312: (1, V102, False),
    0x0313: (1, V102, False), 0x0314: (1, V102, False),
    0x0500: (2, V100, False), 0x0502: (2, V100, False), 0x0504: (2, V100, False), 0x0506: (2, V100, False),
    0x0508: (2, V100, False), 0x050A: (2, V100, False), 0x050C: (2, V100, False), 0x050E: (2, V100, False),
    0x0510: (2, V100, False), 0x0512: (2, V100, False),
    0x0900: (2, V102, False),
    0x0B00: (2, V100, False), 0x0B02: (2, V100, False), 0x0B04: (2, V100, False), 0x0B06: (1, V102, False),
    0x0D00: (1, V100, True), 0x0D02: (1, V100, False), 0x0D03: (1, V100, True), 0x0D04: (1, V100, True),
    0x0D05: (1, V100, True), 0x0D06: (1, V100, True),
    0x0E00: (1, V100, False), 0x0E01: (1, V102, False), 0x0E02: (1, V102, False),
    0x1000: (2, V102, False), 0x1002: (2, V102, False),
}
WRITE_ONLY = {0x0D00}


def say(text):
    print(text, flush=True)


def f32(value):
    high, low = struct.unpack(">HH", struct.pack(">f", value))
    return [high, low]


def u32(value):
    return [(value >> 16) & 0xFFFF, value & 0xFFFF]


def text(value):
    data = value.encode("ascii").ljust(16, b"\0")
    return [data[i] << 8 | data[i + 1] for i in range(0, 16, 2)]


class Box:
    """Register image and behaviour; every method runs on the event loop."""

    def __init__(self, args):
        self.layout = args.layout
        self.evse_max = args.evse_max
        self.dip = args.dip
        self.fallback = args.fallback
        self.timeout = args.heartbeat_timeout_s
        self.downgrade_current = args.downgrade_a
        self.temperature = 27.5
        self.vehicle = None  # dict(phases, max_ampere, requesting, ventilation, since)
        self.silent = False
        self.failures = {}  # (function, address) -> exception code
        self.pending = None  # exception code for the answer being built
        self.echo = 0
        self.forced_error = 0
        self.service = False
        self.downgrade = False
        self.energy_kwh = 3033.42
        self.session_kwh = 0.0
        self.sessions = 412
        self.heartbeats = 0
        self.power_up()

    def power_up(self):
        self.em_current = 0.0
        self.release = 0
        self.lock = 0
        self.solar_mode = 0
        self.requested_phases = 0
        self.last_heartbeat = None
        self.lapsed = False
        self.needs_reset = False
        self.written_since_reboot = set()

    # --- behaviour -----------------------------------------------------------------------------------
    def valid(self, now):
        return self.last_heartbeat is not None and now - self.last_heartbeat <= self.timeout

    def offered(self, now):
        """The current the box offers by PWM, 0 for none."""
        if self.forced_error or self.service or self.needs_reset or self.lock:
            return 0.0
        if self.lapsed:
            if self.fallback == 1 or not self.release:
                return 0.0
            base = self.em_current if self.fallback == 0 else float(self.fallback)
        elif not self.valid(now) or not self.release or self.em_current < 6:
            return 0.0
        else:
            base = self.em_current
        limit = min(base, self.evse_max, self.dip if self.dip >= 6 else self.evse_max)
        return min(limit, self.downgrade_current) if self.downgrade else limit

    def state(self, now):
        if self.forced_error or self.needs_reset:
            return 6
        if self.service:
            return 7
        if self.vehicle is None:
            return 1
        if self.offered(now) == 0:
            return 2
        return 5 if self.vehicle["requesting"] else 4

    def cp_state(self, now):
        offered = self.offered(now) > 0
        if self.forced_error:
            return 15
        if self.vehicle is None:
            return 26 if offered else 10
        if not self.vehicle["requesting"]:
            return 27 if offered else 11
        if not offered:
            return 12
        return 29 if self.vehicle["ventilation"] else 28

    def currents(self, now):
        if self.state(now) != 5:
            return [0.0, 0.0, 0.0]
        ampere = min(self.offered(now), self.vehicle["max_ampere"])
        return [ampere if phase < self.vehicle["phases"] else 0.0 for phase in range(3)]

    def arrived(self, now):
        """A request for this unit; False: the box gives no answer."""
        return not self.silent

    def tick(self, now, seconds):
        power = sum(ampere * VOLT for ampere in self.currents(now))
        self.energy_kwh += power * seconds / 3_600_000
        self.session_kwh += power * seconds / 3_600_000
        if self.last_heartbeat is not None and not self.lapsed and not self.valid(now):
            self.lapsed = True
            say("LAPSED")

    # --- the datastore interface pymodbus calls ------------------------------------------------------
    def known(self, address):
        """The start of the documented register covering address, or None."""
        for start, (count, since, _) in DOCUMENTED.items():
            if start <= address < start + count and self.layout >= since:
                return start
        return None

    def validate(self, function, address, count):
        for a in range(address, address + count):
            if (function, a) in self.failures:
                self.pending = self.failures[(function, a)]
                return False
        starts = [self.known(a) for a in range(address, address + count)]
        if any(start is None for start in starts):
            return False
        if function in (3, 4):
            return not any(start in WRITE_ONLY for start in starts)
        if function == 6:
            count_of = DOCUMENTED[starts[0]][0]
            return count_of == 1 and DOCUMENTED[starts[0]][2]
        if function == 16:  # whole writable values only
            a = address
            while a < address + count:
                if self.known(a) != a or not DOCUMENTED[a][2]:
                    return False
                a += DOCUMENTED[a][0]
            return a == address + count
        return False

    def getValues(self, function, address, count=1):  # pylint: disable=invalid-name
        if function == 6:
            return [self.echo]
        image = self.image(time.monotonic())
        return [image[a] for a in range(address, address + count)]

    def setValues(self, function, address, values):  # pylint: disable=invalid-name
        writes = {}
        i = 0
        while i < len(values):
            start = address + i
            count = DOCUMENTED[start][0]
            writes[start] = values[i:i + count]
            i += count
        if not all(self.acceptable(start, words) for start, words in writes.items()):
            self.pending = 3
            return
        now = time.monotonic()
        for start, words in writes.items():
            self.write(start, words, now)
        self.echo = values[-1]

    def acceptable(self, start, words):
        if start == 0x0302:
            ampere = struct.unpack(">f", struct.pack(">HH", *words))[0]
            return 6 <= ampere <= self.evse_max
        if start in (0x0D05, 0x0D06):
            return words[0] in (0, 1)
        if start == 0x0D03:
            return words[0] <= 3
        if start == 0x0D04:
            return words[0] in (0, 1) and self.release == 0
        return start == 0x0D00

    def write(self, start, words, now):
        if start == 0x0D00:
            if words[0] == TOKEN:
                self.heartbeats += 1
                self.last_heartbeat = now
                if self.lapsed:
                    self.lapsed = False
                    say("RECOVERED")
            return
        if start == 0x0302:
            self.em_current = struct.unpack(">f", struct.pack(">HH", *words))[0]
        elif start == 0x0D03:
            self.solar_mode = words[0]
        elif start == 0x0D04:
            self.requested_phases = words[0]
        elif start == 0x0D05:
            self.release = words[0]
        elif start == 0x0D06:
            self.lock = words[0]
        if self.needs_reset:
            self.written_since_reboot.add(start)
            if {0x0302, 0x0D05} <= self.written_since_reboot:
                self.needs_reset = False
                say("RESET")

    def image(self, now):
        currents = self.currents(now)
        powers = [ampere * VOLT for ampere in currents]
        vehicle = self.vehicle
        regs = {0x0000: [self.layout], 0x0001: text(FIRMWARE), 0x0013: text(SERIAL),
                0x0100: [self.state(now)],
                0x0101: [0 if vehicle is None else 1 if self.offered(now) > 0 else 2],
                0x0102: [0 if vehicle is None else 2 if self.downgrade else 1],
                0x0103: [0], 0x0108: [self.cp_state(now)],
                0x0300: f32(self.downgrade_current), 0x0302: f32(self.em_current), 0x0304: f32(self.dip),
                0x0306: f32(self.evse_max), 0x030A: [2], 0x030C: [2], 0x030D: [0], 0x030E: [self.fallback],
                0x030F: [0], 0x0310: [16], 0x0311: [2], 0x0312: [0], 0x0313: [6], 0x0314: [120],
                0x0500: f32(currents[0]), 0x0502: f32(currents[1]), 0x0504: f32(currents[2]),
                0x0506: f32(VOLT), 0x0508: f32(VOLT), 0x050A: f32(VOLT),
                0x050C: f32(powers[0]), 0x050E: f32(powers[1]), 0x0510: f32(powers[2]), 0x0512: f32(sum(powers)),
                0x0900: f32(self.temperature),
                0x0B00: f32(min(self.evse_max, self.dip if self.dip >= 6 else self.evse_max)),
                0x0B02: f32(self.session_kwh),
                0x0B04: u32(0 if vehicle is None else int(now - vehicle["since"])),
                0x0B06: [0 if vehicle is None else vehicle["phases"]],
                0x0D00: [0], 0x0D02: [1 if vehicle is None else 2], 0x0D03: [self.solar_mode],
                0x0D04: [self.requested_phases], 0x0D05: [self.release], 0x0D06: [self.lock],
                0x0E00: [self.forced_error], 0x0E01: [1 if self.lapsed else 0], 0x0E02: [self.requested_phases],
                0x1000: f32(self.energy_kwh), 0x1002: u32(self.sessions)}
        image = {}
        for start, words in regs.items():
            for i, word in enumerate(words):
                image[start + i] = word
        return image

    # --- commands ------------------------------------------------------------------------------------
    def command(self, line):
        now = time.monotonic()
        words = line.split()
        verb, args = words[0], words[1:]
        if verb == "plug":
            self.vehicle = {"phases": int(args[0]), "max_ampere": float(args[1]), "requesting": False,
                            "ventilation": False, "since": now}
            self.session_kwh = 0.0
            self.sessions += 1
        elif verb == "request":
            self.vehicle["requesting"] = True
        elif verb == "satisfied":
            self.vehicle["requesting"] = False
        elif verb == "ventilation":
            self.vehicle["ventilation"] = args[0] == "on"
        elif verb == "unplug":
            self.vehicle = None
        elif verb == "silent":
            self.silent = args[0] == "on"
        elif verb == "fail":
            self.failures[(int(args[0]), int(args[1], 0))] = int(args[2])
        elif verb == "heal":
            self.failures.clear()
        elif verb == "error":
            self.forced_error = 0 if args[0] == "off" else int(args[0], 0)
        elif verb == "service":
            self.service = args[0] == "on"
        elif verb == "downgrade":
            self.downgrade = args[0] == "on"
        elif verb == "reboot":
            self.power_up()
            self.needs_reset = True
            say("REBOOTED")
        elif verb == "temperature":
            self.temperature = float(args[0])
        elif verb == "status":
            current = self.currents(now)
            say("STATUS state=%d cp=%d offered=%.1f em=%.1f release=%d lock=%d heartbeats=%d lapsed=%s"
                " needs_reset=%s current=%.1f" % (self.state(now), self.cp_state(now), self.offered(now),
                                                  self.em_current, self.release, self.lock, self.heartbeats,
                                                  self.lapsed, self.needs_reset, current[0]))
            return
        else:
            say("UNKNOWN " + line)
            return
        say("OK " + line)


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
        return response, False

    server = ModbusSerialServer(BoxContext(box, args.unit), framer=ModbusRtuFramer, port=args.port,
                                baudrate=57600, bytesize=8, parity="N", stopbits=2,
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
    parser.add_argument("--layout", type=lambda value: int(value, 16), default=0x0102)
    parser.add_argument("--evse-max", type=float, default=32)
    parser.add_argument("--dip", type=float, default=32)
    parser.add_argument("--fallback", type=int, default=1)
    parser.add_argument("--heartbeat-timeout-s", type=float, default=10)
    parser.add_argument("--downgrade-a", type=float, default=10)
    asyncio.run(main(parser.parse_args()))
