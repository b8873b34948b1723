package ai.minimind.server.api;

import ai.minimind.server.clients.Client;
import io.javalin.http.Context;

/** A route handler that runs only for an authenticated caller (see {@link Routes#authed}). */
@FunctionalInterface
public interface ClientHandler {
    void handle(Context ctx, Client client) throws Exception;
}
