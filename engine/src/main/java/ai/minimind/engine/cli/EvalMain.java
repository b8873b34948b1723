package ai.minimind.engine.cli;

import ai.djl.ndarray.NDManager;
import ai.minimind.engine.generate.GenerationConfig;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tensor.SafeTensors;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import ai.minimind.engine.train.CheckpointPaths;
import ai.minimind.engine.train.Devices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bin/minimind eval}: chat with trained weights like MiniMind's {@code eval_llm.py} (its flags and defaults,
 * spec 9.2). With {@code --prompt} it streams one answer; without, it reads prompts line by line from stdin until
 * EOF. {@code --lora_weight NAME} applies rank-8 adapters and loads {@code {save_dir}/lora/NAME_{H}.safetensors};
 * {@code --load_from} accepts only {@code model} (native weights): HuggingFace-format folders are not supported.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Chat with {save_dir}/{weight}_{hidden_size}[_moe].safetensors")
public final class EvalMain implements Callable<Integer> {
    /** eval_llm.py's value for "native MiniMind weights from --save_dir". */
    static final String NATIVE = "model";
    /** eval_llm.py's value for "no LoRA adapter". */
    static final String NO_LORA = "None";
    /** MiniMind's {@code apply_lora} default rank, which eval_llm.py uses. */
    static final int LORA_RANK = 8;

    @Option(names = "--load_from", defaultValue = NATIVE, description = "model = native weights from --save_dir;"
            + " HuggingFace folders are not supported (default: ${DEFAULT-VALUE})")
    String loadFrom;
    @Option(names = "--weight", defaultValue = "full_sft", description = "weight name (default: ${DEFAULT-VALUE})")
    String weight;
    @Option(names = "--lora_weight", defaultValue = NO_LORA, description = "adapter {save_dir}/lora/<name>_<H>"
            + ".safetensors, or None (default: ${DEFAULT-VALUE})")
    String loraWeight;
    @Option(names = "--save_dir", defaultValue = "out", description = "default: ${DEFAULT-VALUE}")
    String saveDir;
    @Option(names = "--hidden_size", defaultValue = "512", description = "default: ${DEFAULT-VALUE}")
    int hiddenSize;
    @Option(names = "--num_hidden_layers", defaultValue = "8", description = "default: ${DEFAULT-VALUE}")
    int numHiddenLayers;
    @Option(names = "--use_moe", defaultValue = "0", description = "0 or 1 (default: ${DEFAULT-VALUE})")
    int useMoe;
    @Option(names = "--inference_rope_scaling", description = "MiniMind's YaRN-like RoPE extrapolation (factor 4)")
    boolean inferenceRopeScaling;
    @Option(names = "--max_new_tokens", defaultValue = "8192", description = "default: ${DEFAULT-VALUE}")
    int maxNewTokens;
    @Option(names = "--temperature", defaultValue = "0.85", description = "0 = greedy (default: ${DEFAULT-VALUE})")
    float temperature;
    @Option(names = "--top_p", defaultValue = "0.85", description = "default: ${DEFAULT-VALUE}")
    float topP;
    @Option(names = "--historys", defaultValue = "0", description = "earlier messages carried into each prompt"
            + " (default: ${DEFAULT-VALUE})")
    int historys;
    @Option(names = "--tokenizer_path", defaultValue = "model", description = "default: ${DEFAULT-VALUE}")
    String tokenizerPath;
    @Option(names = "--device", description = "cpu, cuda or cuda:N (default: cuda:0 if available, else cpu)")
    String device;
    @Option(names = "--seed", description = "sampling seed (default: a new one each run)")
    Long seed;
    @Option(names = "--prompt", description = "answer this one prompt and exit")
    String prompt;

    /** Injected by picocli: usage errors go through the configured command line (its stderr, exit code 2). */
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Path workDir;
    private final InputStream in;
    private final PrintStream out;

