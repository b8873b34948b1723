package ai.minimind.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GPT-2 byte-level pre-tokenizer of MiniMind's {@code tokenizer.json} ({@code ByteLevel}, add_prefix_space false,
 * use_regex true): split text with GPT-2's regex, then spell each piece's UTF-8 bytes with one printable character
 * per byte (the {@code bytes_to_unicode} map), so BPE works on a 256-symbol alphabet and never meets an unknown.
 */
final class ByteLevel {
    /**
     * GPT-2's split regex. UNICODE_CHARACTER_CLASS makes {@code \s} Unicode white space, as in the Rust regex the
     * Hugging Face tokenizers use.
     */
    private static final Pattern SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final char[] BYTE_TO_CHAR = byteToChar();

    private ByteLevel() {
    }

    /**
     * GPT-2's {@code bytes_to_unicode}: the printable Latin-1 bytes ('!'..'~', '¡'..'¬', '®'..'ÿ') map to
     * themselves; the other 68 bytes map, in order, to U+0100, U+0101, ...
     */
    private static char[] byteToChar() {
        char[] map = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = 0; b < 256; b++) {
            printable[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        }
        int next = 256;
        for (int b = 0; b < 256; b++) {
            map[b] = printable[b] ? (char) b : (char) next++;
        }
        return map;
    }

    /** The 256 alphabet characters in code-point order (the order MiniMind's vocabulary lists them, ids 3..258). */
    static List<String> alphabet() {
        char[] sorted = BYTE_TO_CHAR.clone();
        Arrays.sort(sorted);
        List<String> out = new ArrayList<>(256);
        for (char c : sorted) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    /** Pre-tokenizes {@code text} (no special tokens in it) into byte-level words. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SPLIT.matcher(text);
        while (m.find()) {
            out.add(spell(m.group()));
        }
        return out;
    }

    static String spell(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(chars);
    }
}
