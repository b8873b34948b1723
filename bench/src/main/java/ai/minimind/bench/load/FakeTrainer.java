package ai.minimind.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A POSIX {@code sh} script standing in for the engine: it reads {@code --epochs E} from the arguments the server
 * passes (train type first, then MiniMind flags), prints {@code E × STEPS} MiniMind-style progress lines and
 * exits 0. No JVM per job, so a thousand jobs cost milliseconds of CPU each, and the server's own work (launch,
 * records, log reads) is what the benchmark measures. A job started while the hold file exists keeps running
 * after its lines (one {@code sleep} of at most {@link #HOLD_SECONDS} s) like a trainer still at work, until it
 * is stopped.
 */
final class FakeTrainer {
    /** Progress lines per epoch. */
    static final int STEPS = 100;
    /** What every progress line starts with (MiniMind's {@code Epoch:[e/E](s/S) loss:...} format). */
    static final String LINE_PREFIX = "Epoch:[";
    /** Upper bound of a held job's life, should the harness die before stopping it. */
    static final int HOLD_SECONDS = 300;

    private static final String SCRIPT = String.join("\n",
            "#!/bin/sh",
            "# Fake MiniMind trainer of the server load benchmark: only sh builtins, no external commands.",
            "epochs=1",
            "while [ $# -gt 0 ]; do",
            "  case \"$1\" in",
            "    --epochs) epochs=$2; shift 2 ;;",
            "    *) shift ;;",
            "  esac",
            "done",
            "steps=" + STEPS,
            "e=1",
            "while [ $e -le $epochs ]; do",
            "  s=1",
            "  while [ $s -le $steps ]; do",
            "    printf 'Epoch:[%d/%d](%d/%d) loss:%d.%06d lr:0.000550000000 epoch_Time:0.0min:\\n' \\",
            "      $e $epochs $s $steps $((8 - 7 * s / steps)) $(((s * 7919) % 1000000))",
            "    s=$((s + 1))",
            "  done",
            "  e=$((e + 1))",
            "done",
            "if [ -e '@HOLD@' ]; then sleep " + HOLD_SECONDS + "; fi",
            "");

    private FakeTrainer() {
    }

    /**
     * Writes the script into {@code folder}; the server's engine command is {@code /bin/sh <script>}. Jobs hold
     * while {@link #holdFile} of the same folder exists.
     */
    static Path writeInto(Path folder) throws IOException {
        Path script = folder.resolve("fake-trainer.sh");
        String hold = holdFile(folder).toAbsolutePath().toString();
        if (hold.contains("'")) {
            throw new IOException("the run folder " + folder + " contains a quote; the script cannot name it");
        }
        Files.writeString(script, SCRIPT.replace("@HOLD@", hold), StandardCharsets.UTF_8);
        return script;
    }

    static Path holdFile(Path folder) {
        return folder.resolve("hold-jobs");
    }

    /** Lines a job with {@code epochs} epochs writes: the server's two header lines plus the progress lines. */
    static int logLines(int epochs) {
        return 2 + epochs * STEPS;
    }
}
