package ai.minimind.server.api;

import ai.minimind.server.auth.Authenticator;
import ai.minimind.server.api.ApiException.PayloadTooLarge;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Map;

/**
 * Every route of api.md, registered in one place. Open: {@code GET /healthz}, {@code POST /api/register} and the
 * static page; everything else goes through {@link #authed}.
 */
public final class Routes {
    /** api.md: JSON bodies over 1 MiB are refused with 413. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Authenticator auth;

    public Routes(Authenticator auth) {
        this.auth = auth;
    }

    /** Wraps a handler so it runs only for a caller with a valid key or token (else 401). */
    public Handler authed(ClientHandler handler) {
        return ctx -> handler.handle(ctx, auth.authenticate(ctx.header("Authorization"), ctx.req().getRemoteAddr()));
    }

    public void register(JavalinConfig config, ClientsApi clients, JobsApi jobs, LogsApi logs) {
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        RoutesConfig r = config.routes;
        ErrorMapper.register(r);
        r.before(ctx -> {
            long length = ctx.req().getContentLengthLong();
            if (length > MAX_BODY_BYTES) {
                throw new PayloadTooLarge("request body is larger than 1 MiB");
            }
        });
        r.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        r.post("/api/register", clients::register);
        r.get("/api/me", authed(clients::me));
        if (clients.tokensEnabled()) {
            r.post("/api/token", authed(clients::token)); // without SERVER_SECRET the route does not exist: 404
        }
        r.get("/api/train-types", authed(jobs::trainTypes));
        r.post("/api/train/preview", authed(jobs::preview));
        r.post("/train", authed(jobs::train));
        r.get("/processes", authed(jobs::list));
        r.get("/api/processes/{id}", authed(jobs::get));
        r.post("/stop/{id}", authed(jobs::stop));
        r.post("/delete/{id}", authed(jobs::delete));
        r.get("/logs/{id}", authed(logs::tail));
        r.get("/logfiles", authed(logs::list));
        r.get("/logfile-content/<filename>", authed(logs::content));
        r.delete("/delete-logfile/<filename>", authed(logs::delete));
    }
}
