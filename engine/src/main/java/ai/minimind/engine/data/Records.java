package ai.minimind.engine.data;

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
    static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");

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

    /** Text for tokenizer training: a pretrain record's text, or a conversation record rendered by the template. */
    String corpusText(JsonNode record) {
        requireObject(record, "a record {\"text\": ...} or {\"conversations\": [...]}");
        if (record.has("text")) {
            return pretrainText(record);
        }
        if (record.has("conversations")) {
            return conversation(record.get("conversations"), "conversations", false).render(false);
        }
        throw fail("expected a record {\"text\": ...} or {\"conversations\": [...]}" + foundOtherStage(record));
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
        return new MessageRecords(this).conversation(list, field, needsAssistant);
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
