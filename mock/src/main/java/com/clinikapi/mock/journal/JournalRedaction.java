package com.clinikapi.mock.journal;

import com.clinikapi.contract.ApiHeaders;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the request journal keeps of a request: whoever reads it ({@code /__admin/requests},
 * {@code verify}, a partner's own log) must not learn a key that opens someone's sandbox, nor hold
 * whole bodies. The {@code x-api-key} header is kept as a fingerprint ({@link #journalKey}): the
 * same key always gives the same one, so a test can still count its own requests, and the key
 * cannot be read back from it. {@code Authorization} is kept as {@value #REDACTED}; a body, as its
 * first {@link #MAX_BODY_BYTES} bytes.
 */
public final class JournalRedaction {

    /** The part of a body the journal keeps: more than any appointment a client sends. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final String REDACTED = "redacted";
    private static final String AUTHORIZATION = "authorization";
    private static final int FINGERPRINT_HEX_DIGITS = 8;

    private JournalRedaction() {
    }

    /**
     * What the journal keeps in place of {@code apiKey}: {@code redacted:} and the first 8 hex digits
     * of its SHA-256, e.g. for {@code verify(postRequestedFor(…).withHeader("x-api-key",
     * equalTo(journalKey(key))))}.
     */
    public static String journalKey(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return REDACTED + ":" + HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The event with its request as the journal may keep it. */
    static ServeEvent redact(ServeEvent event) {
        return event.replaceRequest(new RedactedRequest(event.getRequest()));
    }

    /** A request's headers with the key as its fingerprint and no authorization value. */
    static HttpHeaders redact(HttpHeaders headers) {
        return new HttpHeaders(headers.all().stream()
                .map(header -> switch (header.key().toLowerCase(Locale.ROOT)) {
                    case ApiHeaders.API_KEY -> new HttpHeader(header.key(),
                            header.values().stream().map(JournalRedaction::journalKey).toList());
                    case AUTHORIZATION -> new HttpHeader(header.key(), List.of(REDACTED));
                    default -> header;
                })
                .toList());
    }

    /** The first {@link #MAX_BODY_BYTES} bytes of a body. */
    static byte[] bounded(byte[] body) {
        return body == null || body.length <= MAX_BODY_BYTES ? body : Arrays.copyOf(body, MAX_BODY_BYTES);
    }
}
