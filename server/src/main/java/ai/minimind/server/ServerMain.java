package ai.minimind.server;

import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.config.ServerConfigParser;
import ai.minimind.server.store.CorruptStateException;
import io.javalin.util.JavalinBindException;
import java.util.Arrays;

/**
 * {@code bin/minimind serve [--host H] [--port P] [--data-dir D] [--datasets D] [--tokenizer D]
 * [--backend builtin|python] [--minimind-home D] [--checkout D] [--python P] [--stop-grace-seconds S]
 * [--engine-command "CMD ..."] [--allow-anonymous]}. Prints exactly one stdout line once it listens; start-up
 * failures are one stderr line and exit code 1 (2 for bad arguments).
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = ServerConfigParser.parse(Arrays.asList(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("minimind serve: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            TrainingServer server = TrainingServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "minimind-shutdown"));
            System.out.println("MiniMind training service listening on " + server.baseUrl());
            System.out.flush();
        } catch (JavalinBindException e) {
            fail("port " + config.port() + " on " + config.host() + " is already in use (or not bindable)");
        } catch (CorruptStateException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("could not start: " + e);
        }
    }

    private static void fail(String message) {
        System.err.println("minimind serve: " + message);
        System.exit(1);
    }
}
