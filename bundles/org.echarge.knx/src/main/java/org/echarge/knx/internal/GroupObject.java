package org.echarge.knx.internal;

import java.util.Objects;
import java.util.Set;

import org.echarge.knx.KnxDatapoint;

/** A group object that exists in the gateway's configuration, with the datapoint type chosen for it. */
public record GroupObject(ObjectRef ref, KnxDatapoint datapoint) {

    public GroupObject {
        Objects.requireNonNull(datapoint, "datapoint");
        if (!ref.definition().datapoints().contains(datapoint)) {
            throw new IllegalArgumentException(ref.describe() + " does not allow " + datapoint);
        }
    }

    public GroupObjectDefinition definition() {
        return ref.definition();
    }

    public int point() {
        return ref.point();
    }

    public int number() {
        return ref.number();
    }

    public String name() {
        return ref.name();
    }

    public Set<GroupObjectFlag> flags() {
        return ref.definition().flags();
    }

    public boolean has(GroupObjectFlag flag) {
        return ref.definition().has(flag);
    }

    /** The size on the bus of the chosen type (objects 62-65 are 2 byte as 7.012 and 4 byte as 14.019). */
    public int sizeBits() {
        return DatapointCodec.sizeBits(datapoint);
    }
}
