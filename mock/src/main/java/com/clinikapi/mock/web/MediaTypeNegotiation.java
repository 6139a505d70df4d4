package com.clinikapi.mock.web;

import java.util.List;
import java.util.Locale;

/**
 * Picks the media type of a response among those the spec documents for it: the first one the
 * client's {@code Accept} names (so the TypeScript client's {@code application/fhir+json} is
 * answered in kind), else the spec's first, {@code application/json}.
 */
final class MediaTypeNegotiation {

    static final String JSON = "application/json";

    private MediaTypeNegotiation() {
    }

    static String choose(String acceptHeader, List<String> offered) {
        if (offered.isEmpty()) {
            return JSON;
        }
        if (acceptHeader != null) {
            for (String range : acceptHeader.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                if (isRefused(parts)) {
                    continue;
                }
                if (offered.contains(type)) {
                    return type;
                }
                if ("*/*".equals(type) || "application/*".equals(type)) {
                    return offered.get(0);
                }
            }
        }
        return offered.get(0);
    }

    private static boolean isRefused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim().replace(" ", "");
            if (parameter.equals("q=0") || parameter.matches("q=0\\.0{0,3}")) {
                return true;
            }
        }
        return false;
    }
}
