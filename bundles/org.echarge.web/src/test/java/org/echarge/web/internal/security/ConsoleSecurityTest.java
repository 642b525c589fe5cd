package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.echarge.api.reset.ResetParticipant;
import org.echarge.testsupport.MutableClock;
import org.echarge.web.internal.security.ConsoleSecurity.Denied;
import org.echarge.web.internal.security.ConsoleSecurity.Granted;
import org.echarge.web.internal.security.ConsoleSecurity.Locked;
import org.echarge.web.internal.security.ConsoleSecurity.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSecurityTest {

    private static final String INITIAL = "fedcba9876543210fedcba9876543210";
    private static final String CLIENT = "192.0.2.7";

    @TempDir
    Path karaf;

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private ConsoleSecurity security;

    @BeforeEach
    void start() throws IOException {
        security = TestConsoleSecurity.create(karaf, INITIAL, clock);
    }

    @Test
    void loginWithTheInitialPasswordGivesASessionThatMustChangeIt() {
        Granted granted = assertInstanceOf(Granted.class, security.login(CLIENT, "admin", INITIAL));
        assertTrue(granted.session().mustChangePassword());
        assertEquals(granted.session().id(), security.session(granted.session().id()).orElseThrow().id());
        assertInstanceOf(Denied.class, security.login(CLIENT, "admin", "wrong password"));
        assertInstanceOf(Denied.class, security.login(CLIENT, "Admin", INITIAL));
    }

    @Test
    void lockedOutClientsAreNotCheckedAtAll() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Denied.class, security.login(CLIENT, "admin", "guess " + i));
        }
        Locked locked = assertInstanceOf(Locked.class, security.login(CLIENT, "admin", INITIAL));
        assertEquals(Duration.ofSeconds(30), locked.retryAfter());
        assertInstanceOf(Granted.class, security.login("192.0.2.8", "admin", INITIAL));

        clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(Granted.class, security.login(CLIENT, "admin", INITIAL));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Denied.class, security.login(CLIENT, "admin", "again " + i));
        }
        assertInstanceOf(Granted.class, security.login(CLIENT, "admin", INITIAL));
    }

    @Test
    void changingThePasswordEndsEverySessionAndOpensAFreshOne() throws IOException {
        ConsoleSession mine = granted(security.login(CLIENT, "admin", INITIAL));
        ConsoleSession other = granted(security.login("192.0.2.9", "admin", INITIAL));

        assertInstanceOf(Refused.class, security.changePassword(CLIENT, mine, INITIAL, "too short"));
        assertInstanceOf(Denied.class, security.changePassword(CLIENT, mine, "not the old one", "long enough now"));
        ConsoleSession fresh = granted(security.changePassword(CLIENT, mine, INITIAL, "long enough now"));

        assertFalse(fresh.mustChangePassword());
        assertTrue(security.session(mine.id()).isEmpty());
        assertTrue(security.session(other.id()).isEmpty());
        assertTrue(security.session(fresh.id()).isPresent());
        assertInstanceOf(Denied.class, security.login(CLIENT, "admin", INITIAL));
        assertFalse(granted(security.login(CLIENT, "admin", "long enough now")).mustChangePassword());
    }

    @Test
    void factoryResetBringsBackTheInitialPasswordAndEndsEverySession() throws Exception {
        ConsoleSession mine = granted(security.login(CLIENT, "admin", INITIAL));
        ConsoleSession changed = granted(security.changePassword(CLIENT, mine, INITIAL, "long enough now"));
        ResetParticipant participant = security;

        participant.resetToFactory();

        assertEquals("web console password", participant.name());
        assertTrue(security.session(changed.id()).isEmpty());
        assertInstanceOf(Denied.class, security.login(CLIENT, "admin", "long enough now"));
        assertTrue(granted(security.login(CLIENT, "admin", INITIAL)).mustChangePassword());
        assertTrue(granted(restart().login(CLIENT, "admin", INITIAL)).mustChangePassword());
    }

    @Test
    void theStoredAccountWinsOverTheInitialPasswordFileAfterTheFirstStart() throws IOException {
        ConsoleSession mine = granted(security.login(CLIENT, "admin", INITIAL));
        security.changePassword(CLIENT, mine, INITIAL, "long enough now");
        Files.writeString(karaf.resolve("etc/initial-admin-password"), "someone-elses-password\n");

        ConsoleSecurity restarted = restart();

        assertInstanceOf(Granted.class, restarted.login(CLIENT, "admin", "long enough now"));
        assertInstanceOf(Denied.class, restarted.login(CLIENT, "admin", "someone-elses-password"));
        assertTrue(Files.exists(karaf.resolve("data/echarge/console/credentials.json")));
    }

    private ConsoleSecurity restart() throws IOException {
        return new ConsoleSecurity(karaf.resolve("data/echarge/console"), karaf.resolve("etc"), clock,
                new SecureRandom(), PasswordHasher.MIN_ITERATIONS);
    }

    private static ConsoleSession granted(ConsoleSecurity.Outcome outcome) {
        return assertInstanceOf(Granted.class, outcome).session();
    }
}
