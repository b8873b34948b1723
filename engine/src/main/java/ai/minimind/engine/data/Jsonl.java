package ai.minimind.engine.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Streams a JSON Lines file one record at a time, strictly: every line must be valid UTF-8, hold exactly one JSON
 * value and contain no lone UTF-16 surrogate (a {@code \ud800} escape without its pair). Blank lines are errors,
 * as in MiniMind, whose {@code json.loads(line.strip())} fails on them. A UTF-8 byte order mark on line 1 and CRLF
 * line ends are accepted. Errors are {@link DataFormatException}s naming the file and the 1-based line.
 */
final class Jsonl {
    /** Receives each parsed record with its 1-based line number. */
    @FunctionalInterface
    interface RecordHandler {
        void accept(long line, JsonNode record);
    }

    private Jsonl() {
    }

    /** Calls {@code handler} for every line; returns the number of records; throws if there are none. */
    static long forEach(Path file, RecordHandler handler) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (!Files.isRegularFile(file)) {
            // Files.newInputStream's exception says only the path; a user needs to know what is wrong with it.
            throw new NoSuchFileException(file.toString(), null, Files.isDirectory(file)
                    ? "is a folder, not a .jsonl data file" : "no such data file (check --data_path)");
        }
        long line = 0;
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            // Splitting on the byte 0x0A is safe: it never occurs inside a multi-byte UTF-8 sequence.
            while (lines.next()) {
                line++;
                String text = decode(file, line, lines.bytes(), lines.length(), utf8);
                handler.accept(line, parse(file, line, text));
            }
        }
        if (line == 0) {
            throw new DataFormatException(file, "no records: the file is empty");
        }
        return line;
    }

    private static String decode(Path file, long line, byte[] raw, int rawLength, CharsetDecoder utf8) {
        int length = rawLength > 0 && raw[rawLength - 1] == '\r' ? rawLength - 1 : rawLength;
        int start = line == 1 && startsWithBom(raw, length) ? 3 : 0;
        try {
            return utf8.reset().decode(ByteBuffer.wrap(raw, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, line, "invalid UTF-8 byte sequence near byte "
                    + firstBadByte(raw, start, length) + " of the line");
        }
    }

    private static boolean startsWithBom(byte[] raw, int length) {
        return length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF;
    }

    /** 1-based offset of the first byte the strict decoder rejects (for the error message). */
    private static int firstBadByte(byte[] raw, int start, int end) {
        CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, start, end - start);
        CharBuffer out = CharBuffer.allocate(end - start + 1);
        probe.decode(in, out, true);
        return in.position() + 1;
    }

    private static JsonNode parse(Path file, long line, String text) {
        if (text.isBlank()) {
            throw new DataFormatException(file, line, "blank line (every line must hold one JSON object)");
        }
        JsonNode node;
        try {
            node = PyJson.parse(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String column = at == null ? "" : " at column " + at.getColumnNr();
            throw new DataFormatException(file, line, "invalid JSON" + column + ": " + e.getOriginalMessage());
        }
        String surrogate = findLoneSurrogate(node);
        if (surrogate != null) {
            throw new DataFormatException(file, line, "lone UTF-16 surrogate " + surrogate
                    + " in a string (an escape like \\ud800 without its pair is not valid Unicode text)");
        }
        return node;
    }

    /** The first lone surrogate in any key or string value, as {@code \\uXXXX}, or null. */
    private static String findLoneSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return loneSurrogate(node.textValue());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String found = loneSurrogate(field.getKey());
            if (found == null) {
                found = findLoneSurrogate(field.getValue());
            }
            if (found != null) {
                return found;
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                String found = findLoneSurrogate(item);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("\\u%04x", (int) c);
            }
        }
        return null;
    }
}
