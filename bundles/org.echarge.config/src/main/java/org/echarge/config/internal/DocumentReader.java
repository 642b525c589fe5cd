package org.echarge.config.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a configuration document strictly, before anything is acted on: at most {@link #MAX_BYTES},
 * exactly the document's fields (each once, all present; pid, factoryPid and name may be null),
 * text where text belongs, nothing after the document. Property values are read as JSON gives them
 * (the metatype check types them).
 */
final class DocumentReader {

    /** A document of 250 points is about 400 KiB. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /**
     * A body up to this size is read to its end before the 413, so that the client, still sending,
     * gets the answer instead of a connection the server closed on it; a larger one is cut off.
     */
    static final long DRAIN_BYTES = 8L * MAX_BYTES;

    /** The body's bytes, or 413 when there are more than {@link #MAX_BYTES}. */
    static byte[] body(InputStream in, long declaredLength) throws IOException, ApiError {
        if (declaredLength > MAX_BYTES) {
            if (declaredLength <= DRAIN_BYTES) {
                in.skipNBytes(declaredLength);
            }
            throw tooLarge();
        }
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            in.skip(DRAIN_BYTES); // as far as it goes
            throw tooLarge();
        }
        return body;
    }

    ConfigDocument read(byte[] body) throws ApiError {
        if (body.length == 0) {
            throw ApiError.badRequest("a configuration document (JSON) is required");
        }
        ConfigDocument document;
        try {
            document = mapper.readValue(body, ConfigDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.badRequest("unknown field '" + e.getPropertyName() + "'" + where(e));
        } catch (MismatchedInputException e) {
            throw ApiError.badRequest("field '" + field(e) + "' is missing or not of the right type" + where(e));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("unreadable body: " + e.getMessage());
        }
        if (document == null || document.configurations() == null) {
            throw ApiError.badRequest("field 'configurations' is required");
        }
        if (!ConfigDocument.FORMAT.equals(document.format())) {
            throw ApiError.badRequest("field 'format' must be '" + ConfigDocument.FORMAT + "'");
        }
        if (document.applicationVersion() == null || !ConfigurationService.wellFormedVersion(document.applicationVersion())) {
            throw ApiError.badRequest("field 'applicationVersion' must be major.minor.patch, e.g. 0.1.0");
        }
        for (int i = 0; i < document.configurations().size(); i++) {
            if (document.configurations().get(i) == null) {
                throw ApiError.badRequest("configuration " + (i + 1) + " is null");
            }
        }
        return document;
    }

    private static String field(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.length() == 0) {
            String message = e.getOriginalMessage();
            int open = message.indexOf('\'');
            int close = message.indexOf('\'', open + 1);
            return message.startsWith("Missing") && open >= 0 && close > open ? message.substring(open + 1, close)
                    : "(document)";
        }
        return path.toString();
    }

    private static String where(JsonMappingException e) {
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                return " (configuration " + (reference.getIndex() + 1) + ")";
            }
        }
        return "";
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "too-large", "the document must not exceed " + MAX_BYTES + " bytes");
    }
}
