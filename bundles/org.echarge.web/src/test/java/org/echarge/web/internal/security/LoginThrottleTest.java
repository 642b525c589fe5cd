package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @ParameterizedTest(name = "failure {0} in a row: locked out for {1} s")
    @CsvSource({"1, 0", "4, 0", "5, 30", "6, 60", "7, 120", "8, 240", "9, 480", "10, 900", "11, 900", "40, 900"})
    void backOffSchedule(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), LoginThrottle.lockout(failures));
    }

    @Test
    void fiveFailuresLockOutThenEachFailureAfterWaitingDoubles() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("192.0.2.7");
            assertEquals(Optional.empty(), throttle.lockedOut("192.0.2.7"), "after failure " + i);
        }
        throttle.failed("192.0.2.7");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedOut("192.0.2.7"));
        assertEquals(Optional.empty(), throttle.lockedOut("192.0.2.8"));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedOut("192.0.2.7"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), throttle.lockedOut("192.0.2.7"));

        throttle.failed("192.0.2.7");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.lockedOut("192.0.2.7"));
        for (long expected : new long[] {120, 240, 480, 900, 900}) {
            clock.advance(throttle.lockedOut("192.0.2.7").orElseThrow());
            throttle.failed("192.0.2.7");
            assertEquals(Optional.of(Duration.ofSeconds(expected)), throttle.lockedOut("192.0.2.7"));
        }
    }

    @Test
    void aSuccessClearsTheClient() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.0.2.7");
        }
        clock.advance(Duration.ofSeconds(30));
        throttle.succeeded("192.0.2.7");
        for (int i = 0; i < 4; i++) {
            throttle.failed("192.0.2.7");
        }
        assertEquals(Optional.empty(), throttle.lockedOut("192.0.2.7"));
    }

    @Test
    void aQuietHourClearsTheClient() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("192.0.2.7");
        }
        clock.advance(Duration.ofMinutes(59));
        throttle.failed("192.0.2.7");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedOut("192.0.2.7"));

        clock.advance(Duration.ofHours(1));
        throttle.failed("192.0.2.7");
        assertEquals(Optional.empty(), throttle.lockedOut("192.0.2.7"));
    }

    @Test
    void memoryIsBoundedTheOldestClientMakesRoom() {
        LoginThrottle small = new LoginThrottle(clock, 3);
        for (String client : new String[] {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
            for (int i = 0; i < 5; i++) {
                small.failed(client);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        small.failed("10.0.0.4");

        assertEquals(3, small.size());
        assertEquals(Optional.empty(), small.lockedOut("10.0.0.1"));
        assertTrue(small.lockedOut("10.0.0.2").isPresent());
        assertTrue(small.lockedOut("10.0.0.3").isPresent());

        LoginThrottle full = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.CAPACITY * 3; i++) {
            full.failed("10.1." + (i / 256) + "." + (i % 256));
        }
        assertEquals(LoginThrottle.CAPACITY, full.size());
    }

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({"192.0.2.7, 192.0.2.7", "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 2001:db8:1:2::/64",
            "2001:0DB8:0001:0002:0:0:0:1, 2001:db8:1:2::/64", "[2001:db8:1:2::1], 2001:db8:1:2::/64",
            "fe80::1%eth0, fe80:0:0:0::/64", "::ffff:192.0.2.7, 192.0.2.7", "0:0:0:0:0:0:0:1, 0:0:0:0::/64",
            "not-an-address, not-an-address"})
    void clientsAreCountedPerIpv4AddressOrIpv6Slash64(String remoteAddress, String client) {
        assertEquals(client, LoginThrottle.client(remoteAddress));
    }
}
