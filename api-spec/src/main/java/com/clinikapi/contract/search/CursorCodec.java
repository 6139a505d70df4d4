package com.clinikapi.contract.search;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Encodes cursors as opaque, signed strings ({@code payload.signature}, both base64url) and refuses
 * any cursor it did not issue, or one issued for another order or other filters, with
 * {@code 400 INVALID_PARAMETER}. The HMAC key must be the same on every instance that serves one
 * deployment, so that page two may be served by another instance than page one.
 */
public final class CursorCodec {

    private static final String VERSION = "c1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    static final String NOT_ISSUED = "was not issued by this server for this search";

    private final SecretKeySpec key;

    public CursorCodec(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("cursor secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String encode(SearchCursor cursor) {
        String payload = String.join("|", VERSION, cursor.sort().wire(), cursor.filterFingerprint(),
                Long.toString(cursor.lastKey()), cursor.lastId());
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
    }

    /** The cursor, if this codec issued it for exactly this order and these filters. */
    public SearchCursor decode(String token, SearchSort sort, SearchFilter filter) {
        SearchCursor cursor = parse(token);
        if (cursor.sort() != sort || !cursor.filterFingerprint().equals(filter.fingerprint())) {
            throw invalid();
        }
        return cursor;
    }

    private SearchCursor parse(String token) {
        try {
            int dot = token.indexOf('.');
            if (dot <= 0) {
                throw invalid();
            }
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !ID.matcher(parts[4]).matches()) {
                throw invalid();
            }
            SearchSort sort = SearchSort.fromWire(parts[1]).orElseThrow(CursorCodec::invalid);
            return new SearchCursor(sort, parts[2], Long.parseLong(parts[3]), parts[4]);
        } catch (IllegalArgumentException e) {
            // Bad base64 or a bad number: a cursor we never issued.
            throw invalid();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ApiException invalid() {
        return ApiException.invalidParameter(ValidationIssue.value("cursor", NOT_ISSUED));
    }
}
