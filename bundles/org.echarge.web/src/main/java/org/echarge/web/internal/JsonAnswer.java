package org.echarge.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON answer of the console API: status, UTF-8 JSON body. */
final class JsonAnswer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAnswer() {
    }

    static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body);
    }
}
