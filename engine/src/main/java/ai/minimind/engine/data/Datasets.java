package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Entry points for the training data (spec section 3). Every loader checks the whole file line by line before
 * returning anything: bad UTF-8, invalid JSON, a lone surrogate, a blank line, a record of the wrong shape for the
 * stage, or an empty file is a {@link DataFormatException} naming the file and the 1-based line.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Validates the whole file line by line first (throws {@link DataFormatException} naming file and line),
     * then returns pretrain samples (section 3.1). Texts that leave no supervised token (empty, or a single token)
     * are dropped and counted on stdout; a trainer uses {@link #pretrain(Path, MiniMindTokenizer, int, Consumer)}.
     */
    public static TokenDataset pretrain(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        return pretrain(jsonl, tokenizer, maxSeqLen, System.out::println);
    }

    /** As {@link #pretrain(Path, MiniMindTokenizer, int)}, the dropped-sample count going to {@code log}. */
    public static TokenDataset pretrain(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen, Consumer<String> log)
            throws IOException {
        return SupervisedDataset.load(jsonl, tokenizer, maxSeqLen, SupervisedDataset.Stage.PRETRAIN, log);
    }

    /**
     * Validates the whole file, then returns SFT samples (section 3.2); samples with no supervised token after
     * truncation are dropped, and their count is printed to stdout as one line
     * ({@code Dropped 3 of 300 samples with no supervised token within max_seq_len=64}); if every sample is
     * dropped this throws {@link DataFormatException}.
     */
    public static TokenDataset sft(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        return sft(jsonl, tokenizer, maxSeqLen, System.out::println);
    }

    /** As {@link #sft(Path, MiniMindTokenizer, int)}, the dropped-sample count line going to {@code log}. */
    public static TokenDataset sft(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen, Consumer<String> log)
            throws IOException {
        return SupervisedDataset.load(jsonl, tokenizer, maxSeqLen, SupervisedDataset.Stage.SFT, log);
    }

    /**
     * Validates the whole file, then returns DPO pairs (section 3.3): {@code {"chosen": [...], "rejected": [...]}},
     * each side rendered and masked like SFT. Pairs where either side has no supervised token within
     * {@code maxSeqLen} are dropped and counted on stdout; if all are dropped this throws.
     */
    public static DpoDataset dpo(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        return dpo(jsonl, tokenizer, maxSeqLen, System.out::println);
    }

    /** As {@link #dpo(Path, MiniMindTokenizer, int)}, the dropped-pair count line going to {@code log}. */
    public static DpoDataset dpo(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen, Consumer<String> log)
            throws IOException {
        return DpoDataset.load(jsonl, tokenizer, maxSeqLen, log);
    }

    /**
     * Validates the whole file, then returns the RLAIF prompts (section 3.4) of {@code {"conversations": [...]}}
     * records with at least two turns. Prompts are strings; the trainer tokenizes them.
     */
    public static List<RlaifPrompt> rlaif(Path jsonl) throws IOException {
        Jsonl.forEach(jsonl, (line, record) -> new Records(jsonl, line).rlaifTurns(record));
        List<RlaifPrompt> prompts = new ArrayList<>();
        Jsonl.forEach(jsonl, (line, record) -> prompts.add(rlaifPrompt(new Records(jsonl, line).rlaifTurns(record))));
        return prompts;
    }

    /**
     * Streams the training text of every record to {@code sink} after validating the whole file: a pretrain
     * record's {@code text}, or a {@code conversations} record rendered with the chat template (no generation
     * prompt). Used to train a tokenizer on either kind of corpus. Returns the number of records.
     */
    public static long forEachText(Path jsonl, Consumer<String> sink) throws IOException {
        Jsonl.forEach(jsonl, (line, record) -> new Records(jsonl, line).corpusText(record));
        return Jsonl.forEach(jsonl, (line, record) -> sink.accept(new Records(jsonl, line).corpusText(record)));
    }

    /** Roles by position (0, 2, 4... user; 1, 3, 5... assistant); the last turn becomes the answer. */
    static RlaifPrompt rlaifPrompt(List<String> turns) {
        List<ChatTemplate.Message> messages = new ArrayList<>();
        for (int i = 0; i < turns.size() - 1; i++) {
            messages.add(new ChatTemplate.Message(i % 2 == 0 ? "user" : "assistant", turns.get(i)));
        }
        return new RlaifPrompt(ChatTemplate.render(messages, null, true), turns.get(turns.size() - 1));
    }
}
