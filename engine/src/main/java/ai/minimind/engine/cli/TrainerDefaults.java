package ai.minimind.engine.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-trainer defaults of MiniMind's supervised scripts (spec 5.1), keyed by flag name without the dashes; the
 * options themselves are shared ({@link SupervisedOptions}). {@code --device} has no default here: it depends on
 * whether libtorch sees a GPU.
 */
enum TrainerDefaults {
    PRETRAIN(Map.of("save_weight", "pretrain", "epochs", "1", "batch_size", "32", "learning_rate", "5e-4",
            "accumulation_steps", "8", "data_path", "../dataset/pretrain_hq.jsonl", "from_weight", "none",
            "wandb_project", "MiniMind-Pretrain")),
    SFT(Map.of("save_weight", "full_sft", "epochs", "2", "batch_size", "16", "learning_rate", "5e-7",
            "accumulation_steps", "1", "data_path", "../dataset/sft_mini_512.jsonl", "from_weight", "pretrain",
            "wandb_project", "MiniMind-Full-SFT"));

    /** Defaults every supervised trainer shares (a holder class: enum constructors cannot read enum statics). */
    private static final class Common {
        static final Map<String, String> VALUES = Map.ofEntries(
                Map.entry("save_dir", "../out"), Map.entry("dtype", "bfloat16"), Map.entry("num_workers", "1"),
                Map.entry("grad_clip", "1.0"), Map.entry("log_interval", "100"), Map.entry("save_interval", "100"),
                Map.entry("hidden_size", "512"), Map.entry("num_hidden_layers", "8"), Map.entry("max_seq_len", "512"),
                Map.entry("use_moe", "0"), Map.entry("from_resume", "0"), Map.entry("tokenizer_path", "../model"));
    }

    private final Map<String, String> values;

    TrainerDefaults(Map<String, String> specific) {
        Map<String, String> all = new HashMap<>(Common.VALUES);
        all.putAll(specific);
        this.values = Map.copyOf(all);
    }

    /** The default of {@code flag} (no dashes), or null when it has none. */
    String get(String flag) {
        return values.get(flag);
    }

    /** picocli's hook: looks each option up by its long name. */
    IDefaultValueProvider provider() {
        return (ArgSpec spec) -> spec instanceof OptionSpec option ? get(option.longestName().substring(2)) : null;
    }
}
