package ai.minimind.server.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one log line: strict UTF-8 if the bytes are valid UTF-8, else strict GBK if they are valid GBK
 * (MiniMind runs on Chinese Windows/conda setups that print in the ANSI code page), else UTF-8 with U+FFFD
 * for the bad bytes. Never throws on content. Not thread-safe: one instance per reader.
 *
 * <p>Splitting on {@code '\n'} before decoding is safe for both encodings: no byte of a UTF-8 or GBK
 * multi-byte character is below 0x40, so a newline byte is always a real newline.
 */
final class LineDecoder {
    private static final Charset GBK = Charset.forName("GBK");

    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private final CharsetDecoder gbk = strict(GBK);

    /** The text of {@code bytes[from, to)}; a trailing {@code '\r'} (CRLF line end) is not part of it. */
    String decode(byte[] bytes, int from, int to) {
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        // Fast path: the JDK's lenient UTF-8 decoding only yields U+FFFD for malformed input (or a real U+FFFD,
        // which the strict path below then sorts out), so without one the bytes were valid UTF-8.
        String lenient = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        String text = tryDecode(utf8, bytes, from, to);
        if (text == null) {
            text = tryDecode(gbk, bytes, from, to);
        }
        return text != null ? text : lenient;
    }

    private static String tryDecode(CharsetDecoder decoder, byte[] bytes, int from, int to) {
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The largest {@code cut <= to} that does not split a UTF-8 sequence: steps back over continuation bytes
     * (10xxxxxx) to the lead byte when that lead's sequence would not fit before {@code to}. Used only where
     * a line must be cut for size; falls back to {@code to} when no boundary is within 3 bytes.
     */
    static int utf8Boundary(byte[] bytes, int from, int to) {
        for (int back = 1; back <= 4 && to - back >= from; back++) {
            int b = bytes[to - back] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? to - back : to;
            }
        }
        return to;
    }

    /** The first index {@code >= from} that is not a UTF-8 continuation byte, at most 3 bytes on. */
    static int skipContinuation(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && i - from < 3 && (bytes[i] & 0xC0) == 0x80) {
            i++;
        }
        return i;
    }
}
