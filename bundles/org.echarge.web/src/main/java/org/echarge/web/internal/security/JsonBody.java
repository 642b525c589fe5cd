package org.echarge.web.internal.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a small JSON request body strictly: {@code application/json} (UTF-8) only, at most
 * {@link #MAX_BYTES}, exactly the fields of the target record with the right types. Everything
 * else is an {@link ApiProblem} (413, 415 or 400) before anything is acted on.
 */
final class JsonBody {

    static final int MAX_BYTES = 16 * 1024;
    private static final int SC_PAYLOAD_TOO_LARGE = 413;

    private final ObjectMapper mapper = StrictJson.mapper();

    <T> T read(HttpServletRequest request, Class<T> type) throws ApiProblem, IOException {
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
        if (body.length == 0) {
            throw badRequest("a JSON object is required");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw badRequest("a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw badRequest("unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = field(e);
            throw badRequest(field.isEmpty() ? "a JSON object is required"
                    : "field '" + field + "' is missing or not of the right type");
        } catch (JsonProcessingException e) {
            throw badRequest("malformed JSON");
        }
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

    /** The field the problem is about: from the path, or named by a missing-property message. */
    private static String field(MismatchedInputException e) {
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                return reference.getFieldName();
            }
        }
        String message = e.getOriginalMessage();
        int open = message.indexOf('\'');
        int close = message.indexOf('\'', open + 1);
        return message.startsWith("Missing") && open >= 0 && close > open ? message.substring(open + 1, close) : "";
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(SC_PAYLOAD_TOO_LARGE, "too-large", "the body must not exceed " + MAX_BYTES + " bytes");
    }

    private static ApiProblem badRequest(String message) {
        return new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "bad-request", message);
    }
}
