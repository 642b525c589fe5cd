package org.echarge.api.reset;

/** A part of the gateway with factory state of its own (e.g. the console password, the KNX address). */
public interface ResetParticipant {

    /** What is reset, for the report and the log, e.g. "web console password". */
    String name();

    /** Returns the part to its factory state. */
    void resetToFactory() throws Exception;
}
