package ai.minimind.server.clients;

import ai.minimind.server.api.ApiException.Conflict;
import ai.minimind.server.api.ApiException.ValidationFailed;
import ai.minimind.server.auth.ApiKeys;
import ai.minimind.server.store.ClientStore;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Registration: validates name and email, issues a key, stores only its hash. */
public final class ClientService {
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientStore store;

    public ClientService(ClientStore store) {
        this.store = store;
    }

    /** A new client and the only copy of its plain key. */
    public record Registration(Client client, String apiKey) {
    }

    public Registration register(Object rawName, Object rawEmail) {
        String name = requireText("name", rawName).trim();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 64) {
            throw new ValidationFailed("name must be 1 to 64 characters after trimming");
        }
        if (CONTROL.matcher(name).find()) {
            throw new ValidationFailed("name must not contain control characters");
        }
        String email = requireText("email", rawEmail).trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new ValidationFailed("email must be a plausible address like name@example.org (at most 254 chars)");
        }
        String key = ApiKeys.newKey();
        String createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Client client = new Client(newClientId(), name, email, ApiKeys.hash(key), createdAt);
        if (!store.addIfEmailFree(client)) {
            throw new Conflict("email '" + email + "' is already registered");
        }
        return new Registration(client, key);
    }

    private static String requireText(String field, Object value) {
        if (!(value instanceof String text)) {
            throw new ValidationFailed(field + " is required and must be a string");
        }
        return text;
    }

    /** {@code c_} + 16 hex characters: safe as a folder name and never guessable from the email. */
    private static String newClientId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "c_" + HexFormat.of().formatHex(bytes);
    }
}
