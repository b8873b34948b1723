package ai.minimind.engine.starter;

import java.util.List;

/**
 * JSON lines in the layout of MiniMind's own files, i.e. Python's {@code json.dumps(x, ensure_ascii=False)}:
 * {@code ", "} and {@code ": "} separators, non-ASCII text kept as is.
 */
final class JsonText {
    /** One chat message. */
    record Message(String role, String content) {
    }

    private JsonText() {
    }

    static String object(String key, String valueJson) {
        return "{" + string(key) + ": " + valueJson + "}";
    }

    static String object(String key1, String value1Json, String key2, String value2Json) {
        return "{" + string(key1) + ": " + value1Json + ", " + string(key2) + ": " + value2Json + "}";
    }

    static String messages(List<Message> messages) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            out.append(i == 0 ? "" : ", ").append(object("role", string(m.role()), "content", string(m.content())));
        }
        return out.append(']').toString();
    }

    /** A JSON string as Python writes it: quote, backslash and control characters escaped, nothing else. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
