package ai.minimind.server.metrics;

import ai.minimind.server.logs.LogReader;
import io.javalin.http.sse.SseClient;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * One open log stream: each {@link #poll} sends the complete lines written since the last one. Lines are
 * batched into events of up to {@link #CHUNK_BYTES}, and one poll sends at most {@link #CHUNKS_PER_POLL} of
 * them, so a job that writes fast is followed in large, few events and one stream cannot hog the poller.
 */
final class LogFollower {
    static final int CHUNK_BYTES = 64 * 1024;
    static final int CHUNKS_PER_POLL = 16;
    /** An idle stream sends a comment this often (in polls), so a vanished client is noticed and released. */
    static final int KEEP_ALIVE_POLLS = 40;

    private final SseClient client;
    private final JobLog log;
    private long offset;
    private int idlePolls;
    private volatile Runnable onDone = () -> { };
    private volatile boolean done;

    LogFollower(SseClient client, JobLog log, long offset) {
        this.client = client;
        this.log = log;
        this.offset = offset;
    }

    void whenDone(Runnable action) {
        onDone = action;
        if (done) {
            action.run();
        }
    }

    /** Runs on the poller thread; never throws, since a scheduled task that throws is silently cancelled. */
    synchronized void poll() {
        if (done) {
            return;
        }
        if (client.terminated()) {
            finish();
            return;
        }
        try {
            // Ask "ended?" before reading: whatever the job wrote before it ended is then already in the file.
            boolean ended = log.ended().getAsBoolean();
            boolean sent = sendNewLines(ended);
            if (ended && !sent) {
                client.sendEvent("end", Map.of("offset", offset), Long.toString(offset));
                client.close();
                finish();
            } else if (!sent && ++idlePolls % KEEP_ALIVE_POLLS == 0) {
                client.sendComment("keep-alive");
            }
        } catch (IOException | RuntimeException e) {
            client.sendEvent("error", Map.of("error", "cannot read the log: " + e.getMessage()));
            client.close();
            finish();
        }
    }

    private boolean sendNewLines(boolean ended) throws IOException {
        if (!Files.exists(log.file())) {
            return false;
        }
        boolean sent = false;
        for (int i = 0; i < CHUNKS_PER_POLL; i++) {
            LogReader.Chunk chunk = LogReader.readFrom(log.file(), offset, CHUNK_BYTES, ended);
            if (chunk.nextOffset() <= offset) {
                break;
            }
            offset = chunk.nextOffset();
            client.sendEvent("log", Map.of("text", chunk.text()), Long.toString(offset));
            sent = true;
            idlePolls = 0;
        }
        return sent;
    }

    private void finish() {
        done = true;
        onDone.run();
    }
}
