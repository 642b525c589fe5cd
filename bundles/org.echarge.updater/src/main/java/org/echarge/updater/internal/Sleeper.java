package org.echarge.updater.internal;

import java.time.Duration;

/** Waits between two health probes; tests move their clock instead. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
}
