package org.echarge.knx.internal;

import static org.echarge.knx.KnxValueException.Reason.INVALID_DATA;
import static org.echarge.knx.KnxValueException.Reason.NEGATIVE;
import static org.echarge.knx.KnxValueException.Reason.NOT_FINITE;
import static org.echarge.knx.KnxValueException.Reason.OUT_OF_RANGE;
import static org.echarge.knx.KnxValueException.Reason.UNREPRESENTABLE;
import static org.echarge.knx.KnxValueException.Reason.WRONG_LENGTH;
import static org.echarge.knx.KnxValueException.Reason.WRONG_TYPE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Objects;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.KnxValueException;

import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.KNXFormatException;
import tuwien.auto.calimero.KNXIllegalArgumentException;
import tuwien.auto.calimero.dptxlator.DPT;
import tuwien.auto.calimero.dptxlator.DPTXlator;
import tuwien.auto.calimero.dptxlator.DPTXlator2ByteFloat;
import tuwien.auto.calimero.dptxlator.DPTXlator2ByteUnsigned;
import tuwien.auto.calimero.dptxlator.DPTXlator4ByteFloat;
import tuwien.auto.calimero.dptxlator.DPTXlator4ByteSigned;
import tuwien.auto.calimero.dptxlator.DPTXlator8BitUnsigned;
import tuwien.auto.calimero.dptxlator.DPTXlatorBoolean;
import tuwien.auto.calimero.dptxlator.DPTXlatorTime;
import tuwien.auto.calimero.dptxlator.TranslatorTypes;

/**
 * Gateway values to KNX ASDUs and back, through Calimero's DPT translators. An ASDU is in
 * Calimero's form: a 1-bit value is one byte (bit 0), other types take their full width. Values are
 * in the gateway's units ({@link KnxDatapoint#unit()}); the codec converts to the bus unit and
 * rounds to the bus resolution (half up for the integer types). It refuses what does not fit
 * instead of clamping or wrapping, and on decoding refuses every length and bit pattern the
 * datapoint type does not define. Stateless and thread-safe: each call uses its own translator.
 */
public final class DatapointCodec {

    /** Whether a decoded number may be below 0. */
    public enum Sign {
        ANY, NON_NEGATIVE
    }

    /** DPT 16 values are 14 bytes. */
    public static final int TEXT_LENGTH = 14;

    private DatapointCodec() {
    }

    /**
     * Encodes a value: Boolean, Long (or Integer, Short, Byte), any Number for quantities,
     * LocalTime (whole seconds, no day of week) or String, as {@link KnxDatapoint#kind()} says.
     */
    public static byte[] encode(KnxDatapoint dp, Object value) throws KnxValueException {
        Objects.requireNonNull(value, "value");
        DPTXlator xlator = translator(dp);
        switch (dp.kind()) {
            case BOOLEAN -> ((DPTXlatorBoolean) xlator).setValue(as(dp, value, Boolean.class));
            case INTEGER -> setNumber(dp, xlator, toBus(dp, BigDecimal.valueOf(integer(dp, value))));
            case QUANTITY -> setNumber(dp, xlator, toBus(dp, BigDecimal.valueOf(finite(dp, value))));
            case TIME_OF_DAY -> {
                LocalTime time = as(dp, value, LocalTime.class);
                ((DPTXlatorTime) xlator).setValue(0, time.getHour(), time.getMinute(), time.getSecond());
            }
            case TEXT -> setText(dp, xlator, as(dp, value, String.class));
        }
        return xlator.getData();
    }

    /** Decodes a telegram's ASDU; negative numbers are accepted. */
    public static Object decode(KnxDatapoint dp, byte[] asdu) throws KnxValueException {
        return decode(dp, asdu, Sign.ANY);
    }

    /**
     * Decodes a telegram's ASDU into the Java type of {@link KnxDatapoint#kind()}. {@code sign}
     * applies to the numeric types: NON_NEGATIVE refuses e.g. a negative charging current.
     */
    public static Object decode(KnxDatapoint dp, byte[] asdu, Sign sign) throws KnxValueException {
        DPTXlator xlator = translator(dp);
        int width = Math.max(1, xlator.getTypeSize());
        if (asdu.length != width) {
            throw new KnxValueException(dp, WRONG_LENGTH, asdu.length + " bytes, its values have " + width);
        }
        try {
            return switch (dp.kind()) {
                case BOOLEAN -> decodeBoolean(dp, (DPTXlatorBoolean) xlator, asdu);
                case INTEGER -> decodeNumber(dp, xlator, asdu, sign).longValueExact();
                case QUANTITY -> toGateway(dp, decodeNumber(dp, xlator, asdu, sign)).doubleValue();
                case TIME_OF_DAY -> decodeTime(dp, (DPTXlatorTime) xlator, asdu);
                case TEXT -> {
                    xlator.setData(asdu);
                    yield xlator.getValue();
                }
            };
        } catch (KNXIllegalArgumentException e) {
            throw new KnxValueException(dp, INVALID_DATA, e.getMessage() + " in " + hex(asdu), e);
        }
    }

