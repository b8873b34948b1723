package ai.minimind.server.dispatch;

import static ai.minimind.server.dispatch.ParamType.FLAG01;
import static ai.minimind.server.dispatch.ParamType.FLOAT;
import static ai.minimind.server.dispatch.ParamType.INT;
import static ai.minimind.server.dispatch.ParamType.STR;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatcher's table: train type → MiniMind script and its argparse parameters with the scripts' own
 * defaults (training spec sections 5.1 and 8.1; the original web form's fields of 9.3). {@code GET
 * /api/train-types} serves this table as-is so no client keeps a second copy.
 */
public final class TrainTypes {
    private static final Map<String, TrainType> TYPES = build();

    private TrainTypes() {
    }

    public static Map<String, TrainType> all() {
        return TYPES;
    }

    public static Optional<TrainType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** Per-script values of the supervised trainers' table (spec 5.1). */
    private record Supervised(String type, String script, String saveWeight, int epochs, int batch, double lr,
                              int accum, int logInterval, int saveInterval, int maxSeqLen, String data,
                              String fromWeight, String project) {
    }

    /** Per-script values of the RL trainers' table (spec 8.1). */
    private record Rl(String type, String script, String saveWeight, double lr, int accum, String project) {
    }

    private static Map<String, TrainType> build() {
        Map<String, TrainType> types = new LinkedHashMap<>();
        for (Supervised s : List.of(
                new Supervised("pretrain", "train_pretrain.py", "pretrain", 1, 32, 5e-4, 8, 100, 100, 512,
                        "pretrain_hq.jsonl", "none", "MiniMind-Pretrain"),
                new Supervised("sft", "train_full_sft.py", "full_sft", 2, 16, 5e-7, 1, 100, 100, 512,
                        "sft_mini_512.jsonl", "pretrain", "MiniMind-Full-SFT"),
                new Supervised("lora", "train_lora.py", "lora_identity", 50, 32, 1e-4, 1, 10, 1, 512,
                        "lora_identity.jsonl", "full_sft", "MiniMind-LoRA"),
                new Supervised("dpo", "train_dpo.py", "dpo", 1, 4, 4e-8, 1, 100, 100, 1024, "dpo.jsonl",
                        "full_sft", "MiniMind-DPO"))) {
            types.put(s.type(), new TrainType(s.type(), s.script(), supervised(s)));
        }
        for (Rl r : List.of(new Rl("ppo", "train_ppo.py", "ppo_actor", 8e-8, 1, "MiniMind-PPO"),
                new Rl("grpo", "train_grpo.py", "grpo", 8e-8, 1, "MiniMind-GRPO"),
                new Rl("spo", "train_spo.py", "spo", 1e-7, 4, "MiniMind-SPO"))) {
            types.put(r.type(), new TrainType(r.type(), r.script(), rl(r)));
        }
        return Collections.unmodifiableMap(types);
    }

    private static List<ParamSpec> supervised(Supervised s) {
        boolean lora = s.type().equals("lora");
        List<ParamSpec> p = new ArrayList<>();
        p.add(intP("epochs", s.epochs(), 1, 100_000, "basic", "passes over the data set"));
        p.add(intP("batch_size", s.batch(), 1, 65_536, "basic", "samples per micro-batch"));
        p.add(floatP("learning_rate", s.lr(), 0, 1, "basic",
                "base rate lr0: MiniMind's cosine schedule runs from 1.1 x lr0 down to 0.1 x lr0"));
        p.addAll(model(s.maxSeqLen(), "longest token sequence per sample"));
        p.add(path("data_path", "../dataset/" + s.data(), PathKind.INPUT, "training data (.jsonl)"));
        p.add(path("save_dir", lora ? "../out/lora" : "../out", PathKind.OUTPUT, "folder for the weights file"));
        p.add(lora ? name("lora_name", s.saveWeight(), "name prefix of the adapter file")
                : name("save_weight", s.saveWeight(), "name prefix of the weights file"));
        p.add(path("from_weight", s.fromWeight(), PathKind.NAME_OR_INPUT,
                "start weights: a name in ../out (<name>_<hidden_size>), a path, or none for random init"));
        p.add(intP("from_resume", 0, 0, 1, "data", "1: resume from ../checkpoints if a resume file exists"));
        if (s.type().equals("dpo")) {
            p.add(floatP("beta", 0.1, 0, 100, "type", "DPO temperature beta"));
        }
        p.addAll(advanced(s.accum(), s.logInterval(), s.saveInterval(), s.project()));
        return List.copyOf(p);
    }

