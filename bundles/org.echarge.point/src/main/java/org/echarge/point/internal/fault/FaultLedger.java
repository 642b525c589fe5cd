package org.echarge.point.internal.fault;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.echarge.api.fault.Fault;
import org.echarge.api.fault.FaultReset;

/**
 * The faults of one scope (the gateway, or one charging point) with the rules of spec section 6:
 * the shown fault is the highest present one (the newest among equals), a lower fault never
 * replaces a present higher one; with nothing present the last fault stays shown (objects 9/95
 * carry "the last or current fault"); "No error" only while nothing happened since start-up.
 * Info faults are present until the next {@link #evaluate()}; configuration faults until
 * {@link #configurationApplied()}; auto faults until cleared. Not thread-safe.
 */
public final class FaultLedger<F extends Enum<F> & Fault> {

    private record Entry<F>(F fault, String detail, Instant since, long order) {
    }

    private final F noError;
    private final Map<F, Entry<F>> present;
    private Entry<F> last;
    private long order;

    public FaultLedger(Class<F> type, F noError) {
        this.noError = noError;
        this.present = new EnumMap<>(type);
    }

    /** Raises a fault (again): its detail and time are updated. */
    public void raise(F fault, String detail, Instant now) {
        if (fault == noError) {
            return;
        }
        Entry<F> previous = present.get(fault);
        Instant since = previous == null ? now : previous.since();
        Entry<F> entry = new Entry<>(fault, detail, since, ++order);
        present.put(fault, entry);
        last = entry;
    }

    /** The cause of an auto fault is gone. */
    public void clear(F fault) {
        present.remove(fault);
    }

    /** A valid configuration was applied: configuration faults go. */
    public void configurationApplied() {
        present.values().removeIf(entry -> entry.fault().reset() == FaultReset.CONFIG);
    }

    /** The next evaluation cycle begins: info faults, shown once since they were raised, are gone. */
    public void evaluate() {
        present.values().removeIf(entry -> entry.fault().reset() == FaultReset.INFO);
    }

    /** Object 8 / 94: a fault is present. */
    public boolean present() {
        return !present.isEmpty();
    }

    public boolean isPresent(F fault) {
        return present.containsKey(fault);
    }

    /** Object 9 / 95: the highest present fault, else the last one, else "No error". */
    public F shown() {
        return shownEntry().map(Entry::fault).orElse(noError);
    }

    public String shownDetail() {
        return shownEntry().map(Entry::detail).orElse("");
    }

    private Optional<Entry<F>> shownEntry() {
        Entry<F> best = null;
        for (Entry<F> entry : present.values()) {
            if (best == null || entry.fault().severity() > best.fault().severity()
                    || (entry.fault().severity() == best.fault().severity() && entry.order() > best.order())) {
                best = entry;
            }
        }
        return Optional.ofNullable(best != null ? best : last);
    }
}
