package ai.minimind.engine.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * MiniMind's console lines (spec 4.7), printed and flushed one by one so a supervisor tailing the log sees them at
 * once.
 */
public final class TrainLog {
    private final PrintStream out;

    public TrainLog(PrintStream out) {
        this.out = out;
    }

    /** Prints one line and flushes. */
    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * {@code Epoch:[e/E](step/iters) loss:%.6f lr:%.12f epoch_Time:<eta>min:} with {@code epoch} 0-based and
     * {@code elapsedSeconds} measured from the start of the epoch.
     */
    public static String stepLine(int epoch, int epochs, int step, int iters, double loss, double lr,
                                  double elapsedSeconds) {
        return String.format(Locale.ROOT, "Epoch:[%d/%d](%d/%d) loss:%.6f lr:%.12f epoch_Time:%.1fmin:",
                epoch + 1, epochs, step, iters, loss, lr, etaMinutes(elapsedSeconds, step, iters));
    }

    /**
     * MiniMind's estimate of the minutes left in the epoch, Python floor divisions on floats:
     * {@code elapsed / (step + 1) * iters // 60 - elapsed // 60}.
     */
    public static double etaMinutes(double elapsedSeconds, int step, int iters) {
        return Math.floor(elapsedSeconds / (step + 1) * iters / 60) - Math.floor(elapsedSeconds / 60) + 0.0;
    }

    /** The parameter-count line MiniMind prints after building the model (millions, 3 decimals). */
    public static String parameterLine(long parameterCount) {
        return String.format(Locale.ROOT, "所加载Model可训练参数：%.3f 百万", parameterCount / 1e6);
    }
}
