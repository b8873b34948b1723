package ai.minimind.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates the chat messages of one record: roles, string content, an assistant's {@code tool_calls} and a leading
 * system message's {@code functions} (each a JSON list, or a string holding one, as MiniMind's data has both).
 */
final class MessageRecords {
    private final Records at;

    MessageRecords(Records at) {
        this.at = at;
    }

    /** A list of chat messages under {@code field}; tools come from a leading system message's functions. */
    Conversation conversation(JsonNode list, String field, boolean needsAssistant) {
        if (!list.isArray() || list.isEmpty()) {
            throw at.fail("field \"" + field + "\" must be a non-empty list of messages, found "
                    + Records.describe(list));
        }
        List<ChatTemplate.Message> messages = new ArrayList<>();
        boolean hasAssistant = false;
        for (int i = 0; i < list.size(); i++) {
            ChatTemplate.Message m = message(list.get(i), field + "[" + i + "]");
            hasAssistant |= "assistant".equals(m.role());
            messages.add(m);
        }
        if (needsAssistant && !hasAssistant) {
            throw at.fail("\"" + field + "\" has no assistant turn, so there is nothing to train on");
        }
        return new Conversation(messages, tools(list.get(0), field + "[0]"));
    }

    private ChatTemplate.Message message(JsonNode node, String where) {
        at.requireObject(node, "a message object {\"role\", \"content\"} in " + where);
        String role = at.requireString(node.get("role"), where + ".role");
        if (!Records.ROLES.contains(role)) {
            throw at.fail(where + ".role \"" + role + "\" is not one of user, assistant, system, tool");
        }
        String toolCalls = "assistant".equals(role) ? toolCalls(node.get("tool_calls"), where + ".tool_calls") : null;
        JsonNode content = node.get("content");
        // An assistant turn that only calls tools may leave content out (the template renders it empty).
        boolean mayOmit = toolCalls != null && (content == null || content.isNull());
        String text = mayOmit ? null : at.requireString(content, where + ".content");
        return new ChatTemplate.Message(role, text, toolCalls);
    }

    /** Validates {@code tool_calls} (a list, or a string holding a JSON list) and returns its JSON text. */
    private String toolCalls(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode calls = node.isTextual() ? parseEmbedded(node.textValue(), where) : node;
        if (!calls.isArray()) {
            throw at.fail(where + " must be a list of tool calls, found " + Records.describe(calls));
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            JsonNode fn = call.hasNonNull("function") ? call.get("function") : call;
            String item = where + "[" + i + "]";
            at.requireObject(fn, "a tool call {\"name\", \"arguments\"} in " + item);
            at.requireString(fn.get("name"), item + ".name");
            if (!fn.has("arguments")) {
                throw at.fail(item + " is missing field \"arguments\"");
            }
        }
        return calls.toString();
    }

    /** The {@code functions} of a leading system message (a list, or a string holding one) as JSON texts. */
    private List<String> tools(JsonNode first, String where) {
        JsonNode functions = first.get("functions");
        if (!"system".equals(first.path("role").asText()) || functions == null || functions.isNull()) {
            return null;
        }
        JsonNode list = functions.isTextual() ? parseEmbedded(functions.textValue(), where + ".functions")
                : functions;
        if (!list.isArray()) {
            throw at.fail(where + ".functions must be a list of tool definitions, found " + Records.describe(list));
        }
        List<String> tools = new ArrayList<>();
        list.forEach(tool -> tools.add(tool.toString()));
        return tools;
    }

    private JsonNode parseEmbedded(String json, String where) {
        try {
            return PyJson.parse(json);
        } catch (JsonProcessingException e) {
            throw at.fail(where + " holds invalid JSON: " + e.getOriginalMessage());
        }
    }
}
