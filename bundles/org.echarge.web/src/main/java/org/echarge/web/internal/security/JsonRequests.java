package org.echarge.web.internal.security;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;

/** The strict JSON body reading of the console API, for the servlets outside this package. */
public final class JsonRequests {

    private static final JsonBody BODY = new JsonBody();

    private JsonRequests() {
    }

    /** Exactly the fields of {@code type}, with the right types, within the size limit; else a 4xx problem. */
    public static <T> T read(HttpServletRequest request, Class<T> type) throws ApiProblem, IOException {
        return BODY.read(request, type);
    }
}