    private static List<ParamSpec> rl(Rl r) {
        List<ParamSpec> p = new ArrayList<>();
        p.add(intP("epochs", 1, 1, 100_000, "basic", "passes over the prompts"));
        p.add(intP("batch_size", 2, 1, 65_536, "basic", "prompts per step"));
        p.add(floatP("learning_rate", r.lr(), 0, 1, "basic", "initial actor learning rate"));
        p.addAll(model(66, "longest prompt in tokens"));
        p.add(path("data_path", "../dataset/rlaif-mini.jsonl", PathKind.INPUT, "RLAIF prompts (.jsonl)"));
        p.add(path("save_dir", "../out", PathKind.OUTPUT, "folder for the weights file"));
        p.add(name("save_weight", r.saveWeight(), "name prefix of the weights file"));
        p.add(new ParamSpec("from_weight", STR, null, null, null, null, PathKind.NAME_OR_INPUT, "data",
                "accepted for the original form but never passed: RL starts from reason or full_sft", true));
        p.add(intP("from_resume", 0, 0, 1, "data", "1: resume from ../checkpoints if a resume file exists"));
        p.add(intP("max_gen_len", 1536, 1, 131_072, "type", "most tokens generated per response"));
        p.add(intP("reasoning", 1, 0, 1, "type", "1: start from the reason weights and reward the think format"));
        p.add(path("reward_model_path", "../../internlm2-1_8b-reward", PathKind.INPUT, "reward model folder"));
        switch (r.type()) {
            case "ppo" -> {
                p.add(floatP("critic_learning_rate", 8e-8, 0, 1, "type", "critic learning rate"));
                p.add(floatP("clip_epsilon", 0.1, 0, 1, "type", "PPO ratio clip epsilon"));
                p.add(floatP("vf_coef", 0.5, 0, 100, "type", "value loss weight"));
                p.add(floatP("kl_coef", 0.02, 0, 100, "type", "KL-to-reference weight"));
                p.add(intP("update_old_actor_freq", 4, 1, 1_000_000, "type", "steps between old-actor syncs"));
            }
            case "grpo" -> {
                p.add(intP("num_generations", 8, 1, 1024, "type", "samples per prompt (group size)"));
                p.add(floatP("beta", 0.02, 0, 100, "type", "KL penalty weight"));
            }
            default -> p.add(floatP("beta", 0.02, 0, 100, "type", "KL penalty weight"));
        }
        p.addAll(advanced(r.accum(), 1, 10, r.project()));
        return List.copyOf(p);
    }

    private static List<ParamSpec> model(int maxSeqLen, String seqHelp) {
        return List.of(intP("hidden_size", 512, 8, 16_384, "model", "model width"),
                intP("num_hidden_layers", 8, 1, 256, "model", "number of transformer blocks"),
                intP("max_seq_len", maxSeqLen, 1, 1_048_576, "model", seqHelp),
                intP("use_moe", 0, 0, 1, "model", "1: mixture-of-experts feed-forward"));
    }

    private static List<ParamSpec> advanced(int accum, int logInterval, int saveInterval, String project) {
        return List.of(
                new ParamSpec("device", STR, "cpu", null, null, null, PathKind.NONE, "advanced",
                        "cpu or cuda:N (the scripts default to cuda:0 when CUDA is available)", false),
                choice("dtype", "bfloat16", List.of("bfloat16", "float16", "float32"), "mixed precision type"),
                intP("num_workers", 1, 0, 256, "advanced", "data loader workers"),
                intP("accumulation_steps", accum, 1, 1_000_000, "advanced", "micro-batches per optimizer step"),
                floatP("grad_clip", 1.0, 0, 1e6, "advanced", "global gradient norm limit"),
                intP("log_interval", logInterval, 1, 1_000_000_000, "advanced", "steps between log lines"),
                intP("save_interval", saveInterval, 1, 1_000_000_000, "advanced", "steps between saves"),
                new ParamSpec("use_wandb", FLAG01, 0, 0, 1, null, PathKind.NONE, "advanced",
                        "1: track the run with wandb/swanlab", false),
                new ParamSpec("wandb_project", STR, project, null, null, null, PathKind.NONE, "advanced",
                        "tracking project name", false),
                new ParamSpec("gpu_num", INT, 1, 1, 1024, null, PathKind.NONE, "advanced",
                        "GPUs; above 1 the python backend runs torchrun", true),
                new ParamSpec("train_monitor", STR, "none", null, null, List.of("none", "wandb", "swanlab"),
                        PathKind.NONE, "advanced", "experiment tracking (wandb/swanlab add --use_wandb)", true));
    }

    private static ParamSpec intP(String name, int def, int min, int max, String group, String help) {
        return new ParamSpec(name, INT, def, min, max, null, PathKind.NONE, group, help, false);
    }

    private static ParamSpec floatP(String name, double def, double min, double max, String group, String help) {
        return new ParamSpec(name, FLOAT, def, min, max, null, PathKind.NONE, group, help, false);
    }

    private static ParamSpec path(String name, String def, PathKind kind, String help) {
        return new ParamSpec(name, STR, def, null, null, null, kind, "data", help, false);
    }

    private static ParamSpec name(String name, String def, String help) {
        return new ParamSpec(name, STR, def, null, null, null, PathKind.NONE, "data", help, false);
    }

    private static ParamSpec choice(String name, String def, List<String> choices, String help) {
        return new ParamSpec(name, STR, def, null, null, choices, PathKind.NONE, "advanced", help, false);
    }
}
