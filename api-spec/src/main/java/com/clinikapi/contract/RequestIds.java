package com.clinikapi.contract;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids: {@code req_} followed by 16 URL-safe random characters. Unique enough to trace, not secret. */
public final class RequestIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RequestIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "req_" + ENCODER.encodeToString(bytes);
    }
}
