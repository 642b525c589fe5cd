package org.echarge.driver.bender.internal;

import static org.echarge.driver.bender.internal.BenderRegisters.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector of a station with a Bender CC612 / CC613 controller (its own TCP port: base port for
 * connector 1, base + 1 for connector 2). Reads the pilot state, OCPP status, error bits, HEMS limit and
 * meter per poll; writes the HEMS limit (1000 in A, or 1001 in 0.1 A where the firmware has it) and keeps
 * it in force from {@link #poll()} ({@link BenderKeepAlive}). Not thread-safe: the runtime calls it from
 * one thread at a time.
 */
final class BenderCharger implements Charger {

    /** Legacy firmware reports no power: estimated from the currents at this voltage (as evcc does). */
    static final double LEGACY_VOLT = 230;

    /** RFID cards as the controller names them in 720: the card serial as hex text. */
    private static final Pattern CARD_SERIAL = Pattern.compile("[0-9A-Fa-f]{8,}");

    private static final Logger LOG = LoggerFactory.getLogger(BenderCharger.class);

    private final BenderModel model;
    private final BenderReader reader;
    private final Clock clock;
    private final BenderKeepAlive keepAlive = new BenderKeepAlive();
    private BenderIdentity identity;
    private long lastErrorBits;
    private boolean userIdRefusedLogged;
    private boolean evccIdUnavailable;

    BenderCharger(BenderModel model, BenderReader reader, Clock clock) {
        this.model = model;
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public ChargerModel model() {
        return model.model();
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        try {
            return pollOnce();
        } catch (DeviceException e) {
            throw forgetIdentityIfUnreachable(e);
        }
    }

    /** 1000 in whole amperes (or 1001 in 0.1 A), rounded down; 0 A pauses (104 goes to SuspendedEVSE). */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        double min = model().minCurrentAmpere();
        double max = model().maxCurrentAmpere();
        if (!(currentAmpere == 0 || currentAmpere >= min && currentAmpere <= max)) {
            throw new IllegalArgumentException(
                    "a Bender controller takes 0 A (pause) or " + min + ".." + max + " A, not " + currentAmpere);
        }
        try {
            BenderIdentity station = identity();
            writeLimit(station, station.limitRegister().rawAtMost(currentAmpere));
        } catch (DeviceException e) {
            throw forgetIdentityIfUnreachable(e);
        }
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "a Bender controller pauses at 0 A (register 1000 = 0); set the current limit to 0 instead");
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "a Bender controller starts a session when the car is plugged in (or the card is shown); pause it at"
                        + " 0 A instead");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "a Bender controller cannot release the cable lock over Modbus");
    }

    @Override
    public void close() {
        reader.close();
    }

    private ChargerSnapshot pollOnce() throws DeviceException {
        BenderIdentity station = identity();
        Instant now = clock.instant();
        // pilot state before OCPP status: a car leaving between the two reads cannot look like "charging, no car"
        long vehicle = reader.raw(VEHICLE_STATE);
        long ocpp = reader.raw(OCPP_CP_STATUS);
        BenderBlock.Values errors = reader.words(BenderBlock.ERROR_BITS);
        long limit = reader.raw(station.limitRegister());
        boolean connected = BenderStates.vehicleConnected(vehicle);
        boolean charging = BenderStates.charging(vehicle, ocpp);
        boolean reduced = charging && keepAlive.below(limit);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(now, BenderStates.map(vehicle, ocpp, reduced))
                .vehicle(connected, charging)
                .setpointAmpere(station.limitRegister().scaled(limit))
                .identity(null, station.firmware())
                .errorCodes(errorCodes(errors));
        if (station.metered()) {
            meter(station, snapshot);
        }
        if (connected) {
            snapshot.rfidTag(rfidTag());
            if (model.readsEvccId() && !station.legacy()) {
                snapshot.evccId(evccId());
            }
        }
        OptionalInt again = keepAlive.due(limit, now, reader.name() + " " + station.limitRegister());
        if (again.isPresent()) {
            writeLimit(station, again.getAsInt());
        }
        return snapshot.build();
    }

    /** Checked once per connection (again after the controller was unreachable), before any write. */
    private BenderIdentity identity() throws DeviceException {
        if (identity == null) {
            identity = BenderIdentity.probe(reader, model);
        }
        return identity;
    }

    private DeviceException forgetIdentityIfUnreachable(DeviceException e) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return e;
    }

    private void meter(BenderIdentity station, ChargerSnapshot.Builder snapshot) throws DeviceException {
        if (station.legacy()) {
            BenderBlock.Values meter = reader.words(BenderBlock.LEGACY_METER);
            PhaseValues current = phases(meter, CURRENT_L1, CURRENT_L2, CURRENT_L3);
            snapshot.currentAmpere(current)
                    .powerWatt(PhaseValues.of(LEGACY_VOLT * current.l1(), LEGACY_VOLT * current.l2(),
                            LEGACY_VOLT * current.l3()))
                    .energyWattHour(phases(meter, ENERGY_L1, ENERGY_L2, ENERGY_L3));
            return;
        }
        BenderBlock.Values meter = reader.words(BenderBlock.METER);
        if (Double.isNaN(meter.scaled(ACTIVE_POWER))) {
            // some controllers briefly return 0xFFFFFFFF at 220 while running (evcc discussion 27736): once more
            meter = reader.words(BenderBlock.METER);
        }
        snapshot.currentAmpere(phases(meter, CURRENT_L1, CURRENT_L2, CURRENT_L3))
                .powerWatt(new PhaseValues(meter.scaled(POWER_L1), meter.scaled(POWER_L2), meter.scaled(POWER_L3),
                        meter.scaled(ACTIVE_POWER)))
                .energyWattHour(new PhaseValues(meter.scaled(ENERGY_L1), meter.scaled(ENERGY_L2),
                        meter.scaled(ENERGY_L3), meter.scaled(TOTAL_ENERGY)));
    }

    private static PhaseValues phases(BenderBlock.Values meter, BenderRegisters l1, BenderRegisters l2,
            BenderRegisters l3) {
        return PhaseValues.of(meter.scaled(l1), meter.scaled(l2), meter.scaled(l3));
    }

    /** 111 and 112: one code per register with a fault bit; changes are logged with the bits' names. */
    private List<Long> errorCodes(BenderBlock.Values errors) {
        long bits111 = errors.raw(ERROR_BITS_111);
        long bits112 = errors.raw(ERROR_BITS_112);
        long bits = bits111 << 16 | bits112;
        List<Long> codes = BenderErrorBits.codes(bits111, bits112);
        if (bits != lastErrorBits) {
            List<String> names = new ArrayList<>(BenderErrorBits.names(111, bits111));
            names.addAll(BenderErrorBits.names(112, bits112));
            if (bits == 0) {
                LOG.info("{}: error bits cleared", reader.name());
            } else if (codes.isEmpty()) {
                LOG.info("{}: {} (not a charger error)", reader.name(), names);
            } else {
                LOG.warn("{}: error bits {}", reader.name(), names);
            }
            lastErrorBits = bits;
        }
        return codes;
    }

    /**
     * 720 holds the session's OCPP idTag; for an RFID card the card serial as hex text, of which the
     * gateway reports the first 4 bytes. Without "Allow UID disclose" it is empty (or refused).
     */
    private String rfidTag() throws DeviceException {
        Optional<BenderBlock.Values> userId = reader.optional(USER_ID);
        if (userId.isEmpty()) {
            if (!userIdRefusedLogged) {
                LOG.info("{}: 720 (user id) is refused; reporting no RFID card (is \"Allow UID disclose\" on?)",
                        reader.name());
                userIdRefusedLogged = true;
            }
            return null;
        }
        return userId.get().text(USER_ID).map(BenderCharger::cardSerial).orElse(null);
    }

    /** The first 4 bytes of a card serial written as hex text; null for an idTag that is no card serial. */
    static String cardSerial(String idTag) {
        String trimmed = idTag.strip();
        return CARD_SERIAL.matcher(trimmed).matches() ? trimmed.substring(0, 8).toUpperCase(Locale.ROOT) : null;
    }

    /** 741 only when 740 says an ISO 15118 vehicle is connected (never read on the 4You family). */
    private String evccId() throws DeviceException {
        if (evccIdUnavailable) {
            return null;
        }
        Optional<BenderBlock.Values> smart = reader.optional(SMART_VEHICLE);
        if (smart.isEmpty()) {
            LOG.info("{}: 740 (smart vehicle) is refused; this firmware reports no EVCCID", reader.name());
            evccIdUnavailable = true;
            return null;
        }
        if (smart.get().raw(SMART_VEHICLE) != 1) {
            return null;
        }
        return reader.words(EVCCID).text(EVCCID).orElse(null);
    }

    /** A failed write is never taken as written: the keep-alive only holds what the controller took. */
    private void writeLimit(BenderIdentity station, int raw) throws DeviceException {
        reader.write(station.limitRegister(), raw);
        keepAlive.written(raw, clock.instant());
    }
}
