package ai.minimind.server.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;

/**
 * Serves the web page (classpath {@code /public}) with a Content-Security-Policy that allows scripts, styles
 * and connections only from the server itself: no inline script, no eval, no foreign origin, no framing. The
 * page renders every log line and server message as text anyway; the policy is the second fence.
 */
public final class WebPage {
    /** {@code img-src data:} only for the empty favicon; {@code blob:} for downloading a log file. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private WebPage() {
    }

    /** Adds the static files with the security headers (call inside {@code Javalin.create}). */
    public static void serveStaticFiles(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-cache");
        });
    }
}
