package ai.minimind.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API keys: {@code mm-} + base64url (no padding) of 32 CSPRNG bytes. Only their lowercase hex SHA-256 is ever
 * stored; presented keys are hashed and compared in constant time.
 */
public final class ApiKeys {
    /** 32 bytes encode to exactly 43 base64url characters without padding. */
    private static final Pattern SHAPE = Pattern.compile("mm-[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "mm-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the text has the shape of a key this service issues (says nothing about validity). */
    public static boolean hasKeyShape(String text) {
        return SHAPE.matcher(text).matches();
    }

    /** Lowercase hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of two hex hashes (the time does not depend on where they first differ). */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
