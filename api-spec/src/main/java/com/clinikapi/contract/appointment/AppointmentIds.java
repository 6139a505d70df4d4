package com.clinikapi.contract.appointment;

import java.security.SecureRandom;
import java.util.Base64;

/** Server-assigned ids: {@code appt_} followed by 20 URL-safe random characters (120 bits). */
public final class AppointmentIds {

    public static final String PREFIX = "appt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private AppointmentIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return PREFIX + ENCODER.encodeToString(bytes);
    }
}
