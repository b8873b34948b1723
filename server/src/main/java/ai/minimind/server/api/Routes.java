package ai.minimind.server.api;

import ai.minimind.server.auth.Authenticator;
import ai.minimind.server.clients.Client;
import ai.minimind.server.api.ApiException.PayloadTooLarge;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Every route of api.md, registered in one place. Open: {@code GET /healthz}, {@code POST /api/register} and the
 * static page; everything else goes through {@link #authed}.
 */
public final class Routes {
    /** api.md: JSON bodies over 1 MiB are refused with 413. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** Larger bodies are not drained: the connection is simply closed after the 413. */
    private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;

    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    /** Paths of the routes that need a key (all but the page, its assets, /healthz and POST /api/register). */
    private static final List<String> KEYED_PREFIXES = List.of("/api/", "/train", "/processes", "/stop/", "/delete/",
            "/logs/", "/logfiles", "/logfile-content/", "/delete-logfile/");

    private final Authenticator auth;

    public Routes(Authenticator auth) {
        this.auth = auth;
    }

    /** Wraps a handler so it runs only for a caller with a valid key or token (else 401). */
    public Handler authed(ClientHandler handler) {
        return ctx -> handler.handle(ctx, caller(ctx));
    }

    /** The authenticated caller of this request; throws the 401 {@link ApiException} otherwise. */
    public Client caller(Context ctx) {
        return auth.authenticate(ctx.header("Authorization"), ctx.req().getRemoteAddr());
    }

    /**
     * 413 before anything reads a body announced as over 1 MiB. The rest of the body is read and dropped (up to
     * {@link #MAX_DRAIN_BYTES}) so that a client still sending it also receives the answer, then the connection
     * is closed.
     */
    private static void refuseLargeBodies(Context ctx) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length <= MAX_BODY_BYTES) {
            return;
        }
        if (length <= MAX_DRAIN_BYTES) {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        }
        ctx.header("Connection", "close");
        throw new PayloadTooLarge("request body is larger than 1 MiB");
    }

    /**
     * Javalin answers HEAD on a GET route with 200 without running the route, so a HEAD would skip
     * {@link #authed}: the key is checked here for every path that needs one.
     */
    private void authenticateHead(Context ctx) {
        if (ctx.method() == HandlerType.HEAD && KEYED_PREFIXES.stream().anyMatch(ctx.path()::startsWith)) {
            caller(ctx);
        }
    }

    public void register(JavalinConfig config, ClientsApi clients, JobsApi jobs, LogsApi logs) {
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        RoutesConfig r = config.routes;
        ErrorMapper.register(r);
        r.before(Routes::refuseLargeBodies);
        r.before(this::authenticateHead);
        r.after(ctx -> {
            if (ContentType.JSON.equals(ctx.res().getContentType())) {
                ctx.contentType(JSON_UTF8); // api.md names the charset explicitly
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
