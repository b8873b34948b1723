package ai.minimind.server.dispatch;

import ai.minimind.server.config.Backend;
import ai.minimind.server.config.ServerConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a validated parameter map into the job's argv for either backend, following the original web UI's
 * rules: {@code train_monitor} wandb/swanlab becomes {@code --use_wandb} (wandb also {@code --wandb_project
 * minimind_training}); {@code gpu_num} is never passed and above 1 makes the python backend use torchrun (then
 * without {@code --device}); bare flags are passed only when set.
 */
public final class CommandBuilder {
    private static final String REWARD_MODEL = "reward_model_path";
    private final ServerConfig config;

    public CommandBuilder(ServerConfig config) {
        this.config = config;
    }

    public List<String> build(TrainType type, Map<String, Object> values) {
        List<String> argv = new ArrayList<>();
        int gpus = values.get("gpu_num") instanceof Long n ? n.intValue() : 1;
        if (config.backend() == Backend.BUILTIN) {
            argv.addAll(config.engineCommand());
            argv.add(type.name());
        } else {
            String script = config.pythonCheckout().resolve("trainer").resolve(type.script()).toString();
            argv.addAll(gpus > 1 ? List.of("torchrun", "--nproc_per_node", Integer.toString(gpus), script)
                    : List.of(config.python(), script));
        }
        boolean multiGpuPython = config.backend() == Backend.PYTHON && gpus > 1;
        withCheckoutDefaults(type, values).forEach((name, value) -> {
            ParamSpec spec = type.param(name).orElseThrow();
            if (spec.serverSide() || multiGpuPython && name.equals("device")) {
                return;
            }
            if (spec.type() == ParamType.FLAG01) {
                if (Boolean.TRUE.equals(value)) {
                    argv.add("--" + name);
                }
                return;
            }
            argv.add("--" + name);
            argv.add(format(value));
        });
        addMonitor(argv, values);
        return List.copyOf(argv);
    }

    /**
     * MiniMind's reward model default {@code ../../internlm2-1_8b-reward} is relative to the checkout's
     * {@code trainer/} folder (the model lies beside the checkout), but python jobs run from the client's
     * {@code work/}: left out or sent as the default, it is passed resolved against the checkout.
     */
    private Map<String, Object> withCheckoutDefaults(TrainType type, Map<String, Object> values) {
        Optional<ParamSpec> reward = type.param(REWARD_MODEL);
        if (config.backend() != Backend.PYTHON || reward.isEmpty()) {
            return values;
        }
        Object scriptDefault = reward.get().defaultValue();
        if (!scriptDefault.equals(values.getOrDefault(REWARD_MODEL, scriptDefault))) {
            return values;
        }
        Map<String, Object> resolved = new LinkedHashMap<>(values);
        resolved.put(REWARD_MODEL,
                config.pythonCheckout().resolve("trainer").resolve(scriptDefault.toString()).normalize().toString());
        return resolved;
    }

    private static void addMonitor(List<String> argv, Map<String, Object> values) {
        Object monitor = values.get("train_monitor");
        if (!"wandb".equals(monitor) && !"swanlab".equals(monitor)) {
            return;
        }
        if (!argv.contains("--use_wandb")) {
            argv.add("--use_wandb");
        }
        if ("wandb".equals(monitor) && !values.containsKey("wandb_project")) {
            argv.add("--wandb_project");
            argv.add("minimind_training");
        }
    }

    /** Floats print without exponent noise ({@code 5e-4} → {@code 0.0005}); both argparse and picocli read it. */
    static String format(Object value) {
        if (value instanceof Double d) {
            String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return value.toString();
    }
}
