package org.echarge.knx.internal;

import tuwien.auto.calimero.GroupAddress;

/**
 * The notations of a KNX group address, as ETS offers them for a project. Formatting does not use
 * {@link GroupAddress#toString()}, whose style is a JVM-wide setting.
 */
public enum AddressStyle {
    /** main/middle/sub, 0-31/0-7/0-255. */
    THREE_LEVEL("3-level"),
    /** main/sub, 0-31/0-2047. */
    TWO_LEVEL("2-level"),
    /** One number, 0-65535. */
    FREE("free");

    private final String label;

    AddressStyle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String format(GroupAddress address) {
        return switch (this) {
            case THREE_LEVEL -> address.getMainGroup() + "/" + address.getMiddleGroup() + "/" + address.getSubGroup8();
            case TWO_LEVEL -> address.getMainGroup() + "/" + address.getSubGroup11();
            case FREE -> Integer.toString(address.getRawAddress());
        };
    }
}
