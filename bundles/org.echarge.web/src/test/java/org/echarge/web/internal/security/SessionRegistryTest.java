package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final SessionRegistry sessions = new SessionRegistry(clock, new SecureRandom());

    @Test
    void idsAndCsrfTokensAre256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ConsoleSession session = sessions.open("admin", false);
            assertEquals(32, Base64.getUrlDecoder().decode(session.id()).length);
            assertEquals(32, Base64.getUrlDecoder().decode(session.csrfToken()).length);
            assertNotEquals(session.id(), session.csrfToken());
            assertTrue(seen.add(session.id()) && seen.add(session.csrfToken()));
            assertFalse(session.toString().contains(session.id()));
        }
    }

    @Test
    void endsAfterThirtyIdleMinutes() {
        ConsoleSession session = sessions.open("admin", true);
        assertEquals(clock.instant().plus(Duration.ofHours(12)), session.expires());

        clock.advance(Duration.ofMinutes(29));
        ConsoleSession used = sessions.use(session.id()).orElseThrow();
        assertEquals(clock.instant(), used.lastUsed());
        assertTrue(used.mustChangePassword());
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertTrue(sessions.use(session.id()).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.use(session.id()).isEmpty());
        assertEquals(0, sessions.size());
    }

    @Test
    void endsAfterTwelveHoursHoweverActive() {
        ConsoleSession session = sessions.open("admin", false);
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.use(session.id()).isPresent(), "after " + minutes + " min");
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.use(session.id()).isEmpty());
    }

    @Test
    void closedUnknownAndMalformedIdsFindNothing() {
        ConsoleSession one = sessions.open("admin", false);
        ConsoleSession two = sessions.open("admin", false);
        sessions.close(one.id());

        assertTrue(sessions.use(one.id()).isEmpty());
        assertTrue(sessions.use(two.id()).isPresent());
        assertTrue(sessions.use(null).isEmpty());
        assertTrue(sessions.use("").isEmpty());
        assertTrue(sessions.use(two.id() + "x").isEmpty());
        assertTrue(sessions.use(two.csrfToken()).isEmpty());

        sessions.closeAll();
        assertTrue(sessions.use(two.id()).isEmpty());
    }

    @Test
    void whenFullTheLeastRecentlyUsedSessionMakesRoom() {
        SessionRegistry small = new SessionRegistry(clock, new SecureRandom(), Duration.ofMinutes(30),
                Duration.ofHours(12), 3);
        ConsoleSession first = small.open("admin", false);
        ConsoleSession second = small.open("admin", false);
        ConsoleSession third = small.open("admin", false);
        clock.advance(Duration.ofSeconds(1));
        small.use(first.id());

        ConsoleSession fourth = small.open("admin", false);

        assertEquals(3, small.size());
        assertTrue(small.use(second.id()).isEmpty());
        assertTrue(small.use(first.id()).isPresent());
        assertTrue(small.use(third.id()).isPresent());
        assertTrue(small.use(fourth.id()).isPresent());
    }
}
