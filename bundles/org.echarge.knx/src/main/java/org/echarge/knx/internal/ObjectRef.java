package org.echarge.knx.internal;

/**
 * A group object as numbered on the device: a row of the table and, for a point object, the charging
 * point (0 otherwise).
 */
public record ObjectRef(GroupObjectDefinition definition, int point) {

    public ObjectRef {
        definition.number(point); // checks the point
    }

    public int number() {
        return definition.number(point);
    }

    public String name() {
        return definition.name(point);
    }

    /** {@code object 110 "CP2 Setpoint charging current"}, for messages. */
    public String describe() {
        return "object " + number() + " \"" + name() + "\"";
    }
}
