package com.clinikapi.server.auth;

import io.micronaut.http.HttpMethod;

import java.util.Arrays;
import java.util.Optional;

/** What a key may do. Reads need {@link #APPOINTMENTS_READ}, every change {@link #APPOINTMENTS_WRITE}. */
public enum Scope {
    APPOINTMENTS_READ("appointments:read"),
    APPOINTMENTS_WRITE("appointments:write");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Scope> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value.trim())).findFirst();
    }

    /** The scope a request with this method needs: reads (search, read) or changes (create, update, delete). */
    public static Scope requiredFor(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                ? APPOINTMENTS_READ
                : APPOINTMENTS_WRITE;
    }
}
