package org.echarge.web.internal.security;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.echarge.api.reset.ResetParticipant;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the web console: the account ({@code <karaf.data>/echarge/console/credentials.json}),
 * the sessions, the login throttle. Takes part in factory reset: the password goes back to the
 * initial one and every session ends.
 * <p>
 * Activation reads (on the first start: creates) the small credentials file, so that the initial
 * password is in place before the first request; it fails, and with it the console's servlets and
 * filter, when that file is damaged.
 */
@Component(service = {ConsoleSecurity.class, ResetParticipant.class}, immediate = true)
public final class ConsoleSecurity implements ResetParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurity.class);

    /** What a login or a password change came to. */
    public sealed interface Outcome {
    }

    /** Done; the browser gets this (new) session. */
    public record Granted(ConsoleSession session) implements Outcome {
    }

    /** Wrong user or password; the failure is counted. */
    public record Denied() implements Outcome {
    }

    /** Too many failures from this client: not checked, try again after {@code retryAfter}. */
    public record Locked(Duration retryAfter) implements Outcome {
    }

    /** The new password breaks a rule; nothing is counted or changed. */
    public record Refused(String reason) implements Outcome {
    }

    private final ConsoleAccount account;
    private final SessionRegistry sessions;
    private final LoginThrottle throttle;

    @Activate
    public ConsoleSecurity(BundleContext context) throws IOException {
        this(Path.of(property(context, "karaf.data"), "echarge", "console"), Path.of(property(context, "karaf.etc")),
                Clock.systemUTC(), new SecureRandom(), PasswordHasher.DEFAULT_ITERATIONS);
    }

    ConsoleSecurity(Path directory, Path etc, Clock clock, SecureRandom random, int iterations) throws IOException {
        CredentialStore store = new CredentialStore(directory);
        this.account = ConsoleAccount.open(store, new PasswordHasher(iterations, random), () -> {
            InitialPassword initial = InitialPassword.readOrCreate(etc, random);
            LOG.info("Web console: user '{}' created with the initial password from {}{} (readable by its owner "
                    + "only); it must be changed at the first login", ConsoleAccount.USER, initial.file(),
                    initial.created() ? ", generated now" : "");
            return initial.password();
        });
        this.sessions = new SessionRegistry(clock, random);
        this.throttle = new LoginThrottle(clock);
    }

    public Outcome login(String remoteAddress, String user, String password) {
        String client = LoginThrottle.client(remoteAddress);
        Optional<Duration> locked = throttle.lockedOut(client);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        if (!account.verify(user, password)) {
            throttle.failed(client);
            LOG.warn("Web console: failed login for '{}' from {}", printable(user), remoteAddress);
            return new Denied();
        }
        throttle.succeeded(client);
        LOG.info("Web console: '{}' logged in from {}", user, remoteAddress);
        return new Granted(sessions.open(user, account.mustChangePassword()));
    }

    /** Changes the password; on success every session ends and the caller gets a new one. */
    public Outcome changePassword(String remoteAddress, ConsoleSession session, String oldPassword,
            String newPassword) throws IOException {
        String client = LoginThrottle.client(remoteAddress);
        Optional<Duration> locked = throttle.lockedOut(client);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        ConsoleAccount.ChangeResult result = account.change(oldPassword, newPassword);
        switch (result.outcome()) {
            case WRONG_PASSWORD -> {
                throttle.failed(client);
                LOG.warn("Web console: password change with a wrong old password from {}", remoteAddress);
                return new Denied();
            }
            case REFUSED -> {
                return new Refused(result.reason());
            }
            default -> {
                throttle.succeeded(client);
                sessions.closeAll();
                LOG.info("Web console: password of '{}' changed from {}; all other sessions ended", session.user(),
                        remoteAddress);
                return new Granted(sessions.open(session.user(), false));
            }
        }
    }

    /** The live session with this id (marked as used), or empty. */
    public Optional<ConsoleSession> session(String id) {
        return sessions.use(id);
    }

    public void logout(ConsoleSession session) {
        sessions.close(session.id());
    }

    public Duration idleTimeout() {
        return sessions.idleTimeout();
    }

    @Override
    public String name() {
        return "web console password";
    }

    @Override
    public void resetToFactory() throws IOException {
        account.resetToInitial();
        sessions.closeAll();
        LOG.warn("Web console: password reset to the initial one; all sessions ended");
    }

    private static String property(BundleContext context, String name) {
        String value = context.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("framework property " + name + " is not set (not in Karaf?)");
        }
        return value;
    }

    /** A user name as typed, safe for one log line. */
    private static String printable(String user) {
        return user == null ? "" : user.codePoints().limit(64).map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
