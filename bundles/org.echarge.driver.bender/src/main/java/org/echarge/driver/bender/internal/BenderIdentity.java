package org.echarge.driver.bender.internal;

import static org.echarge.driver.bender.internal.BenderRegisters.*;

import java.util.Locale;
import java.util.Optional;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the first poll of a connection learns about the controller, and the check that it is the
 * configured model. The register set has no serial number; the texts of 100 and 120, the model (142),
 * the ranges of 122 and 104 and the 4You family's 1002 tell a Bender apart from another device.
 *
 * @param modelName 142, or null (legacy firmware, or nothing set)
 * @param firmware 153..155 as major.minor.patch, or the text of 100 where those are missing
 * @param legacy legacy firmware: no 142, no totals 218..221, no ISO 15118 registers
 * @param metered the meter registers hold values (not 0xFFFFFFFF)
 * @param limitRegister 1001 (0.1 A) where the firmware has it, else 1000 (A)
 */
record BenderIdentity(String modelName, String firmware, String protocol, boolean legacy, boolean metered,
        BenderRegisters limitRegister) {

    private static final Logger LOG = LoggerFactory.getLogger(BenderIdentity.class);

    /**
     * Reads and checks the identity; nothing is written. A refused 142 means legacy firmware (evcc); 1002
     * answers on the MENNEKES 4You family only, which must be configured as such (and only it).
     */
    static BenderIdentity probe(BenderReader reader, BenderModel model) throws DeviceException {
        String firmwareText = requiredText(reader, FIRMWARE_VERSION);
        String protocol = requiredText(reader, PROTOCOL_VERSION);
        Optional<BenderBlock.Values> modelRegisters = reader.optional(CHARGE_POINT_MODEL);
        String modelName = modelRegisters.flatMap(values -> values.text(CHARGE_POINT_MODEL)).orElse(null);
        if (modelRegisters.isPresent() && modelName == null && !blank(modelRegisters.get())) {
            throw new DeviceException(Kind.WRONG_DEVICE, reader.name() + ": register 142 holds no model name; not a"
                    + " Bender controller" + BenderReader.REGISTER_SET_HINT);
        }
        checkFamily(reader.name(), model, modelName, reader.optional(HEMS_POWER_LIMIT).isPresent());
        long vehicle = reader.raw(VEHICLE_STATE);
        long ocpp = reader.raw(OCPP_CP_STATUS);
        if (vehicle < BenderStates.A || vehicle > BenderStates.E || ocpp > BenderStates.FINISHING) {
            throw new DeviceException(Kind.WRONG_DEVICE, reader.name() + ": pilot state " + vehicle + " (122) or OCPP"
                    + " status " + ocpp + " (104) out of range; not a Bender controller" + BenderReader.REGISTER_SET_HINT);
        }
        boolean legacy = modelRegisters.isEmpty();
        BenderRegisters limitRegister = reader.optional(HEMS_CURRENT_LIMIT_TENTH).isPresent()
                ? HEMS_CURRENT_LIMIT_TENTH : HEMS_CURRENT_LIMIT;
        String firmware = legacy ? firmwareText : softwareVersion(reader).orElse(firmwareText);
        Optional<BenderBlock.Values> safe = reader.optional(SAFE_CURRENT);
        BenderIdentity found = new BenderIdentity(modelName, firmware, protocol, legacy, meterPresent(reader, legacy),
                limitRegister);
        LOG.info("{}: {} firmware {}, Modbus protocol {}, {} layout, {}, limit in {}, safe current {}", reader.name(),
                modelName == null ? "unnamed model" : "model '" + modelName + "'", firmware, protocol,
                legacy ? "legacy" : "current", found.metered() ? "with meter" : "no meter", limitRegister,
                safe.map(values -> values.raw(SAFE_CURRENT) + " A").orElse("not reported"));
        return found;
    }

    /** The 4You family (1002 answers, or the model says so) must be configured as such, and only it. */
    private static void checkFamily(String name, BenderModel model, String modelName, boolean powerLimitAnswers)
            throws DeviceException {
        String upper = modelName == null ? "" : modelName.toUpperCase(Locale.ROOT);
        boolean fourYou = powerLimitAnswers || upper.contains("4YOU") || upper.contains("4BUSINESS");
        if (fourYou == model.fourYouFamily()) {
            return;
        }
        String found = (modelName == null ? "the controller" : "'" + modelName + "'") + (powerLimitAnswers
                ? " answers at 1002 (HEMS power limit)" : " has no 1002 (HEMS power limit)");
        throw new DeviceException(Kind.WRONG_DEVICE, name + ": " + found + (fourYou
                ? ", so it is a MENNEKES AMTRON 4You / 4Business: configure model 'mennekes-amtron-4you-4business' (it drops"
                        + " the connection when the ISO 15118 registers are read)"
                : ", so it is no MENNEKES AMTRON 4You / 4Business: configure model 'bender-cc'"));
    }

    /** 153..155 as major.minor.patch, where the firmware has them. */
    private static Optional<String> softwareVersion(BenderReader reader) throws DeviceException {
        return reader.optional(BenderBlock.SOFTWARE_VERSION).map(v -> v.raw(SOFTWARE_VERSION_MAJOR) + "."
                + v.raw(SOFTWARE_VERSION_MINOR) + "." + v.raw(SOFTWARE_VERSION_PATCH));
    }

    /**
     * A station without meter reads 0xFFFFFFFF at 220 (200 on legacy firmware). 218 decides as well: a
     * metered station may briefly report 0xFFFFFFFF at 220 (evcc discussion 27736).
     */
    private static boolean meterPresent(BenderReader reader, boolean legacy) throws DeviceException {
        if (legacy) {
            return !Double.isNaN(reader.words(BenderBlock.LEGACY_METER).scaled(ENERGY_L1));
        }
        BenderBlock.Values meter = reader.words(BenderBlock.METER);
        return !(Double.isNaN(meter.scaled(TOTAL_ENERGY)) && Double.isNaN(meter.scaled(ACTIVE_POWER)));
    }

    private static String requiredText(BenderReader reader, BenderRegisters register) throws DeviceException {
        return reader.words(register).text(register).orElseThrow(() -> new DeviceException(Kind.WRONG_DEVICE,
                reader.name() + ": register " + register.address() + " holds no text; not a Bender controller"
                        + BenderReader.REGISTER_SET_HINT));
    }

    private static boolean blank(BenderBlock.Values values) {
        for (int word : values.words()) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