    /**
     * Free text (fault messages, serial numbers) made sendable as DPT 16.001: cut to 14
     * characters, and '?' for each character outside ISO 8859-1 and for NUL.
     */
    public static String fitText(String text) {
        StringBuilder fitted = new StringBuilder(TEXT_LENGTH);
        text.codePoints().limit(TEXT_LENGTH).forEach(c -> fitted.append(c > 0 && c <= 0xFF ? (char) c : '?'));
        return fitted.toString();
    }

    /** The size of the type's values on the bus: 1 bit for the 1-bit types, otherwise whole bytes. */
    public static int sizeBits(KnxDatapoint dp) {
        return dp.kind() == KnxDatapoint.Kind.BOOLEAN ? 1 : 8 * translator(dp).getTypeSize();
    }

    private static DPTXlator translator(KnxDatapoint dp) {
        try {
            return TranslatorTypes.createTranslator(dp.id());
        } catch (KNXException e) {
            throw new IllegalStateException("Calimero has no translator for " + dp, e);
        }
    }

    private static void setNumber(KnxDatapoint dp, DPTXlator xlator, BigDecimal exact) throws KnxValueException {
        BigDecimal bus = isInteger(xlator) ? exact.setScale(0, RoundingMode.HALF_UP) : exact;
        checkRange(dp, xlator, bus);
        try {
            if (xlator instanceof DPTXlator4ByteSigned s32) {
                s32.setValue(bus.intValueExact()); // its setValue(double) would saturate
            } else {
                xlator.setValue(bus.doubleValue());
            }
        } catch (KNXFormatException e) {
            throw new KnxValueException(dp, OUT_OF_RANGE, e.getMessage(), e);
        }
    }

