package ai.minimind.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error as api.md's JSON {@code {"success": false, "error", "code"}}: our {@link ApiException}s,
 * Javalin's own HTTP errors (413 from the body limit, unmatched routes), and any other exception as a 500 with
 * a request id that is also in the server log, never a stack trace in the body.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> render(ctx, e.status(), e.code(), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                render(ctx, e.getStatus(), codeFor(e.getStatus()), messageFor(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            String requestId = UUID.randomUUID().toString();
            LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
            render(ctx, 500, "internal", "internal server error (request id " + requestId + ")");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                render(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
            }
        });
    }

    static void render(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        body.put("code", code);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(status).json(body);
    }

    static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }

    private static String messageFor(HttpResponseException e) {
        return e.getStatus() == 413 ? "request body is larger than 1 MiB" : e.getMessage();
    }
}
