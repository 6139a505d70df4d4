package com.clinikapi.contract.search;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Encodes cursors as opaque, signed strings ({@code payload.mac}, both base64url) and refuses, with
 * {@code 400 INVALID_PARAMETER} on {@code cursor}, any cursor it did not issue for this very search
 * or that is older than {@link #LIFETIME}.
 *
 * <p>The payload holds only what paging needs: a version tag, when the cursor was issued and the
 * sort key position of the last row served. The MAC (HMAC-SHA256) covers the payload and the
 * {@link SearchContext} (tenant, mode, filters, order), which is not transmitted: presented by
 * another tenant or mode, or with other filters or another order, the MAC no longer matches.
 * The HMAC key must be the same on every instance that serves one deployment, so that page two may
 * be served by another instance than page one.
 */
public final class CursorCodec {

    /** How long a cursor may be used after it was issued. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    private static final String VERSION = "c2";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    static final String NOT_ISSUED = "was not issued by this server for this search";
    /**
     * The constraint of a cursor used after its {@link #LIFETIME}: a correct client meets it in normal
     * operation (a search resumed the next day), unlike a cursor it made up.
     */
    public static final String EXPIRED = "has expired; start the search again from the first page";

    private final SecretKeySpec key;
    private final Clock clock;

    public CursorCodec(byte[] secret, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("cursor secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** A cursor valid for {@link #LIFETIME} from now, for this context only. */
    public String encode(SearchCursor cursor, SearchContext context) {
        String payload = String.join("|", VERSION, Long.toString(clock.instant().getEpochSecond()),
                Long.toString(cursor.lastKey()), cursor.lastId());
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(payloadBytes, context));
    }

    /** The cursor, if this codec issued it for exactly this context and it has not expired. */
    public SearchCursor decode(String token, SearchContext context) {
        try {
            int dot = token.indexOf('.');
            if (dot <= 0) {
                throw notIssued();
            }
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] mac = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(payload, context))) {
                throw notIssued();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || !ID.matcher(parts[3]).matches()) {
                throw notIssued();
            }
            Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!clock.instant().isBefore(issuedAt.plus(LIFETIME))) {
                throw ApiException.invalidParameter(ValidationIssue.value("cursor", EXPIRED));
            }
            return new SearchCursor(Long.parseLong(parts[2]), parts[3]);
        } catch (IllegalArgumentException | DateTimeException e) {
            // Bad base64, or a payload that does not parse: a cursor we never issued.
            throw notIssued();
        }
    }

    /** HMAC-SHA256 over the payload, length-prefixed, followed by the context's canonical bytes. */
    private byte[] mac(byte[] payload, SearchContext context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(payload.length).array());
            mac.update(payload);
            return mac.doFinal(context.canonical());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ApiException notIssued() {
        return ApiException.invalidParameter(ValidationIssue.value("cursor", NOT_ISSUED));
    }
}