    private EvalMain(Path workDir, InputStream in, PrintStream out) {
        this.workDir = workDir;
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath(), System.in, TrainMain.utf8(FileDescriptor.out),
                TrainMain.utf8(FileDescriptor.err)));
    }

    /** Parses and runs; returns the exit code (0 ok, 1 failure, 2 usage). */
    public static int run(String[] args, Path workDir, InputStream in, PrintStream out, PrintStream err) {
        return commandLine(workDir, in, out, err).execute(args);
    }

    /** The configured command line (tests parse it to read the defaults). */
    static CommandLine commandLine(Path workDir, InputStream in, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new EvalMain(workDir, in, out));
        line.setOverwrittenOptionsAllowed(true);
        line.setExpandAtFiles(false); // as in TrainMain: "@file" is a plain string, never a file's contents
        line.setUsageHelpWidth(120);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler(ExitCodes.failureHandler(err));
        return line;
    }

    @Override
    public Integer call() throws IOException {
        if (useMoe != 0 && useMoe != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--use_moe must be 0 or 1, got " + useMoe);
        }
        if (!loadFrom.equals(NATIVE)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--load_from " + loadFrom
                    + ": only 'model' (native weights from --save_dir) is supported by the builtin engine;"
                    + " loading a HuggingFace-format folder is not implemented");
        }
        GenerationConfig generation = GenerationConfig.sampling(temperature, topP, maxNewTokens,
                seed != null ? seed : System.nanoTime());
        Path file = CheckpointPaths.fromWeight(workDir.resolve(saveDir), weight, hiddenSize, useMoe == 1);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--weight " + weight + ": weight file not found: "
                    + file.toAbsolutePath());
        }
        try (MiniMindTokenizer tokenizer = MiniMindTokenizer.load(workDir.resolve(tokenizerPath));
             NDManager manager = NDManager.newBaseManager(Devices.resolve(device));
             MiniMindForCausalLM model = new MiniMindForCausalLM(MiniMindConfig.of(hiddenSize, numHiddenLayers,
                     useMoe == 1).withInferenceRopeScaling(inferenceRopeScaling), manager, 42)) {
            try (NDManager loading = manager.newSubManager()) {
                model.load(SafeTensors.read(file, loading));
            }
            loadLora(model, manager);
            model.setTraining(false);
            ChatSession session = new ChatSession(model, tokenizer, generation, weight.equals("pretrain"), historys);
            if (prompt != null) {
                session.answer(prompt, out);
            } else {
                interactive(session);
            }
        }
        return ExitCodes.OK;
    }

    /** eval_llm.py: {@code apply_lora(model)} then {@code load_lora(model, ./{save_dir}/lora/{name}_{H}.pth)}. */
    private void loadLora(MiniMindForCausalLM model, NDManager manager) throws IOException {
        if (loraWeight.equals(NO_LORA)) {
            return;
        }
        Path file = loraFile(workDir.resolve(saveDir), loraWeight, hiddenSize);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--lora_weight " + loraWeight + ": adapter file not found: "
                    + file.toAbsolutePath());
        }
        model.applyLora(LORA_RANK, 42);
        try (NDManager loading = manager.newSubManager()) {
            model.loadLora(SafeTensors.read(file, loading));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lora_weight " + file + ": " + e.getMessage(), e);
        }
    }

    /** MiniMind's adapter file name: {@code {save_dir}/lora/{name}_{H}} (no {@code _moe} suffix), as safetensors. */
    static Path loraFile(Path saveDir, String name, int hiddenSize) {
        return saveDir.resolve("lora").resolve(name + "_" + hiddenSize + ".safetensors");
    }

    private void interactive(ChatSession session) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            out.print("👶: ");
            out.flush();
            String line = reader.readLine();
            if (line == null) {
                out.println();
                return;
            }
            if (!line.isBlank()) {
                out.print("🤖️: ");
                session.answer(line, out);
                out.println();
            }
        }
    }
}
