package ai.minimind.server;

import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.config.ServerConfigParser;
import ai.minimind.server.store.CorruptStateException;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * {@code bin/minimind serve [--host H] [--port P] [--data-dir D] [--datasets D] [--tokenizer D]
 * [--backend builtin|python] [--minimind-home D] [--checkout D] [--python P] [--max-running-jobs N]
 * [--stop-grace-seconds S] [--engine-command "CMD ..."] [--allow-anonymous]}. Prints exactly one stdout line once
 * it listens; start-up failures are one stderr line and exit code 1 (2 for bad arguments).
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
        if (!bindable(config.host(), config.port())) {
            fail("port " + config.port() + " on " + config.host() + " is already in use (or not bindable)");
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

    /**
     * Tries the address before Jetty does, so a taken port is reported as one line instead of Javalin's error log;
     * the bind exception below still covers the rare race with another process.
     */
    private static boolean bindable(String host, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fail(String message) {
        System.err.println("minimind serve: " + message);
        System.exit(1);
    }
}
