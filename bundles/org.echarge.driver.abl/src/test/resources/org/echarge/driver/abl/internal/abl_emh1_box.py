"""A simulated ABL eMH1 on a serial port, speaking ABL's Modbus ASCII dialect: the peer of the driver's line test.

Usage: /usr/bin/python3 abl_emh1_box.py PORT UNIT SLEEP_AFTER_SECONDS

Written from the project's fact sheet (chargers-and-meters.md, sections 8a and 12) and the recorded frames in
raibisch/ESP32_ABL doc/knowhow.txt, with pyserial only. What it does like the box:
* requests ':' + hex + LRC + CR LF, answers '>' + hex + LRC + CR LF; frames for other units, with a bad LRC or
  of function 3 with another address or length than the documented blocks get no answer (knowhow: "the eMH1
  simply does not answer"); other functions get exception 1 [?]
* blocks 0x0001 (2), 0x0004 (1), 0x000F (5), 0x002E (5), 0x0050 (8), each starting with its own address
* writes (function 16, one register): 0x0005 0xE0E0 -> E0, 0xA1A1 -> back from E0, 0x5A5A -> restart;
  0x0014 duty cycle: 1000 = no charging, 80..99 taken as 100, up to the box limit (16 A = 267), anything else
  exception 3 [?]
* after power-up (and restart) in E0 until 0xA1A1 is written, 0x0014 back at the box limit [?]
* the interface falls asleep after SLEEP_AFTER_SECONDS without a request; the request that wakes it is lost
* the car (commands on stdin): A1 -> B1 (no PWM) / B2 -> C2 when it wants energy; currents from the duty cycle
  in force on the car's phases in 0.1 A, 1 on the others, 0x03E8 on all while nothing flows

stdin commands, each answered "OK <command>" on stdout: plug PHASES MAX_AMPERE, charge, full, unplug,
fault CODE (hex, e.g. F4), clear, restart. Prints READY once the port is open.
"""
import sys
import threading
import time

import serial

LIMIT = 267  # 16 A box
SERIAL = b"2W22S1234567"


def lrc(data):
    return (-sum(data)) & 0xFF


class Box:
    def __init__(self, sleep_after):
        self.lock = threading.Lock()
        self.sleep_after = sleep_after
        self.last_request = None
        self.car = None  # (phases, max_ampere)
        self.wants = False
        self.fault = None
        self.power_up()

    def power_up(self):
        self.disabled = True
        self.preset = LIMIT
        self.last_request = None

    def in_force(self):
        return self.preset if self.preset == 1000 else min(self.preset, LIMIT)

    def state(self):
        if self.fault is not None:
            return self.fault
        if self.disabled:
            return 0xE0
        if self.car is None:
            return 0xA1
        if self.in_force() == 1000:
            return 0xB1
        return 0xC2 if self.wants else 0xB2

    def currents(self):
        if self.state() != 0xC2:
            return [1000, 1000, 1000]
        phases, max_ampere = self.car
        deci = round(min(self.in_force() * 0.06, max_ampere) * 10)
        return [deci if phase < phases else 1 for phase in range(3)]  # L1, L2, L3

    def block(self, address, count):
        state = self.state()
        flags = 0x1000 | (0x8000 if self.car is not None else 0)  # EN1 closed, UCP while a car is connected
        l1, l2, l3 = self.currents()
        text = SERIAL.ljust(14)
        blocks = {
            (0x0001, 2): [0x0141, 0x50BE],  # knowhow: identification, bit 5 of 0xBE = current sensors
            (0x0004, 1): [0x0400 | state],
            (0x000F, 5): [0x0F3F, LIMIT, LIMIT, self.preset, self.in_force()],
            (0x002E, 5): [0x2E00 | state, flags | self.in_force(), l3, l2, l1],
            (0x0050, 8): [0x5000] + [text[i] << 8 | text[i + 1] for i in range(0, 14, 2)],
        }
        return blocks.get((address, count))

    def write(self, address, value):
        if address == 0x0005 and value in (0xE0E0, 0xA1A1, 0x5A5A):
            if value == 0x5A5A:
                self.power_up()
            else:
                self.disabled = value == 0xE0E0
            return True
        if address == 0x0014 and (value == 1000 or 80 <= value <= LIMIT):
            self.preset = max(value, 100)
            return True
        return False

    def answer(self, request):
        unit, function, body = request[0], request[1], request[2:]
        now = time.monotonic()
        asleep = self.last_request is None or now - self.last_request > self.sleep_after
        self.last_request = now
        if asleep:
            return None
        if function == 3 and len(body) == 4:
            words = self.block(int.from_bytes(body[0:2], "big"), int.from_bytes(body[2:4], "big"))
            if words is None:
                return None
            data = b"".join(w.to_bytes(2, "big") for w in words)
            return bytes([unit, 3, len(data)]) + data
        if function == 16 and len(body) == 7 and body[2:5] == b"\x00\x01\x02":
            if self.write(int.from_bytes(body[0:2], "big"), int.from_bytes(body[5:7], "big")):
                return bytes([unit, 16]) + body[0:4]
            return bytes([unit, 0x90, 3])
        return bytes([unit, function | 0x80, 1])

    def command(self, words):
        if words[0] == "plug":
            self.car, self.wants = (int(words[1]), float(words[2])), False
        elif words[0] in ("charge", "full"):
            self.wants = words[0] == "charge"
        elif words[0] == "unplug":
            self.car, self.wants = None, False
        elif words[0] == "fault":
            self.fault = int(words[1], 16)
        elif words[0] == "clear":
            self.fault = None
        elif words[0] == "restart":
            self.power_up()
        else:
            raise ValueError(words[0])


def serve(line, unit, box):
    while True:
        received = line.read_until(b"\n")
        start = received.find(b":")
        if start < 0 or not received.endswith(b"\r\n"):
            continue
        try:
            request = bytes.fromhex(received[start + 1:-2].decode("ascii"))
        except ValueError:
            continue
        if len(request) < 3 or lrc(request[:-1]) != request[-1] or request[0] != unit:
            continue
        with box.lock:
            answer = box.answer(request[:-1])
        if answer is not None:
            line.write(b">" + (answer + bytes([lrc(answer)])).hex().upper().encode("ascii") + b"\r\n")


def main(port, unit, sleep_after):
    box = Box(sleep_after)
    with serial.Serial(port, baudrate=38400, bytesize=8, parity="N", stopbits=1, timeout=0.2) as line:
        threading.Thread(target=serve, args=(line, unit, box), daemon=True).start()
        print("READY", flush=True)
        for command in sys.stdin:
            words = command.split()
            if words:
                with box.lock:
                    box.command(words)
                print("OK " + words[0], flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
