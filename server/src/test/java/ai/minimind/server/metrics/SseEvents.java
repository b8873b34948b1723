package ai.minimind.server.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal server-sent-events reader for tests: opens a stream and reads events as they arrive. */
final class SseEvents implements AutoCloseable {
    record Event(String name, String data, String id) {
    }

    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    private SseEvents(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    static SseEvents open(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseEvents(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    /** The next event, or null when the stream closed. */
    Event next() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        boolean any = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (any) {
                    return new Event(name, data.toString(), id);
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            any = true;
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
        return any ? new Event(name, data.toString(), id) : null;
    }

    /** Events up to and including the first one that matches {@code last} (or until the stream closes). */
    List<Event> until(Predicate<Event> last) {
        List<Event> events = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) {
            events.add(e);
            if (last.test(e)) {
                break;
            }
        }
        return events;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