    private static void setText(KnxDatapoint dp, DPTXlator xlator, String text) throws KnxValueException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw new KnxValueException(dp, UNREPRESENTABLE, String.format("U+%04X at index %d %s", (int) c, i,
                        c == 0 ? "would end the text" : "is not in ISO 8859-1"));
            }
        }
        if (text.length() > TEXT_LENGTH) {
            throw new KnxValueException(dp, OUT_OF_RANGE, text.length() + " characters, at most " + TEXT_LENGTH);
        }
        try {
            xlator.setValue(text);
        } catch (KNXFormatException e) {
            throw new KnxValueException(dp, OUT_OF_RANGE, e.getMessage(), e);
        }
    }

    private static boolean decodeBoolean(KnxDatapoint dp, DPTXlatorBoolean xlator, byte[] asdu)
            throws KnxValueException {
        if ((asdu[0] & 0xFF) > 1) {
            throw new KnxValueException(dp, INVALID_DATA, hex(asdu) + ", a 1-bit value is 00 or 01");
        }
        xlator.setData(asdu);
        return xlator.getValueBoolean();
    }

    private static BigDecimal decodeNumber(KnxDatapoint dp, DPTXlator xlator, byte[] asdu, Sign sign)
            throws KnxValueException {
        if (xlator instanceof DPTXlator2ByteFloat && asdu[0] == 0x7F && asdu[1] == (byte) 0xFF) {
            throw new KnxValueException(dp, INVALID_DATA, "7FFF, the code for invalid data");
        }
        xlator.setData(asdu);
        BigDecimal bus = busValue(dp, xlator);
        checkRange(dp, xlator, bus);
        if (sign == Sign.NON_NEGATIVE && bus.signum() < 0) {
            throw new KnxValueException(dp, NEGATIVE, describe(dp, bus) + " is negative");
        }
        return bus;
    }

    private static BigDecimal busValue(KnxDatapoint dp, DPTXlator xlator) throws KnxValueException {
        if (xlator instanceof DPTXlator4ByteFloat f32) {
            float value = f32.getValueFloat();
            if (!Float.isFinite(value)) {
                throw new KnxValueException(dp, NOT_FINITE, value + " received");
            }
            return new BigDecimal(Float.toString(value)); // 16.1, not 16.100000381469727
        }
        if (xlator instanceof DPTXlator2ByteFloat f16) {
            // the value is hundredths times a power of two: drop the noise of Calimero's "* 0.01"
            return BigDecimal.valueOf(f16.getNumericValue()).setScale(2, RoundingMode.HALF_UP);
        }
        if (xlator instanceof DPTXlator4ByteSigned s32) {
            return BigDecimal.valueOf(s32.getValueSigned());
        }
        if (xlator instanceof DPTXlator2ByteUnsigned u16) {
            return BigDecimal.valueOf(u16.getValueUnsigned());
        }
        if (xlator instanceof DPTXlator8BitUnsigned u8) {
            return BigDecimal.valueOf(u8.getValueUnscaled());
        }
        throw new IllegalStateException(dp + " is not numeric: " + xlator.getClass().getName());
    }

    private static boolean isInteger(DPTXlator xlator) {
        return xlator instanceof DPTXlator4ByteSigned || xlator instanceof DPTXlator2ByteUnsigned
                || xlator instanceof DPTXlator8BitUnsigned;
    }

    /** Checks against the range Calimero gives the type (e.g. 9.001 from -273 °C, 9.x up to 670433.28). */
    private static void checkRange(KnxDatapoint dp, DPTXlator xlator, BigDecimal bus) throws KnxValueException {
        DPT type = xlator.getType();
        BigDecimal min = limit(xlator, type.getLowerValue());
        BigDecimal max = limit(xlator, type.getUpperValue());
        if (bus.compareTo(min) < 0 || bus.compareTo(max) > 0) {
            throw new KnxValueException(dp, OUT_OF_RANGE,
                    describe(dp, bus) + " is outside " + describe(dp, min) + " to " + describe(dp, max));
        }
    }

    private static BigDecimal limit(DPTXlator xlator, String limit) {
        // float limits as Calimero reads them: "3.40282347e+38f" is Float.MAX_VALUE
        return xlator instanceof DPTXlator4ByteFloat ? new BigDecimal(Float.toString(Float.parseFloat(limit)))
                : BigDecimal.valueOf(Double.parseDouble(limit));
    }

    private static LocalTime decodeTime(KnxDatapoint dp, DPTXlatorTime xlator, byte[] asdu) throws KnxValueException {
        if (((asdu[1] | asdu[2]) & 0xC0) != 0) {
            throw new KnxValueException(dp, INVALID_DATA, hex(asdu) + ", reserved bits of minute or second set");
        }
        xlator.setData(asdu); // refuses hour > 23, minute or second > 59
        return xlator.localTime();
    }

    private static <T> T as(KnxDatapoint dp, Object value, Class<T> type) throws KnxValueException {
        if (!type.isInstance(value)) {
            throw new KnxValueException(dp, WRONG_TYPE, "takes " + type.getSimpleName() + ", not " + typeOf(value));
        }
        return type.cast(value);
    }

    private static long integer(KnxDatapoint dp, Object value) throws KnxValueException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new KnxValueException(dp, WRONG_TYPE, "takes a whole number (Long, Integer), not " + typeOf(value));
    }

    private static double finite(KnxDatapoint dp, Object value) throws KnxValueException {
        double number = as(dp, value, Number.class).doubleValue();
        if (!Double.isFinite(number)) {
            throw new KnxValueException(dp, NOT_FINITE, "cannot send " + number);
        }
        return number;
    }

    private static BigDecimal toBus(KnxDatapoint dp, BigDecimal gateway) {
        return gateway.movePointLeft(dp.decimalShift());
    }

    private static BigDecimal toGateway(KnxDatapoint dp, BigDecimal bus) {
        return bus.movePointRight(dp.decimalShift());
    }

    /** A bus value in gateway units, e.g. "65.536 A". */
    private static String describe(KnxDatapoint dp, BigDecimal bus) {
        BigDecimal value = toGateway(dp, bus).stripTrailingZeros();
        String number = value.abs().compareTo(BigDecimal.TEN.pow(12)) < 0 ? value.toPlainString() : value.toString();
        return dp.unit().isEmpty() ? number : number + " " + dp.unit();
    }

    private static String typeOf(Object value) {
        return value.getClass().getSimpleName();
    }

    private static String hex(byte[] data) {
        return HexFormat.of().withUpperCase().formatHex(data);
    }
}
