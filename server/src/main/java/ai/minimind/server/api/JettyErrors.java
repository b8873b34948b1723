package ai.minimind.server.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a NUL or other illegal character in the URI, a malformed
 * request line), in api.md's JSON error shape instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {

    /** Jetty writes an error body only for GET, POST and HEAD by default; api.md wants JSON for every method. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String body = "{\"success\":false,\"error\":\"malformed request (HTTP " + code + ")\",\"code\":\""
                + ErrorMapper.codeFor(code) + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        // Jetty drops the connection after a bad message; say so, or a client may reuse the dead connection.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
