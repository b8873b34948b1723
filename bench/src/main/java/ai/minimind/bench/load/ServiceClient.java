package ai.minimind.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The routes of api.md the benchmark uses, over one shared {@link HttpClient} (HTTP/1.1, keep-alive pool). Every
 * call returns the status, the body and its own duration (send to last body byte); unexpected statuses fail with
 * the route and the server's error body.
 */
final class ServiceClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One answered request. */
    record Reply(int status, String body, long nanos) {
    }

    /** A registered client: its id and the API key it authenticates with. */
    record Account(String clientId, String apiKey) {
    }

    /** The fields of a {@code GET /processes} item the benchmark reads. */
    record Job(String id, String state) {
        boolean active() {
            return state.equals("queued") || state.equals("running");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    ServiceClient(URI base) {
        this.base = base;
    }

    Account register(String name, String email) {
        Reply reply = send("POST", "/api/register", null, Map.of("name", name, "email", email));
        Map<String, Object> body = parse(expect(201, "POST /api/register", reply).body(), new TypeReference<>() {
        });
        return new Account((String) body.get("client_id"), (String) body.get("api_key"));
    }

    /** {@code POST /train} with the reply, whose body holds the process id (see {@link #processId}). */
    Reply train(Account who, Map<String, Object> request) {
        return expect(200, "POST /train", send("POST", "/train", who, request));
    }

    String processId(Reply trainReply) {
        Map<String, Object> body = parse(trainReply.body(), new TypeReference<>() {
        });
        return (String) body.get("process_id");
    }

    Reply processes(Account who) {
        return expect(200, "GET /processes", send("GET", "/processes", who, null));
    }

    List<Job> jobs(Reply processesReply) {
        List<Map<String, Object>> items = parse(processesReply.body(), new TypeReference<>() {
        });
        return items.stream().map(i -> new Job((String) i.get("id"), (String) i.get("state"))).toList();
    }

    /** {@code GET /api/processes/<id>}: the job's current state. */
    String state(Account who, String id) {
        Map<String, Object> body = parse(expect(200, "GET /api/processes/" + id,
                send("GET", "/api/processes/" + id, who, null)).body(), new TypeReference<>() {
        });
        return (String) body.get("state");
    }

    Reply logs(Account who, String id, int lines) {
        return expect(200, "GET /logs/" + id, send("GET", "/logs/" + id + "?lines=" + lines, who, null));
    }

    Reply logs(Account who, String id) {
        return expect(200, "GET /logs/" + id, send("GET", "/logs/" + id, who, null));
    }

    /** {@code POST /stop/<id>}; 409 (it had already finished) is an answer too. */
    Reply stop(Account who, String id) {
        Reply reply = send("POST", "/stop/" + id, who, Map.of());
        return reply.status() == 409 ? reply : expect(200, "POST /stop/" + id, reply);
    }

    Reply delete(Account who, String id) {
        return expect(200, "POST /delete/" + id, send("POST", "/delete/" + id, who, Map.of()));
    }

    private Reply send(String method, String path, Account who, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (who != null) {
            request.header("Authorization", "Bearer " + who.apiKey());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static Reply expect(int status, String route, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException(route + " answered " + reply.status() + " (expected " + status + "): "
                    + reply.body());
        }
        return reply;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not JSON-serialisable", e);
        }
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server answered something that is not the expected JSON: "
                    + text, e);
        }
    }
}
