package org.echarge.knx.internal.link;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;

import tuwien.auto.calimero.DataUnitBuilder;

/** The APDUs of group communication (A_GroupValue_Read, _Response, _Write) with a value in {@link DatapointCodec}'s form. */
final class GroupApdu {

    static final int READ = 0x00;
    static final int RESPONSE = 0x40;
    static final int WRITE = 0x80;

    private GroupApdu() {
    }

    static byte[] read() {
        return new byte[2];
    }

    /**
     * A write or response carrying {@code asdu}, a value of {@code type}. Values of up to 6 bits travel
     * inside the APCI byte (length-optimized APDU), others after it.
     */
    static byte[] of(int service, KnxDatapoint type, byte[] asdu) {
        int bits = DatapointCodec.sizeBits(type);
        int bytes = Math.max(1, bits / 8);
        if (asdu.length != bytes) {
            throw new IllegalArgumentException(type + " takes " + bytes + " byte" + (bytes == 1 ? "" : "s")
                    + ", not " + asdu.length);
        }
        if (bits <= 6) {
            if ((asdu[0] & 0xff) >= 1 << bits) {
                throw new IllegalArgumentException(type + " takes " + bits + " bit, not " + (asdu[0] & 0xff));
            }
            return DataUnitBuilder.createLengthOptimizedAPDU(service, asdu);
        }
        return DataUnitBuilder.createAPDU(service, asdu);
    }
}
