package org.echarge.api.indicator;

/** The present state of the status indicators, as the web console and the LED output show it. */
public interface StatusIndicators {

    IndicatorState state();
}
