package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Pretrain (spec 3.1) or SFT (spec 3.2) samples. Loading validates the whole file first, then streams it again to
 * tokenize; rows are kept truncated but unpadded, and padded, masked and shifted on {@link #get(int)}. Rows whose
 * mask trains nothing are dropped (and counted on stdout): they would only add a zero or NaN loss.
 */
final class SupervisedDataset implements TokenDataset {
    /** How a stage turns a record into text, and which tokens of it are trained. */
    enum Stage {
        PRETRAIN {
            @Override
            String text(Records at, JsonNode record) {
                return at.pretrainText(record);
            }

            @Override
            boolean[] mask(int[] padded, int[] assistantHeader) {
                return LossMasks.nonPad(padded);
            }
        },
        SFT {
            @Override
            String text(Records at, JsonNode record) {
                return at.sftConversation(record).render(false);
            }

            @Override
            boolean[] mask(int[] padded, int[] assistantHeader) {
                return LossMasks.assistantOnly(padded, assistantHeader);
            }
        };

        abstract String text(Records at, JsonNode record);

        abstract boolean[] mask(int[] padded, int[] assistantHeader);
    }

    private final Stage stage;
    private final TokenRows rows;
    private final int maxSeqLen;
    private final int[] assistantHeader;

    private SupervisedDataset(Stage stage, TokenRows rows, int maxSeqLen, int[] assistantHeader) {
        this.stage = stage;
        this.rows = rows;
        this.maxSeqLen = maxSeqLen;
        this.assistantHeader = assistantHeader;
    }

    static SupervisedDataset load(Path file, MiniMindTokenizer tokenizer, int maxSeqLen, Stage stage,
                                  Consumer<String> log) throws IOException {
        Samples.requireMaxSeqLen(maxSeqLen);
        // Pass 1 only validates, so a bad last line fails in seconds instead of after tokenizing everything.
        Jsonl.forEach(file, (line, record) -> stage.text(new Records(file, line), record));
        TokenRows rows = new TokenRows(tokenizer.vocabSize());
        int[] header = LossMasks.assistantHeader(tokenizer);
        long total = Jsonl.forEach(file, (line, record) -> {
            int[] ids = tokenizer.encode(stage.text(new Records(file, line), record));
            if (LossMasks.supervisesAnything(stage.mask(Samples.truncateAndPad(ids, maxSeqLen), header))) {
                rows.add(ids, Math.min(ids.length, maxSeqLen));
            }
        });
        Dropped.report(file, total, total - rows.size(), maxSeqLen, log);
        return new SupervisedDataset(stage, rows, maxSeqLen, header);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public Sample get(int index) {
        int[] padded = rows.padded(index, maxSeqLen);
        return Samples.shift(padded, stage.mask(padded, assistantHeader));
    }
}
