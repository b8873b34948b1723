package ai.minimind.engine.cli;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Prints generated tokens as text while they arrive. Byte-level BPE splits a multi-byte character over several
 * tokens, so the whole answer is decoded again each time and only the new, complete part is printed (a trailing
 * U+FFFD means the last character is not finished yet).
 */
final class StreamingText {
    private final MiniMindTokenizer tokenizer;
    private final PrintStream out;
    private int[] ids = new int[16];
    private int count;
    private int printed;

    StreamingText(MiniMindTokenizer tokenizer, PrintStream out) {
        this.tokenizer = tokenizer;
        this.out = out;
    }

    void accept(int token) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = token;
        String text = text();
        if (!text.endsWith("\uFFFD") && text.length() > printed) {
            out.print(text.substring(printed));
            out.flush();
            printed = text.length();
        }
    }

    /** Prints whatever is still held back and returns the whole answer. */
    String finish() {
        String text = text();
        if (text.length() > printed) {
            out.print(text.substring(printed));
        }
        out.println();
        out.flush();
        return text;
    }

    private String text() {
        return tokenizer.decode(Arrays.copyOf(ids, count), true);
    }
}
