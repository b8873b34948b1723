package ai.minimind.engine.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trained tokenizer in the layout of MiniMind's {@code model/}: {@code tokenizer.json} (BPE model, byte-level
 * pre-tokenizer and decoder, the three special tokens as added tokens, no normalizer or post-processor) and
 * {@code tokenizer_config.json} (same keys and chat template as MiniMind's).
 */
final class TokenizerFiles {
    static final List<String> SPECIAL_TOKENS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenizerFiles() {
    }

    static void write(Path outDir, List<String> vocab, List<MergeLearner.Merge> merges) throws IOException {
        Files.createDirectories(outDir);
        JSON.writeValue(outDir.resolve("tokenizer.json").toFile(), tokenizerJson(vocab, merges));
        JSON.writeValue(outDir.resolve("tokenizer_config.json").toFile(), tokenizerConfig());
    }

    static ObjectNode tokenizerJson(List<String> vocab, List<MergeLearner.Merge> merges) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < SPECIAL_TOKENS.size(); id++) {
            ObjectNode token = added.addObject();
            token.put("id", id);
            token.put("content", SPECIAL_TOKENS.get(id));
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
        }
        root.putNull("normalizer");
        root.set("pre_tokenizer", byteLevel(false));
        root.putNull("post_processor");
        root.set("decoder", byteLevel(true));
        root.set("model", model(vocab, merges));
        return root;
    }

    private static ObjectNode byteLevel(boolean addPrefixSpace) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "ByteLevel");
        node.put("add_prefix_space", addPrefixSpace);
        node.put("trim_offsets", true);
        node.put("use_regex", true);
        return node;
    }

    private static ObjectNode model(List<String> vocab, List<MergeLearner.Merge> merges) {
        ObjectNode model = JSON.createObjectNode();
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode ids = model.putObject("vocab");
        for (int id = 0; id < vocab.size(); id++) {
            ids.put(vocab.get(id), id);
        }
        ArrayNode pairs = model.putArray("merges");
        merges.forEach(m -> pairs.addArray().add(m.left()).add(m.right()));
        return model;
    }

    /** MiniMind's {@code tokenizer_config.json}: never add BOS/EOS, pad = unk = id 0, the ChatML chat template. */
    static ObjectNode tokenizerConfig() {
        ObjectNode config = JSON.createObjectNode();
        config.put("add_bos_token", false);
        config.put("add_eos_token", false);
        config.put("add_prefix_space", false);
        ObjectNode decoder = config.putObject("added_tokens_decoder");
        for (int id = 0; id < SPECIAL_TOKENS.size(); id++) {
            ObjectNode token = decoder.putObject(String.valueOf(id));
            token.put("content", SPECIAL_TOKENS.get(id));
            token.put("lstrip", false);
            token.put("normalized", false);
            token.put("rstrip", false);
            token.put("single_word", false);
            token.put("special", true);
        }
        config.putArray("additional_special_tokens");
        config.put("bos_token", SPECIAL_TOKENS.get(1));
        config.put("clean_up_tokenization_spaces", false);
        config.put("eos_token", SPECIAL_TOKENS.get(2));
        config.put("legacy", true);
        config.put("model_max_length", 32768);
        config.put("pad_token", SPECIAL_TOKENS.get(0));
        config.putObject("sp_model_kwargs");
        config.put("spaces_between_special_tokens", false);
        config.put("tokenizer_class", "PreTrainedTokenizerFast");
        config.put("unk_token", SPECIAL_TOKENS.get(0));
        config.put("chat_template", chatTemplate());
        return config;
    }

    /** MiniMind's Jinja chat template, verbatim (the Java rendering is ChatTemplate; this is for Python users). */
    static String chatTemplate() {
        try (InputStream in = TokenizerFiles.class.getResourceAsStream("chat_template.jinja")) {
            if (in == null) {
                throw new IllegalStateException("resource chat_template.jinja is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
