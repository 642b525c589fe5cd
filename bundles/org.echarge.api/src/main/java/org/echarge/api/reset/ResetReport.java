package org.echarge.api.reset;

import java.util.List;

/**
 * What a factory reset did.
 *
 * @param deletedConfigurations the PIDs of the configurations deleted
 * @param participants the participants that ran
 * @param failures what could not be reset, with the reason; empty when everything was reset
 */
public record ResetReport(List<String> deletedConfigurations, List<String> participants, List<String> failures) {

    public ResetReport {
        deletedConfigurations = List.copyOf(deletedConfigurations);
        participants = List.copyOf(participants);
        failures = List.copyOf(failures);
    }
}
