package ai.minimind.engine.data;

import java.util.List;

/** A validated conversation: its messages and the tools (JSON texts) of a leading system message's functions. */
record Conversation(List<ChatTemplate.Message> messages, List<String> tools) {
    String render(boolean addGenerationPrompt) {
        return ChatTemplate.render(messages, tools, addGenerationPrompt);
    }
}
