package org.echarge.web.internal.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failed password checks per client. The 5th failure in a row locks the client out for 30 s, every
 * further one for twice as long as the one before, up to 15 min; while locked out, the password is
 * not even checked. A success clears the client, so does an hour without failures. At most
 * {@code capacity} clients are tracked: when full, the one whose last failure is oldest is dropped.
 * IPv6 clients are counted per /64 (one host usually owns the whole /64).
 */
final class LoginThrottle {

    static final int LOCKOUT_AFTER = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int CAPACITY = 1024;

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*");

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final int capacity;
    /** In order of the last failure: the first entry is the oldest. */
    private final LinkedHashMap<String, Failures> clients = new LinkedHashMap<>();

    LoginThrottle(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    LoginThrottle(Clock clock) {
        this(clock, CAPACITY);
    }

    /** How long the client must still wait, or empty when it may try now. */
    synchronized Optional<Duration> lockedOut(String client) {
        Failures failures = current(client);
        if (failures == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), failures.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    synchronized void failed(String client) {
        Failures before = current(client);
        int count = before == null ? 1 : before.count() + 1;
        Instant now = clock.instant();
        clients.remove(client);
        if (clients.size() >= capacity) {
            clients.values().removeIf(f -> forgotten(f, now));
        }
        Iterator<String> oldest = clients.keySet().iterator();
        while (clients.size() >= capacity) {
            oldest.next();
            oldest.remove();
        }
        clients.put(client, new Failures(count, now, now.plus(lockout(count))));
    }

    synchronized void succeeded(String client) {
        clients.remove(client);
    }

    synchronized int size() {
        return clients.size();
    }

    /** The lockout after the {@code count}-th failure in a row. */
    static Duration lockout(int count) {
        if (count < LOCKOUT_AFTER) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - LOCKOUT_AFTER, 20);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout;
    }

    /**
     * The key a request's remote address is counted under: IPv4 as is, IPv6 by its /64 prefix.
     * Addresses come from the socket (numeric); X-Forwarded-For is not trusted.
     */
    static String client(String remoteAddress) {
        String address = remoteAddress.strip().toLowerCase(Locale.ROOT);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int scope = address.indexOf('%');
        if (scope >= 0) {
            address = address.substring(0, scope);
        }
        if (!IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // a literal with ':' is parsed, never looked up in DNS
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private Failures current(String client) {
        Failures failures = clients.get(client);
        if (failures != null && forgotten(failures, clock.instant())) {
            clients.remove(client);
            return null;
        }
        return failures;
    }

    private static boolean forgotten(Failures failures, Instant now) {
        return !now.isBefore(failures.lockedUntil()) && !now.isBefore(failures.last().plus(FORGET_AFTER));
    }
}
