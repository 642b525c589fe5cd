package org.echarge.meter.internal;

import java.util.Locale;

import org.echarge.api.Phase;

/** What a meter register holds, in the gateway's units (A, W, Wh); the fault register is a raw integer. */
enum Quantity {
    CURRENT_L1(Group.CURRENT, Phase.L1),
    CURRENT_L2(Group.CURRENT, Phase.L2),
    CURRENT_L3(Group.CURRENT, Phase.L3),
    POWER_L1(Group.POWER, Phase.L1),
    POWER_L2(Group.POWER, Phase.L2),
    POWER_L3(Group.POWER, Phase.L3),
    POWER_TOTAL(Group.POWER, null),
    ENERGY_L1(Group.ENERGY, Phase.L1),
    ENERGY_L2(Group.ENERGY, Phase.L2),
    ENERGY_L3(Group.ENERGY, Phase.L3),
    ENERGY_TOTAL(Group.ENERGY, null),
    FAULT(Group.FAULT, null);

    enum Group {
        CURRENT, POWER, ENERGY, FAULT
    }

    private final Group group;
    private final Phase phase;

    Quantity(Group group, Phase phase) {
        this.group = group;
        this.phase = phase;
    }

    Group group() {
        return group;
    }

    /** The phase of a per-phase value; {@code null} for totals and the fault register. */
    Phase phase() {
        return phase;
    }

    /** The prefix of this value's manual meter settings: {@code currentL1}, {@code powerTotal}, {@code fault}. */
    String key() {
        String groupName = group.name().toLowerCase(Locale.ROOT);
        return group == Group.FAULT ? groupName : groupName + (phase == null ? "Total" : phase.name());
    }

    /** For messages: "current L1", "power total", "fault register". */
    String label() {
        String groupName = group.name().toLowerCase(Locale.ROOT);
        return groupName + " " + (group == Group.FAULT ? "register" : phase == null ? "total" : phase.name());
    }
}
