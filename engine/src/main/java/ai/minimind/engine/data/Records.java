package ai.minimind.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that one JSONL record has the shape a training stage expects (spec section 3) and extracts it.
 * Every failure is a {@link DataFormatException} naming the file, the line and the offending field.
 */
final class Records {
    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");

    private final Path file;
    private final long line;

    Records(Path file, long line) {
        this.file = file;
        this.line = line;
    }

    /** {@code {"text": "..."}} (pretrain, section 3.1). */
    String pretrainText(JsonNode record) {
        requireObject(record, "a pretrain record {\"text\": ...}");
        if (!record.has("text")) {
            throw fail("expected a pretrain record {\"text\": ...}" + foundOtherStage(record));
        }
        return requireString(record.get("text"), "text");
    }

    /** {@code {"conversations": [...]}} (SFT, section 3.2), with at least one assistant turn. */
    Conversation sftConversation(JsonNode record) {
        requireObject(record, "an SFT record {\"conversations\": [...]}");
        if (!record.has("conversations")) {
            throw fail("expected an SFT record {\"conversations\": [...]}" + foundOtherStage(record));
        }
        return conversation(record.get("conversations"), "conversations", true);
    }

    /** {@code {"chosen": [...], "rejected": [...]}} (DPO, section 3.3); both sides need an assistant turn. */
    Conversation[] dpoPair(JsonNode record) {
        requireObject(record, "a DPO record {\"chosen\": [...], \"rejected\": [...]}");
        if (!record.has("chosen") || !record.has("rejected")) {
            throw fail("expected a DPO record {\"chosen\": [...], \"rejected\": [...]}" + foundOtherStage(record));
        }
        return new Conversation[]{conversation(record.get("chosen"), "chosen", true),
                conversation(record.get("rejected"), "rejected", true)};
    }

    /**
     * {@code {"conversations": [...]}} for RLAIF (section 3.4): at least two turns with string content. Roles are
     * re-assigned by position later, so only their spelling is checked when present.
     */
    List<String> rlaifTurns(JsonNode record) {
        requireObject(record, "an RLAIF record {\"conversations\": [...]}");
        if (!record.has("conversations")) {
            throw fail("expected an RLAIF record {\"conversations\": [...]}" + foundOtherStage(record));
        }
        JsonNode list = record.get("conversations");
        if (!list.isArray() || list.size() < 2) {
            throw fail("field \"conversations\" must list at least two turns (prompt turns, then the answer "
                    + "placeholder that is dropped), found " + describe(list) + sizeOf(list));
        }
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "conversations[" + i + "]";
            requireObject(list.get(i), "a message object {\"role\", \"content\"} in " + where);
            JsonNode role = list.get(i).get("role");
            if (role != null && !ROLES.contains(role.asText())) {
                throw fail(where + ".role " + role + " is not one of user, assistant, system, tool");
            }
            turns.add(requireString(list.get(i).get("content"), where + ".content"));
        }
        return turns;
    }

    /** A list of chat messages under {@code field}; tools come from a leading system message's functions. */
    Conversation conversation(JsonNode list, String field, boolean needsAssistant) {
        if (!list.isArray() || list.isEmpty()) {
            throw fail("field \"" + field + "\" must be a non-empty list of messages, found " + describe(list));
        }
        List<ChatTemplate.Message> messages = new ArrayList<>();
        boolean hasAssistant = false;
        for (int i = 0; i < list.size(); i++) {
            ChatTemplate.Message m = message(list.get(i), field + "[" + i + "]");
            hasAssistant |= "assistant".equals(m.role());
            messages.add(m);
        }
        if (needsAssistant && !hasAssistant) {
            throw fail("\"" + field + "\" has no assistant turn, so there is nothing to train on");
        }
        return new Conversation(messages, tools(list.get(0), field + "[0]"));
    }

    private ChatTemplate.Message message(JsonNode node, String where) {
        requireObject(node, "a message object {\"role\", \"content\"} in " + where);
        String role = requireString(node.get("role"), where + ".role");
        if (!ROLES.contains(role)) {
            throw fail(where + ".role \"" + role + "\" is not one of user, assistant, system, tool");
        }
        String toolCalls = "assistant".equals(role) ? toolCalls(node.get("tool_calls"), where + ".tool_calls") : null;
        JsonNode content = node.get("content");
        // An assistant turn that only calls tools may leave content out (the template renders it empty).
        boolean mayOmit = toolCalls != null && (content == null || content.isNull());
        return new ChatTemplate.Message(role, mayOmit ? null : requireString(content, where + ".content"), toolCalls);
    }

    /** Validates {@code tool_calls} (a list, or a string holding a JSON list) and returns its JSON text. */
    private String toolCalls(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode calls = node.isTextual() ? parseEmbedded(node.textValue(), where) : node;
        if (!calls.isArray()) {
            throw fail(where + " must be a list of tool calls, found " + describe(calls));
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            JsonNode fn = call.hasNonNull("function") ? call.get("function") : call;
            String at = where + "[" + i + "]";
            requireObject(fn, "a tool call {\"name\", \"arguments\"} in " + at);
            requireString(fn.get("name"), at + ".name");
            if (!fn.has("arguments")) {
                throw fail(at + " is missing field \"arguments\"");
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
            throw fail(where + ".functions must be a list of tool definitions, found " + describe(list));
        }
        List<String> tools = new ArrayList<>();
        list.forEach(tool -> tools.add(tool.toString()));
        return tools;
    }

    private JsonNode parseEmbedded(String json, String where) {
        try {
            return PyJson.parse(json);
        } catch (JsonProcessingException e) {
            throw fail(where + " holds invalid JSON: " + e.getOriginalMessage());
        }
    }

    String requireString(JsonNode node, String field) {
        if (node == null || node.isMissingNode()) {
            throw fail("missing field \"" + field + "\"");
        }
        if (!node.isTextual()) {
            throw fail("field \"" + field + "\" must be a string, found " + describe(node));
        }
        return node.textValue();
    }

    void requireObject(JsonNode node, String expected) {
        if (node == null || !node.isObject()) {
            throw fail("expected " + expected + ", found " + describe(node));
        }
    }

    DataFormatException fail(String message) {
        return new DataFormatException(file, line, message);
    }

    /** Names the stage a misplaced record belongs to, so a wrong --data_path is obvious. */
    private static String foundOtherStage(JsonNode record) {
        if (record.has("conversations")) {
            return ", found an SFT/RLAIF record (\"conversations\")";
        }
        if (record.has("chosen") || record.has("rejected")) {
            return ", found a DPO record (\"chosen\"/\"rejected\")";
        }
        if (record.has("text")) {
            return ", found a pretrain record (\"text\")";
        }
        return ", found an object with fields " + fieldNames(record);
    }

    private static String fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String sizeOf(JsonNode node) {
        return node.isArray() && !node.isEmpty() ? " of " + node.size() : "";
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase() + (node.isContainerNode() && node.isEmpty() ? " (empty)" : "");
    }
}
