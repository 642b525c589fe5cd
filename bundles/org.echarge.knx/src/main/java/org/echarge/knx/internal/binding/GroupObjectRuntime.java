package org.echarge.knx.internal.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.echarge.api.Phase;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointConfiguration.TemperatureSending;
import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.KnxValueException;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.internal.GatewaySetup;
import org.echarge.knx.internal.GroupObjectDefinition.Direction;
import org.echarge.knx.internal.GroupObject;
import org.echarge.knx.internal.GroupObjectFlag;
import org.echarge.knx.internal.GroupObjectLinks;
import org.echarge.knx.internal.GroupObjectTable;
import org.echarge.knx.internal.PointSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.GroupAddress;

/**
 * The gateway's group objects at work (spec section 7): the flags as in KNX (R answers
 * GroupValueRead, W takes GroupValueWrite, T sends on change on the sending address, U takes
 * GroupValueResponse like a write, I reads at start-up), values through {@link DatapointCodec}
 * only. Bad telegrams are refused, logged and counted, never passed on.
 *
 * <p>Bus load: state objects send every change at once; measurements (currents, powers,
 * energies, duration) only when they moved by a threshold and at most every
 * {@link #MEASUREMENT_INTERVAL}, the change being sent when the interval is over; the temperature
 * as the point is configured (off, on a change of {@link #TEMPERATURE_STEP}, or cyclic).
 *
 * <p>Not thread-safe: the KNX component calls it from one thread.
 */
public final class GroupObjectRuntime {

    static final Duration MEASUREMENT_INTERVAL = Duration.ofSeconds(10);
    static final double TEMPERATURE_STEP = 1.0;
    private static final Logger LOG = LoggerFactory.getLogger(GroupObjectRuntime.class);
    private static final int LOGGED_REFUSALS = 20;

    /** Thresholds per point-relative object number: current A, power W, energy Wh, duration s. */
    private static final Map<Integer, Double> THRESHOLDS = thresholds();

    private final Map<Integer, GroupObject> objects = new LinkedHashMap<>();
    private final GroupObjectLinks links;
    private final GatewaySetup setup;
    private final GroupBus bus;
    private final GatewayCommands commands;
    /** The value each object holds now, as bytes, and as last sent. */
    private final Map<Integer, byte[]> value = new HashMap<>();
    private final Map<Integer, Object> sentValue = new HashMap<>();
    private final Map<Integer, Object> pendingValue = new java.util.TreeMap<>(); // sent in object order
    private final Map<Integer, Instant> sentAt = new HashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal = "";

    public GroupObjectRuntime(List<GroupObject> existing, GroupObjectLinks links, GatewaySetup setup, GroupBus bus,
            GatewayCommands commands) {
        existing.forEach(object -> objects.put(object.number(), object));
        this.links = links;
        this.setup = setup;
        this.bus = bus;
        this.commands = commands;
    }

    /** Start-up: objects with the I flag ask the bus for their value. */
    public void start() {
        for (GroupObject object : objects.values()) {
            if (object.has(GroupObjectFlag.READ_ON_INIT)) {
                links.sendingAddress(object.number())
                        .ifPresent(address -> bus.send(new Telegram(Telegram.Service.READ, address, null, null), null));
            }
        }
    }

    /** Telegrams refused since start-up. */
    public long refusedTelegrams() {
        return refused.get();
    }

    public String lastRefusal() {
        return lastRefusal;
    }

    /** The value an object holds, as sent on the bus; empty before it has one. */
    public Optional<byte[]> value(int objectNumber) {
        return Optional.ofNullable(value.get(objectNumber)).map(byte[]::clone);
    }

    /**
     * New state values (gateway units, keyed by absolute object number): objects take them, and
     * those with the T flag send what changed as the sending policy allows.
     */
    public void update(Map<Integer, Object> values, Instant now) {
        values.forEach((number, newValue) -> {
            GroupObject object = objects.get(number);
            if (object == null || newValue == null) {
                return; // the object does not exist in this configuration
            }
            byte[] encoded;
            try {
                encoded = DatapointCodec.encode(object.datapoint(), fit(object, newValue));
            } catch (KnxValueException e) {
                LOG.debug("{}: value {} cannot be sent as {}: {}", object.ref().describe(), newValue,
                        object.datapoint(), e.getMessage());
                return;
            }
            value.put(number, encoded);
            // state objects send; a written object (1, 55) keeps what the bus wrote and sends nothing
            if (object.has(GroupObjectFlag.TRANSMIT) && object.definition().direction() == Direction.READ) {
                pendingValue.put(number, newValue);
            }
        });
        flush(now);
    }

