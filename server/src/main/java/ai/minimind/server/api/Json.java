package ai.minimind.server.api;

import ai.minimind.server.api.ApiException.BadRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The one Jackson setup (snake_case fields, ISO times) for responses and state files, and request bodies. */
public final class Json {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "{...} junk" or two objects in a row is not one JSON document (a request or a state file).
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The request body as a field map: a JSON object, or form fields (values stay strings and are coerced
     * later); a form content type whose body is a JSON object (curl -d) reads as JSON. No body: an empty map.
     */
    public static Map<String, Object> objectBody(Context ctx, ObjectMapper mapper) {
        byte[] body = ctx.bodyAsBytes();
        // The raw header: the servlet's getContentType() throws on an unknown charset= (a client error, not a 500).
        String header = ctx.header("Content-Type");
        String type = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        boolean looksJson = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip()
                .startsWith("{");
        if (!looksJson && type.startsWith("multipart/")) {
            throw new BadRequest("multipart bodies are not accepted; send JSON or application/x-www-form-urlencoded");
        }
        if (!looksJson && type.startsWith("application/x-www-form-urlencoded")) {
            return formFields(ctx);
        }
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            if (!mapper.readTree(body).isObject()) {
                throw new BadRequest("request body must be a JSON object");
            }
            return mapper.readValue(body, OBJECT);
        } catch (IOException e) {
            throw new BadRequest("request body is not valid JSON");
        }
    }

    private static Map<String, Object> formFields(Context ctx) {
        Map<String, Object> form = new LinkedHashMap<>();
        try {
            ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
        } catch (RuntimeException e) {
            // An unknown charset= or a malformed %-escape: the client's fault, not a 500.
            throw new BadRequest("form body could not be read: " + e.getClass().getSimpleName());
        }
        return form;
    }

    /** {@code {"success": true}} plus the given fields, in order. */
    public static Map<String, Object> success(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

}
