package org.echarge.api.indicator;

import java.util.Objects;

/**
 * The three indicators of the gateway: Programming (red), APP (green), COM (yellow).
 *
 * @param reason why APP shows what it shows, for the console
 */
public record IndicatorState(Pattern programming, Pattern app, Pattern com, String reason) {

    public IndicatorState {
        Objects.requireNonNull(programming, "programming");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(com, "com");
    }
}
