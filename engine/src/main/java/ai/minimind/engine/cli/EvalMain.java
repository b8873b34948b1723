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
 * {@code bin/minimind eval}: chat with trained weights like MiniMind's {@code eval_llm.py}. With {@code --prompt}
 * it streams one answer; without, it reads prompts line by line from stdin until EOF.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Chat with {save_dir}/{weight}_{hidden_size}[_moe].safetensors")
public final class EvalMain implements Callable<Integer> {
    @Option(names = "--weight", defaultValue = "full_sft", description = "weight name (default: ${DEFAULT-VALUE})")
    String weight;
    @Option(names = "--save_dir", defaultValue = "out", description = "default: ${DEFAULT-VALUE}")
    String saveDir;
    @Option(names = "--hidden_size", defaultValue = "512", description = "default: ${DEFAULT-VALUE}")
    int hiddenSize;
    @Option(names = "--num_hidden_layers", defaultValue = "8", description = "default: ${DEFAULT-VALUE}")
    int numHiddenLayers;
    @Option(names = "--use_moe", defaultValue = "0", description = "0 or 1 (default: ${DEFAULT-VALUE})")
    int useMoe;
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
        CommandLine line = new CommandLine(new EvalMain(workDir, in, out));
        line.setOverwrittenOptionsAllowed(true);
        line.setUsageHelpWidth(120);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler(ExitCodes.failureHandler(err));
        return line.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (useMoe != 0 && useMoe != 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--use_moe must be 0 or 1, got " + useMoe);
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
             MiniMindForCausalLM model = new MiniMindForCausalLM(
                     MiniMindConfig.of(hiddenSize, numHiddenLayers, useMoe == 1), manager, 42)) {
            try (NDManager loading = manager.newSubManager()) {
                model.load(SafeTensors.read(file, loading));
            }
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
