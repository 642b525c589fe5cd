package org.echarge.updater;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a charging point of the updated driver went without an answer from its charger.
 *
 * @param number the point's number
 * @param lastAnswerBefore the point's last answer before the driver was replaced
 * @param firstAnswerAfter its first answer through the replaced driver, {@code null} if none came in time
 */
public record PointOutage(int number, Instant lastAnswerBefore, Instant firstAnswerAfter) {

    /** From the last answer before to the first answer after; empty if the point did not answer again. */
    public Optional<Duration> outage() {
        return firstAnswerAfter == null ? Optional.empty()
                : Optional.of(Duration.between(lastAnswerBefore, firstAnswerAfter));
    }
}
