package ai.minimind.server.testing;

import ai.minimind.server.logs.LogReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code DigestDecodedStream FILE}: reads {@link LogReader#decodedStream} of FILE to the end and prints
 * {@code <byte count> <sha-256 hex>} (run in a small-heap JVM to show the stream never holds the file).
 */
public final class DigestDecodedStream {
    private DigestDecodedStream() {
    }

    public static void main(String[] args) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long count = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = LogReader.decodedStream(Path.of(args[0]))) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                count += n;
            }
        }
        System.out.println(count + " " + HexFormat.of().formatHex(sha.digest()));
    }
}
