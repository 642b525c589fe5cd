package org.echarge.knx.internal.link;

/** The KNX connection as the COM indicator shows it (spec section 8). */
public enum ConnectionState {
    /** Connected and quiet: COM on. */
    CONNECTED,
    /** Connected, with a telegram in the last moments: COM flickers. */
    TRAFFIC,
    /** Not connected (not yet, lost and reconnecting, or closed): COM off. */
    LOST
}