    /** Once a second: sends what the measurement interval held back, and cyclic temperatures. */
    public void tick(Instant now) {
        flush(now);
    }

    private void flush(Instant now) {
        for (var it = pendingValue.entrySet().iterator(); it.hasNext();) {
            var entry = it.next();
            // read before it.remove(): a TreeMap moves the successor's key and value into a removed inner entry
            GroupObject object = objects.get(entry.getKey());
            Object pending = entry.getValue();
            Decision decision = decide(object, pending, now);
            if (decision == Decision.DROP) {
                it.remove();
            } else if (decision == Decision.SEND) {
                it.remove();
                send(object, pending, now);
            }
        }
        // cyclic temperature: sent every cycle whether or not it changed
        for (PointSetup point : setup.points()) {
            PointConfiguration configuration = point.configuration();
            int number = GroupObjectTable.POINT_STRIDE * (point.number() - 1) + 82;
            GroupObject object = objects.get(number);
            if (object != null && configuration.temperatureSending() == TemperatureSending.CYCLIC
                    && value.containsKey(number) && !pendingValue.containsKey(number)) {
                Instant last = sentAt.get(number);
                if (last == null || !now.isBefore(last.plus(configuration.temperatureCycle()))) {
                    sendBytes(object, value.get(number), now);
                }
            }
        }
    }

    private enum Decision {
        SEND, WAIT, DROP
    }

    private Decision decide(GroupObject object, Object newValue, Instant now) {
        int relative = object.point() == 0 ? object.number() : object.number()
                - GroupObjectTable.POINT_STRIDE * (object.point() - 1);
        Object sent = sentValue.get(object.number());
        if (relative == 82) {
            TemperatureSending sending = setup.point(object.point()).map(p -> p.configuration().temperatureSending())
                    .orElse(TemperatureSending.ON_CHANGE);
            if (sending != TemperatureSending.ON_CHANGE) {
                return Decision.DROP; // off, or sent by the cycle
            }
            return sent == null || Math.abs(((Number) newValue).doubleValue() - ((Number) sent).doubleValue())
                    >= TEMPERATURE_STEP ? Decision.SEND : Decision.DROP;
        }
        if (sent != null && Arrays.equals(encodeQuietly(object, sent), value.get(object.number()))) {
            return Decision.DROP; // nothing changed on the bus
        }
        Double threshold = THRESHOLDS.get(relative);
        if (threshold == null || sent == null) {
            return Decision.SEND;
        }
        if (Math.abs(((Number) newValue).doubleValue() - ((Number) sent).doubleValue()) < threshold) {
            return Decision.DROP;
        }
        Instant last = sentAt.get(object.number());
        return last == null || !now.isBefore(last.plus(MEASUREMENT_INTERVAL)) ? Decision.SEND : Decision.WAIT;
    }

    private void send(GroupObject object, Object newValue, Instant now) {
        byte[] encoded = encodeQuietly(object, newValue);
        if (encoded != null && sendBytes(object, encoded, now)) {
            sentValue.put(object.number(), newValue);
        }
    }

    private boolean sendBytes(GroupObject object, byte[] encoded, Instant now) {
        Optional<GroupAddress> address = links.sendingAddress(object.number());
        if (address.isEmpty()) {
            return false; // not linked: the value is only there to be read
        }
        bus.send(new Telegram(Telegram.Service.WRITE, address.get(), null, encoded), object.datapoint());
        sentAt.put(object.number(), now);
        return true;
    }

    /** A telegram from the bus (not one of our own). */
    public void received(Telegram telegram) {
        List<Integer> linked = links.objectsLinkedTo(telegram.destination());
        switch (telegram.service()) {
            case READ -> answerRead(telegram.destination(), linked);
            case WRITE -> linked.stream().map(objects::get)
                    .filter(object -> object != null && object.has(GroupObjectFlag.WRITE))
                    .forEach(object -> take(object, telegram));
            case RESPONSE -> linked.stream().map(objects::get)
                    .filter(object -> object != null && object.has(GroupObjectFlag.UPDATE))
                    .forEach(object -> take(object, telegram));
        }
    }

