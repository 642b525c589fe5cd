package org.echarge.knx.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.dlm.MeterSettings;

/** The configuration that decides which group objects exist and which datapoint types they have. */
public record GatewaySetup(MeterSettings meter, List<PointSetup> points) {

    public GatewaySetup {
        Objects.requireNonNull(meter, "meter");
        points = List.copyOf(points);
        Set<Integer> numbers = new HashSet<>();
        for (PointSetup point : points) {
            if (!numbers.add(point.number())) {
                throw new IllegalArgumentException("charging point " + point.number() + " is configured twice");
            }
        }
    }

    public Optional<PointSetup> point(int number) {
        return points.stream().filter(p -> p.number() == number).findFirst();
    }
}
