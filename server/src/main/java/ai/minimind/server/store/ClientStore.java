package ai.minimind.server.store;

import ai.minimind.server.clients.Client;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code clients.json}: a JSON array of {@link Client}s. Reads are served from memory; every mutation holds the
 * store's lock and rewrites the file atomically before it returns.
 */
public final class ClientStore {
    private final JsonFile<List<Client>> file;
    private final Map<String, Client> byId = new HashMap<>();
    private final Map<String, Client> byKeyHash = new HashMap<>();
    private final Map<String, Client> byEmail = new HashMap<>();
    private final List<Client> ordered = new ArrayList<>();

    public ClientStore(Path path, ObjectMapper mapper) {
        JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, Client.class);
        this.file = new JsonFile<>(path, mapper, type, clients -> clients.forEach(ClientStore::requireComplete));
        file.read().ifPresent(clients -> clients.forEach(this::index));
    }

    /** Adds the client unless its email is taken; returns false (and stores nothing) when it is. */
    public synchronized boolean addIfEmailFree(Client client) {
        if (byEmail.containsKey(client.email())) {
            return false;
        }
        index(client);
        file.write(List.copyOf(ordered));
        return true;
    }

    public synchronized Optional<Client> byId(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    /** Lookup by the key's hash; the caller still compares the hashes in constant time. */
    public synchronized Optional<Client> byKeyHash(String hash) {
        return Optional.ofNullable(byKeyHash.get(hash));
    }

    private static void requireComplete(Client client) {
        if (client.clientId() == null || client.apiKeyHash() == null || client.email() == null) {
            throw new IllegalArgumentException("client entry without client_id, email or api_key_hash");
        }
    }

    private void index(Client client) {
        ordered.add(client);
        byId.put(client.clientId(), client);
        byKeyHash.put(client.apiKeyHash(), client);
        byEmail.put(client.email(), client);
    }
}
