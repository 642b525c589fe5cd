package org.echarge.indicator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "e-charge status indicators",
        description = "Drive the Programming, APP and COM indicators as Linux LEDs (empty name: not driven).")
public @interface StatusIndicatorConfig {

    @AttributeDefinition(name = "LED class folder", description = "Where the kernel lists LEDs")
    String ledRoot() default "/sys/class/leds";

    @AttributeDefinition(name = "Programming LED (red)", required = false)
    String programmingLed() default "";

    @AttributeDefinition(name = "APP LED (green)", required = false)
    String appLed() default "";

    @AttributeDefinition(name = "COM LED (yellow)", required = false)
    String comLed() default "";
}
