package org.echarge.knx.internal.link;

import tuwien.auto.calimero.link.KNXLinkClosedException;

/**
 * Sending while the KNX connection is down (not yet connected, or reconnecting). A subtype of
 * Calimero's link-closed exception, so that Calimero code on the connection's link treats it as such.
 */
public class KnxNotConnectedException extends KNXLinkClosedException {

    public KnxNotConnectedException(String message) {
        super(message);
    }
}
