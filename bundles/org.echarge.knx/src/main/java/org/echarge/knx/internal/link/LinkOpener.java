package org.echarge.knx.internal.link;

import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.medium.KNXMediumSettings;

/** Opens one Calimero link to the bus; {@link KnxConnection} calls it again for every reconnect. */
public interface LinkOpener {

    /** Where the links go, for log lines and error messages. */
    String target();

    /** The medium of the bus with the gateway's individual address; called once per connection. */
    KNXMediumSettings medium();

    /**
     * Opens a link using {@code medium} (the object {@link #medium()} returned, so that an address
     * change reaches every later link). Blocks until the link is up or has failed.
     */
    KNXNetworkLink open(KNXMediumSettings medium) throws KNXException, InterruptedException;
}
