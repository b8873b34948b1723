package ai.minimind.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived bearer tokens {@code mmt.<payload>.<signature>}: payload = base64url("clientId:expiryEpochSeconds"),
 * signature = base64url(HMAC-SHA256(secret, payload)). Verification recomputes the MAC and compares in constant
 * time before it trusts any part of the payload.
 */
public final class TokenSigner {
    private static final String PREFIX = "mmt.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public TokenSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(String clientId, Instant expiresAt) {
        String payload = B64.encodeToString((clientId + ":" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return PREFIX + payload + "." + B64.encodeToString(mac(payload));
    }

    /** The client id of a well-formed, correctly signed token that has not expired at {@code now}. */
    public Optional<String> verify(String token, Instant now) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[1]);
            if (!MessageDigest.isEqual(given, mac(parts[0]))) {
                return Optional.empty();
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            int colon = payload.lastIndexOf(':');
            long expiry = Long.parseLong(payload.substring(colon + 1));
            return now.getEpochSecond() < expiry ? Optional.of(payload.substring(0, colon)) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
