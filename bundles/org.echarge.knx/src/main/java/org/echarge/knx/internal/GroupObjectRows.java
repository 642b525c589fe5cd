package org.echarge.knx.internal;

import java.util.List;

import org.echarge.knx.GroupObjectRow;

/** The group object table for the web console: every existing object with its links. */
public final class GroupObjectRows {

    private GroupObjectRows() {
    }

    public static List<GroupObjectRow> of(List<GroupObject> objects, GroupObjectLinks links) {
        return objects.stream().map(o -> new GroupObjectRow(o.number(), o.name(), o.datapoint().id(),
                GroupObjectFlag.format(o.flags()), links.addresses(o.number()).stream().map(links::format).toList()))
                .toList();
    }
}
