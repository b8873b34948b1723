package ai.minimind.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * MiniMind's ChatML template (the Jinja {@code chat_template} of {@code tokenizer_config.json}) rendered by hand,
 * exactly as spec 2.2: system header (default "You are a helpful assistant" unless the first message is a system
 * message), optional tools header, one block per message with consecutive tool messages grouped into one user
 * block, optional generation prompt.
 */
public final class ChatTemplate {
    static final String S = "<|im_start|>";
    static final String E = "<|im_end|>";
    static final String DEFAULT_SYSTEM = "You are a helpful assistant";
    private static final String TOOLS_INTRO = "# Tools\n\nYou may call one or more functions to assist with the user "
            + "query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>";
    private static final String TOOLS_OUTRO = "\n</tools>\n\nFor each function call, return a json object with "
            + "function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": "
            + "<function-name>, \"arguments\": <args-json-object>}\n</tool_call>";

    private ChatTemplate() {
    }

    /**
     * One chat message. {@code content} may be null (renders as empty, like non-string content in the template).
     * {@code toolCalls} is null or the JSON text of the message's {@code tool_calls} list; each call is an object
     * {@code {"name", "arguments"}} or {@code {"function": {"name", "arguments"}}}, arguments a JSON value or a
     * string emitted verbatim.
     */
    public record Message(String role, String content, String toolCalls) {
        public Message(String role, String content) {
            this(role, content, null);
        }
    }

    /**
     * Renders {@code messages} exactly as spec 2.2 (default system block, tools header when {@code toolsJson}
     * is non-null and non-empty, generation prompt when {@code addGenerationPrompt}). Each element of
     * {@code toolsJson} is the JSON text of one tool (function signature).
     */
    public static String render(List<Message> messages, List<String> toolsJson, boolean addGenerationPrompt) {
        return render(messages, toolsJson, addGenerationPrompt, null);
    }

    /**
     * As {@link #render(List, List, boolean)}; {@code enableThinking == Boolean.FALSE} appends the empty think block
     * {@code "<think>\n\n</think>\n\n"} after the generation prompt (null or true: nothing, as in MiniMind).
     */
    public static String render(List<Message> messages, List<String> toolsJson, boolean addGenerationPrompt,
                                Boolean enableThinking) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("chat template needs at least one message");
        }
        StringBuilder out = new StringBuilder();
        header(messages.get(0), toolsJson, out);
        for (int i = 0; i < messages.size(); i++) {
            message(messages, i, out);
        }
        if (addGenerationPrompt) {
            out.append(S).append("assistant\n");
            if (Boolean.FALSE.equals(enableThinking)) {
                out.append("<think>\n\n</think>\n\n");
            }
        }
        return out.toString();
    }

    private static void header(Message first, List<String> toolsJson, StringBuilder out) {
        boolean systemFirst = "system".equals(first.role());
        if (toolsJson == null || toolsJson.isEmpty()) {
            out.append(S).append("system\n").append(systemFirst ? text(first) : DEFAULT_SYSTEM).append(E).append('\n');
            return;
        }
        out.append(S).append("system\n");
        if (systemFirst) {
            out.append(text(first)).append("\n\n");
        }
        out.append(TOOLS_INTRO);
        for (String tool : toolsJson) {
            out.append('\n').append(PyJson.dumps(parse(tool, "tool")));
        }
        out.append(TOOLS_OUTRO).append(E).append('\n');
    }

    private static void message(List<Message> messages, int i, StringBuilder out) {
        Message m = messages.get(i);
        switch (m.role()) {
            case "user" -> block("user", text(m), out);
            // The leading system message already went into the header.
            case "system" -> {
                if (i > 0) {
                    block("system", text(m), out);
                }
            }
            case "assistant" -> assistant(m, out);
            case "tool" -> {
                if (i == 0 || !"tool".equals(messages.get(i - 1).role())) {
                    out.append(S).append("user");
                }
                out.append("\n<tool_response>\n").append(text(m)).append("\n</tool_response>");
                if (i == messages.size() - 1 || !"tool".equals(messages.get(i + 1).role())) {
                    out.append(E).append('\n');
                }
            }
            default -> {
                // The Jinja template has no branch for other roles: they render as nothing.
            }
        }
    }

    private static void block(String role, String content, StringBuilder out) {
        out.append(S).append(role).append('\n').append(content).append(E).append('\n');
    }

    private static void assistant(Message m, StringBuilder out) {
        String content = text(m);
        out.append(S).append("assistant\n").append(content);
        if (m.toolCalls() != null) {
            JsonNode calls = parse(m.toolCalls(), "tool_calls");
            boolean first = true;
            for (JsonNode call : calls) {
                if (!first || !content.isEmpty()) {
                    out.append('\n');
                }
                first = false;
                toolCall(call, out);
            }
        }
        out.append(E).append('\n');
    }

    private static void toolCall(JsonNode call, StringBuilder out) {
        JsonNode fn = call.hasNonNull("function") ? call.get("function") : call;
        JsonNode args = fn.path("arguments");
        out.append("<tool_call>\n{\"name\": \"").append(fn.path("name").asText(""))
                .append("\", \"arguments\": ").append(args.isTextual() ? args.textValue() : PyJson.dumps(args))
                .append("}\n</tool_call>");
    }

    private static String text(Message m) {
        return m.content() == null ? "" : m.content();
    }

    private static JsonNode parse(String json, String what) {
        try {
            return PyJson.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid " + what + " JSON: " + e.getOriginalMessage(), e);
        }
    }
}
