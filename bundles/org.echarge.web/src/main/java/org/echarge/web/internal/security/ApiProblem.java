package org.echarge.web.internal.security;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An API request that is answered with an error: {@code {"error": code, "message": text}} and the
 * status. Codes are stable (the console's pages switch on them), messages are for people.
 */
public final class ApiProblem extends Exception {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiProblem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiProblem(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public void send(HttpServletResponse response) throws IOException {
        headers.forEach(response::setHeader);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        ObjectNode body = JSON.createObjectNode().put("error", code).put("message", getMessage());
        JSON.writeValue(response.getOutputStream(), body);
    }

    public static ApiProblem unauthenticated() {
        return new ApiProblem(HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "log in first");
    }
}
