package org.echarge.knx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KnxDatapointTest {

    /** Every DPT named in the dpts column of group-objects.csv. */
    private static final Set<String> GROUP_OBJECT_DPTS = Set.of("1.001", "1.002", "1.010", "1.011", "1.017", "5.010",
            "7.012", "9.001", "9.021", "9.024", "10.001", "13.010", "13.013", "13.100", "14.019", "14.056", "16.001");

    @Test
    void coversExactlyTheTypesOfTheGroupObjects() {
        assertEquals(GROUP_OBJECT_DPTS,
                Arrays.stream(KnxDatapoint.values()).map(KnxDatapoint::id).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @EnumSource(KnxDatapoint.class)
    void isFoundByItsId(KnxDatapoint dp) {
        assertEquals(Optional.of(dp), KnxDatapoint.ofId(dp.id()));
        assertEquals("DPT " + dp.id(), dp.toString());
    }

    @Test
    void unknownIdsAreEmpty() {
        assertTrue(KnxDatapoint.ofId("9.020").isEmpty());
        assertTrue(KnxDatapoint.ofId("").isEmpty());
    }
}
