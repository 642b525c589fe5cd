package org.echarge.web.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-side console sessions: 256-bit random ids, idle and absolute expiry, at most
 * {@code capacity} at a time (opening one more drops the least recently used).
 */
final class SessionRegistry {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration MAX_AGE = Duration.ofHours(12);
    static final int CAPACITY = 32;
    /** 32 bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Clock clock;
    private final SecureRandom random;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final int capacity;
    /** In access order: the first entry is the least recently used. */
    private final LinkedHashMap<String, ConsoleSession> sessions = new LinkedHashMap<>(16, 0.75f, true);

    SessionRegistry(Clock clock, SecureRandom random, Duration idleTimeout, Duration maxAge, int capacity) {
        this.clock = clock;
        this.random = random;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.capacity = capacity;
    }

    SessionRegistry(Clock clock, SecureRandom random) {
        this(clock, random, IDLE_TIMEOUT, MAX_AGE, CAPACITY);
    }

    synchronized ConsoleSession open(String user, boolean mustChangePassword) {
        Instant now = clock.instant();
        removeExpired(now);
        Iterator<String> leastRecentlyUsed = sessions.keySet().iterator();
        while (sessions.size() >= capacity) {
            leastRecentlyUsed.next();
            leastRecentlyUsed.remove();
        }
        ConsoleSession session = new ConsoleSession(token(), user, token(), mustChangePassword, now, now,
                now.plus(maxAge));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, now marked as used; empty when unknown, malformed or expired. */
    synchronized Optional<ConsoleSession> use(String id) {
        if (id == null || !TOKEN.matcher(id).matches()) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        ConsoleSession used = session.usedAt(now);
        sessions.put(id, used);
        return Optional.of(used);
    }

    synchronized void close(String id) {
        sessions.remove(id);
    }

    synchronized void closeAll() {
        sessions.clear();
    }

    synchronized int size() {
        return sessions.size();
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return !now.isBefore(session.expires()) || !now.isBefore(session.lastUsed().plus(idleTimeout));
    }

    private void removeExpired(Instant now) {
        sessions.values().removeIf(session -> expired(session, now));
    }

    private String token() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
