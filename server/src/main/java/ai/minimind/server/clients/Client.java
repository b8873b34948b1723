package ai.minimind.server.clients;

/**
 * A registered client as stored in {@code clients.json}: never the key itself, only its SHA-256.
 * {@code createdAt} is ISO-8601 with offset.
 */
public record Client(String clientId, String name, String email, String apiKeyHash, String createdAt) {
    /** The client that header-less loopback requests act as when anonymous access is on; never stored. */
    public static final Client ANONYMOUS = new Client("anonymous", "anonymous", null, null, null);
}
