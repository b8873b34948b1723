package ai.minimind.engine.tokenizer;

import ai.minimind.engine.data.DataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code train tokenizer}: MiniMind's {@code train_tokenizer.py} as a command ({@code --data_path corpus.jsonl
 * --vocab_size 6400 --save_dir DIR}). Bad data prints the file:line error and exits with status 1.
 */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = "Train a byte-level BPE tokenizer on a JSONL corpus (text or conversations records).")
public final class TokenizerTrainMain implements Callable<Integer> {
    @Option(names = "--data_path", required = true, description = "JSONL corpus")
    Path dataPath;

    @Option(names = "--vocab_size", defaultValue = "6400", description = "vocabulary size (default: ${DEFAULT-VALUE})")
    int vocabSize;

    @Option(names = "--save_dir", required = true, description = "folder for tokenizer.json and tokenizer_config.json")
    Path saveDir;

    @Override
    public Integer call() throws Exception {
        BpeTrainer.train(dataPath, vocabSize, saveDir);
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TokenizerTrainMain());
        cli.setExpandAtFiles(false); // "@file" is a plain string, as with argparse
        // Bad data or arguments: one readable line (the message names file and line), no stack trace.
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean userError = e instanceof DataFormatException || e instanceof IllegalArgumentException;
            System.err.println(userError ? e.getMessage() : e.toString());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
