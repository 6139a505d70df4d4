package com.clinikapi.contract.idempotency;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} contract (IETF draft-ietf-httpapi-idempotency-key-header), shared by
 * the server and the mock so that both accept the same keys, keep them as long and tell the same
 * request from a different one the same way:
 * <ul>
 *   <li>a key is 1 to 255 visible ASCII characters (a UUID is a good choice), scoped to the caller's
 *       tenant and mode;</li>
 *   <li>a request's {@link #fingerprint} covers its method, path, {@code If-Match} and body bytes;</li>
 *   <li>the outcome of a successful request is kept for {@link #RETENTION}; a repeat with the same
 *       key and fingerprint replays it, with another fingerprint it is refused
 *       ({@link #keyReused()});</li>
 *   <li>deleting an appointment discards the stored outcomes that carried it (they hold patient data)
 *       but keeps their keys until their retention ends: a repeat is {@link #resourceDeleted()}, never
 *       performed again.</li>
 * </ul>
 * Keys are never logged nor stored in clear: storage keeps {@link #digest} of them.
 */
public final class IdempotencyKeys {

    /** How long a key is remembered after the request that used it succeeded. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** The spec's pattern for the header's value. */
    public static final String PATTERN = "^[\\x21-\\x7E]{1,255}$";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private IdempotencyKeys() {
    }

    /**
     * The key a request carries, if any.
     *
     * @throws ApiException 400 {@code INVALID_PARAMETER} naming the header when the value breaks {@link #PATTERN}
     */
    public static Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!VALID.matcher(header).matches()) {
            throw ApiException.invalidParameter(malformedKey());
        }
        return Optional.of(header);
    }

    /** The issue of a key that breaks {@link #PATTERN}, worded without the key. */
    public static ValidationIssue malformedKey() {
        return ValidationIssue.value(ApiHeaders.IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
    }

    /** What storage keeps instead of the key: its SHA-256, base64url (43 characters). */
    public static String digest(String key) {
        return BASE64.encodeToString(sha256().digest(key.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Identifies what a request asks for, so that a repeat can be told from a different request
     * reusing the key. The body counts byte for byte: a retry sends the same bytes.
     *
     * @param method  e.g. {@code POST}
     * @param path    the request path without the query, e.g. {@code /v1/appointments}
     * @param ifMatch the {@code If-Match} header, or null
     * @param body    the body bytes, or null
     */
    public static String fingerprint(String method, String path, String ifMatch, byte[] body) {
        MessageDigest sha = sha256();
        update(sha, method);
        update(sha, path);
        update(sha, ifMatch == null ? "" : ifMatch.strip());
        sha.update(body == null ? new byte[0] : body);
        return BASE64.encodeToString(sha.digest());
    }

    /** 422 {@code IDEMPOTENCY_KEY_REUSED}: the key was used for a different request. */
    public static ApiException keyReused() {
        return new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, List.of(ValidationIssue.value(
                ApiHeaders.IDEMPOTENCY_KEY, "was already used for a different request; use a new key")));
    }

    /**
     * 410 {@code IDEMPOTENT_RESOURCE_DELETED}: the request with this key was completed, and the
     * appointment it made or changed has since been deleted along with the stored outcome.
     */
    public static ApiException resourceDeleted() {
        return new ApiException(ErrorCode.IDEMPOTENT_RESOURCE_DELETED, List.of(ValidationIssue.value(
                ApiHeaders.IDEMPOTENCY_KEY, "was used by a request whose appointment has since been deleted; use a new key")));
    }

    /** 409 {@code IDEMPOTENCY_IN_PROGRESS}: the first request with this key has not finished yet. */
    public static ApiException inProgress() {
        return new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, List.of(ValidationIssue.value(
                ApiHeaders.IDEMPOTENCY_KEY, "is in use by a request still being processed; retry later")));
    }

    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
