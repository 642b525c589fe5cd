package org.echarge.system.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * JSON in and out for the system API. Request bodies are read strictly before anything is acted
 * on: {@code application/json} in UTF-8 (else 415), at most {@link #MAX_BYTES} (else 413), one JSON
 * object with only the record's fields, each once, of the right type, nothing coerced (else 400
 * with the endpoint's error code and the field named).
 */
final class JsonExchange {

    static final int MAX_BYTES = 16 * 1024;
    private static final int SC_PAYLOAD_TOO_LARGE = 413;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // the feature above leaves numbers and booleans into strings alone
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Reads the body as {@code type}; {@code code} is the error code of refusals of its content. */
    <T> T read(HttpServletRequest request, Class<T> type, String code) throws ApiProblem, IOException {
        requireJson(request.getContentType());
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            T value = body.length == 0 ? null : mapper.readValue(body, type);
            if (value == null) {
                throw ApiProblem.badRequest(code, "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest(code, "unknown field '" + path(e) + "'");
        } catch (JsonMappingException e) {
            String field = path(e);
            if (field.isEmpty()) {
                boolean trailing = e.getOriginalMessage().startsWith("Trailing token");
                throw ApiProblem.badRequest(code, trailing ? "malformed JSON: more after the object"
                        : "a JSON object is required");
            }
            throw ApiProblem.badRequest(code, "field '" + field + "' is not of the right type");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(code, "malformed JSON");
        }
    }

    void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        mapper.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static void requireJson(String contentType) throws ApiProblem {
        String[] parts = contentType == null ? new String[] {""} : contentType.toLowerCase(Locale.ROOT).split(";");
        boolean json = parts[0].strip().equals("application/json");
        for (int i = 1; json && i < parts.length; i++) {
            String parameter = parts[i].strip().replace("\"", "");
            json = !parameter.startsWith("charset=") || parameter.equals("charset=utf-8");
        }
        if (!json) {
            throw new ApiProblem(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "the body must be application/json in UTF-8");
        }
    }

    /** The field as a dotted path, e.g. {@code ipv4.dns[1]}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(SC_PAYLOAD_TOO_LARGE, "too-large", "the body must not exceed " + MAX_BYTES + " bytes");
    }
}
