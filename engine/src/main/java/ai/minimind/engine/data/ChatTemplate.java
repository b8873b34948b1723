package ai.minimind.engine.data;

import java.util.List;

/** MiniMind's ChatML template rendered by hand (spec 2.2). STUB: contract only. */
public final class ChatTemplate {
    private ChatTemplate() {
    }

    /** One chat message; {@code toolCalls} may be null. */
    public record Message(String role, String content, String toolCalls) {
        public Message(String role, String content) {
            this(role, content, null);
        }
    }

    /**
     * Renders {@code messages} exactly as spec 2.2 (default system block, tools header when {@code toolsJson}
     * is non-null, generation prompt when {@code addGenerationPrompt}).
     */
    public static String render(List<Message> messages, List<String> toolsJson, boolean addGenerationPrompt) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
