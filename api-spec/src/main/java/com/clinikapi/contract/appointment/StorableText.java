package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ValidationIssue;

import java.util.Optional;

/**
 * Text an appointment can store exactly as it was sent. JSON strings may carry NUL ({@code \u0000})
 * and unpaired surrogates ({@code \ud800} alone), but PostgreSQL refuses the first (the request
 * would fail with a 500) and UTF-8 cannot encode the second (the text would be stored with a
 * {@code ?} in its place, while the 201 echoed what was sent). Such text is refused with
 * {@code 422 VALIDATION_ERROR} on every database, by the service and the mock alike.
 */
public final class StorableText {

    static final String CONSTRAINT = "must not contain NUL (U+0000) or unpaired surrogate characters";

    private StorableText() {
    }

    /** The issue for {@code field} if {@code text} cannot be stored as sent. */
    public static Optional<ValidationIssue> check(String field, String text) {
        return isStorable(text) ? Optional.empty() : Optional.of(ValidationIssue.value(field, CONSTRAINT));
    }

    static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
