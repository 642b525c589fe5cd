package org.echarge.web.internal.security;

import java.io.IOException;

/**
 * The console user and its password, backed by a {@link CredentialStore}. Every change is stored
 * before it takes effect: when the store fails, nothing changes. At most one password hash is
 * computed at a time (all methods share one lock), so a burst of logins costs at most one core.
 */
final class ConsoleAccount {

    static final String USER = "admin";

    /** What {@link #change} did. */
    enum Change {
        CHANGED, WRONG_PASSWORD, REFUSED
    }

    /** @param reason for {@link Change#REFUSED}, the rule that was broken */
    record ChangeResult(Change outcome, String reason) {
    }

    private final CredentialStore store;
    private final PasswordHasher hasher;
    private ConsoleCredentials credentials;

    private ConsoleAccount(CredentialStore store, PasswordHasher hasher, ConsoleCredentials credentials) {
        this.store = store;
        this.hasher = hasher;
        this.credentials = credentials;
    }

    /** Opens the stored account; without one, creates it from the initial password, which must be changed. */
    static ConsoleAccount open(CredentialStore store, PasswordHasher hasher, InitialPasswordSource initial)
            throws IOException {
        var stored = store.load();
        if (stored.isPresent()) {
            return new ConsoleAccount(store, hasher, stored.get());
        }
        ConsoleCredentials created = ConsoleCredentials.firstStart(USER, hasher.hash(initial.password()));
        store.save(created);
        return new ConsoleAccount(store, hasher, created);
    }

    /** Where the initial password comes from when there is no stored account yet. */
    @FunctionalInterface
    interface InitialPasswordSource {
        String password() throws IOException;
    }

    synchronized boolean verify(String user, String password) {
        boolean matches = hasher.verify(password, credentials.current());
        return matches && credentials.user().equals(user);
    }

    synchronized boolean mustChangePassword() {
        return credentials.mustChangePassword();
    }

    synchronized ChangeResult change(String oldPassword, String newPassword) throws IOException {
        if (!hasher.verify(oldPassword, credentials.current())) {
            return new ChangeResult(Change.WRONG_PASSWORD, "the old password is wrong");
        }
        var problem = PasswordPolicy.problem(newPassword);
        if (problem.isPresent()) {
            return new ChangeResult(Change.REFUSED, problem.get());
        }
        if (hasher.verify(newPassword, credentials.initial())) {
            return new ChangeResult(Change.REFUSED, "the new password must differ from the initial password");
        }
        ConsoleCredentials changed = credentials.withPassword(hasher.hash(newPassword));
        store.save(changed);
        credentials = changed;
        return new ChangeResult(Change.CHANGED, "");
    }

    /** Factory reset: the initial password again, to be changed at the next login. */
    synchronized void resetToInitial() throws IOException {
        ConsoleCredentials reset = credentials.backToInitial();
        store.save(reset);
        credentials = reset;
    }
}
