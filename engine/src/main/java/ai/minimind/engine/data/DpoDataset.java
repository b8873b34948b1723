package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * DPO pairs (spec 3.3), loaded like SFT: the whole file is validated first, then tokenized into compact rows. A pair
 * where either side keeps no supervised token within max_seq_len is dropped (its mean log-prob would be 0/0).
 */
public final class DpoDataset {
    private final TokenRows chosen;
    private final TokenRows rejected;
    private final int maxSeqLen;
    private final int[] assistantHeader;

    private DpoDataset(TokenRows chosen, TokenRows rejected, int maxSeqLen, int[] assistantHeader) {
        this.chosen = chosen;
        this.rejected = rejected;
        this.maxSeqLen = maxSeqLen;
        this.assistantHeader = assistantHeader;
    }

    static DpoDataset load(Path file, MiniMindTokenizer tokenizer, int maxSeqLen, Consumer<String> log)
            throws IOException {
        Samples.requireMaxSeqLen(maxSeqLen);
        Jsonl.forEach(file, (line, record) -> new Records(file, line).dpoPair(record));
        TokenRows chosen = new TokenRows(tokenizer.vocabSize());
        TokenRows rejected = new TokenRows(tokenizer.vocabSize());
        int[] header = LossMasks.assistantHeader(tokenizer);
        long total = Jsonl.forEach(file, (line, record) -> {
            Conversation[] pair = new Records(file, line).dpoPair(record);
            int[] c = tokenizer.encode(pair[0].render(false));
            int[] r = tokenizer.encode(pair[1].render(false));
            if (supervised(c, maxSeqLen, header) && supervised(r, maxSeqLen, header)) {
                chosen.add(c, Math.min(c.length, maxSeqLen));
                rejected.add(r, Math.min(r.length, maxSeqLen));
            }
        });
        Dropped.report(file, total, total - chosen.size(), maxSeqLen, log);
        return new DpoDataset(chosen, rejected, maxSeqLen, header);
    }

    public int size() {
        return chosen.size();
    }

    public DpoSample get(int index) {
        return new DpoSample(sample(chosen, index), sample(rejected, index));
    }

    private Sample sample(TokenRows rows, int index) {
        int[] padded = rows.padded(index, maxSeqLen);
        return Samples.shift(padded, LossMasks.assistantOnly(padded, assistantHeader));
    }

    private static boolean supervised(int[] ids, int maxSeqLen, int[] header) {
        int[] padded = Samples.truncateAndPad(ids, maxSeqLen);
        return LossMasks.supervisesAnything(LossMasks.assistantOnly(padded, header));
    }
}
