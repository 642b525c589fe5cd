package org.echarge.system.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request answered with an error {@code {"error": code, "message": text}}, the format of every
 * console API: the code is stable (pages switch on it), the message is for people.
 */
final class ApiProblem extends Exception {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiProblem badRequest(String code, String message) {
        return new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, code, message);
    }

    /** 405 for the request's method, with {@code Allow} set on the response. */
    static ApiProblem methodNotAllowed(HttpServletRequest request, HttpServletResponse response, String allow) {
        response.setHeader("Allow", allow);
        return new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                request.getMethod() + " is not allowed here");
    }

    /** For servlets without a body to read: sends the 405 and returns true unless the request uses {@code method}. */
    static boolean refusedUnless(HttpServletRequest request, HttpServletResponse response, String method)
            throws IOException {
        if (request.getMethod().equals(method)) {
            return false;
        }
        methodNotAllowed(request, response, method).send(response);
        return true;
    }

    static void requireMethod(HttpServletRequest request, HttpServletResponse response, String method)
            throws ApiProblem {
        if (!request.getMethod().equals(method)) {
            throw methodNotAllowed(request, response, method);
        }
    }

    static ApiProblem notAvailable(String message) {
        return new ApiProblem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not-available", message);
    }

    void send(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(),
                JSON.createObjectNode().put("error", code).put("message", getMessage()));
    }
}
