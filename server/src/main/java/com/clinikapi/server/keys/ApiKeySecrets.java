package com.clinikapi.server.keys;

import com.clinikapi.contract.auth.Mode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * New key secrets and ids, and the digest a store keeps instead of the secret.
 *
 * <p>Why plain SHA-256 and not bcrypt/scrypt/Argon2: slow hashes exist to protect low-entropy
 * secrets (passwords) from offline guessing. A key here is 256 bits from {@link SecureRandom}, so
 * guessing one from its digest is as hopeless as breaking SHA-256; a slow hash would add nothing
 * but tens of milliseconds to every cache miss. No pepper either: it would be one more secret that
 * every instance and the CLI must share, for no gain against keys of this entropy. (The dev key
 * {@code clk_test_localdevkey} is public by design.)
 */
public final class ApiKeySecrets {

    /** 32 random bytes, 43 URL-safe characters after the mode prefix. */
    static final int SECRET_BYTES = 32;
    public static final String ID_PREFIX = "key_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private ApiKeySecrets() {
    }

    /** A new secret key of this mode, e.g. {@code clk_test_} followed by 43 URL-safe characters. */
    public static String newSecret(Mode mode) {
        return mode.keyPrefix() + randomText(SECRET_BYTES);
    }

    /** A new key id ({@code key_} + 128 random bits): how operators name a key; not a secret. */
    public static String newId() {
        return ID_PREFIX + randomText(16);
    }

    /** The SHA-256 of a key as 32 bytes: what is compared, in constant time. */
    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@link #digest} as 64 lower-case hex characters: what the database keeps. */
    public static String hexDigest(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    /**
     * Whether a stored hex digest is the digest of the presented key, compared in time independent
     * of where they differ ({@link MessageDigest#isEqual}).
     */
    public static boolean matches(String storedHexDigest, byte[] presentedDigest) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHexDigest);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(stored, presentedDigest);
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return URL_SAFE.encodeToString(random);
    }
}