    private void answerRead(GroupAddress address, List<Integer> linked) {
        for (int number : linked) {
            GroupObject object = objects.get(number);
            if (object != null && object.has(GroupObjectFlag.READ) && value.containsKey(number)) {
                bus.send(new Telegram(Telegram.Service.RESPONSE, address, null, value.get(number)), object.datapoint());
                return; // one answer per read
            }
        }
    }

    private void take(GroupObject object, Telegram telegram) {
        Object decoded;
        try {
            decoded = DatapointCodec.decode(object.datapoint(), telegram.asdu(), sign(object));
        } catch (KnxValueException e) {
            refuse(object, telegram, e.getMessage());
            if (relative(object) == 60) {
                commands.setpoint(object.point(), Double.NaN); // the point raises ValOutOfRange
            }
            return;
        }
        value.put(object.number(), telegram.asdu());
        carryOut(object, decoded);
    }

    private void carryOut(GroupObject object, Object decoded) {
        int point = object.point();
        switch (relative(object)) {
            case 1 -> commands.gridControl((Boolean) decoded);
            case 10, 11, 12 -> commands.meterValue(Phase.values()[object.number() - 10],
                    ((Number) decoded).doubleValue());
            case 13 -> commands.highPowerDevices((Boolean) decoded);
            case 20 -> commands.meterInOperation(true); // DPT 1.017 trigger: either value is a sign of life
            case 54 -> commands.startStop(point, (Boolean) decoded);
            case 55 -> commands.interruption(point, (Boolean) decoded);
            case 59 -> commands.unlock(point);
            case 60 -> commands.setpoint(point, ((Number) decoded).doubleValue());
            default -> LOG.debug("{}: written, nothing to do", object.ref().describe());
        }
    }

    private DatapointCodec.Sign sign(GroupObject object) {
        int relative = relative(object);
        boolean meterCurrent = relative >= 10 && relative <= 12 && isCurrent(object.datapoint());
        return meterCurrent || relative == 60 ? DatapointCodec.Sign.NON_NEGATIVE : DatapointCodec.Sign.ANY;
    }

    private static boolean isCurrent(KnxDatapoint datapoint) {
        return MeterSettings.MeterDatapoint.DPT_7_012.id().equals(datapoint.id())
                || MeterSettings.MeterDatapoint.DPT_9_021.id().equals(datapoint.id())
                || MeterSettings.MeterDatapoint.DPT_14_019.id().equals(datapoint.id());
    }

    private void refuse(GroupObject object, Telegram telegram, String why) {
        long count = refused.incrementAndGet();
        lastRefusal = object.ref().describe() + ": " + telegram + ": " + why;
        if (count <= LOGGED_REFUSALS) {
            LOG.warn("KNX telegram refused ({} so far): {}", count, lastRefusal);
        } else if (count % 1000 == 0) {
            LOG.warn("KNX telegrams refused: {} so far; last: {}", count, lastRefusal);
        }
    }

    private static int relative(GroupObject object) {
        return object.point() == 0 ? object.number()
                : object.number() - GroupObjectTable.POINT_STRIDE * (object.point() - 1);
    }

    /** Texts are cut to what DPT 16.001 carries; other values go as they are. */
    private static Object fit(GroupObject object, Object value) {
        return value instanceof String text ? DatapointCodec.fitText(text) : value;
    }

    private static byte[] encodeQuietly(GroupObject object, Object value) {
        try {
            return DatapointCodec.encode(object.datapoint(), fit(object, value));
        } catch (KnxValueException e) {
            return null;
        }
    }

    private static Map<Integer, Double> thresholds() {
        Map<Integer, Double> thresholds = new HashMap<>();
        for (int n = 62; n <= 65; n++) {
            thresholds.put(n, 0.5); // A
        }
        for (int n = 66; n <= 69; n++) {
            thresholds.put(n, 100.0); // W
        }
        for (int n = 70; n <= 75; n++) {
            thresholds.put(n, 100.0); // Wh
        }
        thresholds.put(78, 60.0); // s
        return Map.copyOf(thresholds);
    }
}
