package ai.minimind.server.auth;

import ai.minimind.server.api.ApiException.Unauthorized;
import ai.minimind.server.clients.Client;
import ai.minimind.server.store.ClientStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves the caller of a request from its {@code Authorization: Bearer} header: an API key (looked up by its
 * hash, then compared in constant time) or, with a server secret, a signed unexpired token. Without a header,
 * anonymous mode serves loopback callers as {@link Client#ANONYMOUS}; a header that is present but invalid is
 * always refused.
 */
public final class Authenticator {
    private final ClientStore clients;
    private final Optional<TokenSigner> tokens;
    private final boolean allowAnonymous;

    public Authenticator(ClientStore clients, Optional<TokenSigner> tokens, boolean allowAnonymous) {
        this.clients = clients;
        this.tokens = tokens;
        this.allowAnonymous = allowAnonymous;
    }

    /** The caller, or 401 naming what is wrong (never echoing the credential). */
    public Client authenticate(String authorization, String remoteAddress) {
        if (authorization == null) {
            if (allowAnonymous && isLoopback(remoteAddress)) {
                return Client.ANONYMOUS;
            }
            throw new Unauthorized("missing Authorization: Bearer <api_key> header");
        }
        String header = authorization.trim();
        if (header.length() < 7 || !header.substring(0, 7).equalsIgnoreCase("bearer ")) {
            throw new Unauthorized("Authorization must use the Bearer scheme");
        }
        String credential = header.substring(7).trim();
        if (credential.isEmpty()) {
            throw new Unauthorized("empty bearer token");
        }
        Optional<Client> client = ApiKeys.hasKeyShape(credential) ? byKey(credential)
                : tokens.flatMap(t -> t.verify(credential, Instant.now())).flatMap(clients::byId);
        return client.orElseThrow(() -> new Unauthorized("invalid or expired API key or token"));
    }

    private Optional<Client> byKey(String key) {
        String hash = ApiKeys.hash(key);
        return clients.byKeyHash(hash).filter(c -> ApiKeys.sameHash(c.apiKeyHash(), hash));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
