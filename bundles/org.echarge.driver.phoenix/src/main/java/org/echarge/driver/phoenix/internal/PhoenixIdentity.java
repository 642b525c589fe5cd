package org.echarge.driver.phoenix.internal;

import static org.echarge.driver.phoenix.internal.PhoenixRegisters.*;

import java.util.Locale;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connect learns about the controller, and the checks that it is the configured one. No register
 * names the product, so the identity is the layout: 100 must hold a state letter, 528 a value in the
 * firmware's unit, and the Wallbe firmware must name itself at 149. A controller counting 528 in the other
 * unit would get a tenth or ten times the current (evcc #50): that is {@code WRONG_DEVICE}.
 *
 * @param serialNumber nymea's register 304; null where the controller refuses it
 * @param firmware 105 (Phoenix firmware) or 149 (Wallbe firmware)
 * @param deviceName nymea's register 310, for the log
 */
record PhoenixIdentity(String serialNumber, String firmware, String deviceName) {

    /** Reads one block, or fails with the register named. */
    @FunctionalInterface
    interface Reader {
        PhoenixBlock.Values read(PhoenixBlock block) throws DeviceException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PhoenixIdentity.class);
    private static final int ILLEGAL_DATA_ADDRESS = 2;

    /** Reads and checks; nothing is written. */
    static PhoenixIdentity check(PhoenixModel model, Reader reader, String name) throws DeviceException {
        PhoenixBlock.Values status = reader.read(PhoenixBlock.STATUS);
        long word = status.raw(CP_STATUS);
        if (PhoenixStates.letter(word) == PhoenixStates.UNKNOWN) {
            throw new DeviceException(Kind.WRONG_DEVICE, String.format(Locale.ROOT, "%s: register 100 reads 0x%04X,"
                    + " not a control pilot state 'A'..'F' of an EV-ETH controller", name, word));
        }
        checkSetting(model, reader.read(PhoenixBlock.SETTING).raw(MAX_CURRENT), name);
        String firmware = model.wallbeFirmware() ? wallbeFirmware(reader, name) : status.text(FIRMWARE);
        PhoenixIdentity identity = nameplate(reader, firmware.isEmpty() ? null : firmware);
        LOG.info("{}: {} serial {}, firmware {}", name,
                identity.deviceName() == null ? "EV-ETH controller" : identity.deviceName(), identity.serialNumber(),
                identity.firmware());
        return identity;
    }

    private static void checkSetting(PhoenixModel model, long raw, String name) throws DeviceException {
        PhoenixModel.Setting unit = model.setting();
        if (unit.fits(raw)) {
            return;
        }
        String problem;
        if (raw > unit.highest() && !model.wallbeFirmware()) {
            problem = "more than the " + unit.highest() + " A the Phoenix firmware takes: the controller counts in"
                    + " 0.1 A (Wallbe firmware); configure model " + PhoenixModel.WALLBE.model().id();
        } else if (raw < unit.lowest() && model.wallbeFirmware()) {
            problem = "the controller counts in A (Phoenix firmware), and 0.1 A steps would set ten times the current;"
                    + " configure model " + PhoenixModel.PHOENIX.model().id();
        } else {
            problem = "no current setting in " + unit.unit();
        }
        throw new DeviceException(Kind.WRONG_DEVICE, name + ": 528 reads " + raw + ", " + problem);
    }

    /** The Wallbe firmware names itself at 149; Phoenix firmware answers 149 with exception 2 or blanks. */
    private static String wallbeFirmware(Reader reader, String name) throws DeviceException {
        String version;
        try {
            version = reader.read(PhoenixBlock.WALLBE_VERSION).text(WALLBE_FIRMWARE);
        } catch (ModbusException e) {
            if (e.exceptionCode() != ILLEGAL_DATA_ADDRESS) {
                throw e;
            }
            version = "";
        }
        if (version.isEmpty() || version.chars().allMatch(c -> c == '?')) {
            throw new DeviceException(Kind.WRONG_DEVICE, name + ": no Wallbe firmware version at 149; a controller"
                    + " with Phoenix firmware counts 528 in A: configure model " + PhoenixModel.PHOENIX.model().id());
        }
        return version;
    }

    /** Serial number and device name; none where the controller refuses the registers (an exception response). */
    private static PhoenixIdentity nameplate(Reader reader, String firmware) throws DeviceException {
        try {
            PhoenixBlock.Values plate = reader.read(PhoenixBlock.NAMEPLATE);
            return new PhoenixIdentity(blankToNull(plate.text(SERIAL_NUMBER)), firmware,
                    blankToNull(plate.text(DEVICE_NAME)));
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            LOG.info("{}; reporting no serial number", e.getMessage());
            return new PhoenixIdentity(null, firmware, null);
        }
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
