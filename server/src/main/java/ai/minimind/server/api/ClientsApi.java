package ai.minimind.server.api;

import ai.minimind.server.api.ApiException.NotFound;
import ai.minimind.server.api.ApiException.ValidationFailed;
import ai.minimind.server.auth.TokenSigner;
import ai.minimind.server.clients.Client;
import ai.minimind.server.clients.ClientService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Registration, {@code /api/me} and short-lived tokens. */
public final class ClientsApi {
    private static final long DEFAULT_TTL = 3600;
    private static final long MAX_TTL = 86_400;

    private final ClientService clients;
    private final Optional<TokenSigner> tokens;
    private final ObjectMapper mapper;

    public ClientsApi(ClientService clients, Optional<TokenSigner> tokens, ObjectMapper mapper) {
        this.clients = clients;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    boolean tokensEnabled() {
        return tokens.isPresent();
    }

    void register(Context ctx) {
        Map<String, Object> body = Json.objectBody(ctx, mapper);
        ClientService.Registration reg = clients.register(body.get("name"), body.get("email"));
        Client c = reg.client();
        ctx.status(201).json(Json.success("client_id", c.clientId(), "api_key", reg.apiKey(), "name", c.name(),
                "email", c.email(), "created_at", c.createdAt()));
    }

    void me(Context ctx, Client client) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("client_id", client.clientId());
        me.put("name", client.name());
        me.put("email", client.email());
        me.put("created_at", client.createdAt());
        ctx.json(me);
    }

    void token(Context ctx, Client client) {
        TokenSigner signer = tokens.orElseThrow(() -> new NotFound("no route POST /api/token"));
        Object ttlValue = Json.objectBody(ctx, mapper).get("ttl");
        long ttl = ttlValue == null ? DEFAULT_TTL : ttl(ttlValue);
        Instant expiresAt = Instant.now().plusSeconds(ttl);
        ctx.json(Json.success("token", signer.sign(client.clientId(), expiresAt), "expires_at",
                expiresAt.atZone(ZoneId.systemDefault()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "expires_in", ttl));
    }

    private static long ttl(Object value) {
        try {
            long ttl = Long.parseLong(value.toString().trim());
            if (ttl >= 1 && ttl <= MAX_TTL) {
                return ttl;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new ValidationFailed("ttl must be an integer number of seconds from 1 to " + MAX_TTL);
    }
}
