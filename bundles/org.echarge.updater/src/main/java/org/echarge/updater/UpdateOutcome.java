package org.echarge.updater;

/** How a driver update attempt ended. */
public enum UpdateOutcome {

    /** The new version runs: its driver service came back and its points answer again. */
    UPDATED,

    /** The package was refused before anything changed (bad, unsigned, older, unknown, ...). */
    REFUSED,

    /** The framework did not take the new version; the installed version stayed as it was. */
    FAILED,

    /** The new version was installed but failed its health check; the previous version runs again. */
    ROLLED_BACK,

    /** The new version failed and restoring the previous one failed too: the driver needs attention. */
    ROLLBACK_FAILED
}
