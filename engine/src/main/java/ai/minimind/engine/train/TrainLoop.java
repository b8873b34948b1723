package ai.minimind.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The supervised training loop shared by every trainer (spec 4.5 to 4.8 and 10), MiniMind's rules step for step:
 * <ul>
 *   <li>steps are 1-based within an epoch; the batch order of epoch {@code e} is {@link EpochOrder}'s (seed 42+e);
 *   <li>before each micro-batch the LR is set from {@link LrSchedule#cosine} at {@code s = epoch*iters + step};
 *   <li>{@code loss / accumulation_steps} is back-propagated each micro-batch; gradients accumulate, and when
 *       {@code (step + 1) % accumulation_steps == 0} they are clipped to {@code grad_clip} by global norm, AdamW
 *       steps, and they are zeroed (leftovers at the end of an epoch carry over, as in MiniMind);
 *   <li>log when {@code step % log_interval == 0 || step == iters - 1}; save likewise with {@code save_interval}.
 * </ul>
 * A non-finite loss or gradient norm throws {@link NonFiniteException} before anything of that step is applied
 * or saved. Resuming continues with the batch right after the saved step: no batch is repeated or skipped.
 */
public final class TrainLoop<B> {
    private final LoopSettings settings;
    private final BatchSource<B> source;
    private final Objective<B> objective;
    private final AdamW optimizer;
    private final Checkpointer checkpointer;
    private final TrainLog log;
    private StepListener listener = StepListener.NONE;

    public TrainLoop(LoopSettings settings, BatchSource<B> source, Objective<B> objective, AdamW optimizer,
                     Checkpointer checkpointer, TrainLog log) {
        this.settings = settings;
        this.source = source;
        this.objective = objective;
        this.optimizer = optimizer;
        this.checkpointer = checkpointer;
        this.log = log;
    }

    /** Observes each completed step and may stop the run. */
    public TrainLoop<B> optListener(StepListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    /** Trains from {@code start} to the end of the last epoch, or until the listener says stop. */
    public void run(ResumePoint start) {
        List<NDArray> pending = start.pendingGradients();
        NDManager root = optimizer.parameters().get(0).getManager();
        try (NDArray accumulation = root.create((float) settings.accumulationSteps())) {
            for (int epoch = start.epoch(); epoch < settings.epochs(); epoch++) {
                EpochOrder order = new EpochOrder(source.size(), settings.batchSize(), epoch);
                int first = epoch == start.epoch() ? start.step() + 1 : 1;
                if (first > 1) {
                    log.line(String.format("Epoch [%d/%d]: 跳过前%d个step，从step %d开始",
                            epoch + 1, settings.epochs(), first - 1, first));
                }
                long epochStart = System.nanoTime();
                for (int step = first; step <= order.iters(); step++) {
                    StepReport report = step(epoch, step, order, root, accumulation, pending, epochStart);
                    pending = List.of();
                    if (!listener.onStep(report)) {
                        return;
                    }
                }
            }
        }
    }

    private StepReport step(int epoch, int step, EpochOrder order, NDManager root, NDArray accumulation,
                            List<NDArray> pending, long epochStart) {
        int iters = order.iters();
        double lr = LrSchedule.cosine(settings.learningRate(), (long) epoch * iters + step,
                (long) settings.epochs() * iters);
        long tokens;
        double loss;
        // The model puts every intermediate of a forward into the input's manager: closing it frees the step.
        try (NDManager stepManager = root.newSubManager()) {
            B batch = source.load(order.batch(step), stepManager);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossArray = objective.loss(batch);
                loss = lossArray.getFloat();
                if (!Double.isFinite(loss)) {
                    throw NonFiniteException.of(epoch, step, "loss", loss);
                }
                collector.backward(lossArray.div(accumulation));
            }
            addPending(pending);
            tokens = source.tokens(batch);
        }
        boolean update = (step + 1) % settings.accumulationSteps() == 0;
        if (update) {
            update(epoch, step, lr);
        }
        if (step % settings.logInterval() == 0 || step == iters - 1) {
            double elapsed = (System.nanoTime() - epochStart) / 1e9;
            log.line(TrainLog.stepLine(epoch, settings.epochs(), step, iters, loss, lr, elapsed));
        }
        boolean save = step % settings.saveInterval() == 0 || step == iters - 1;
        if (save) {
            try {
                checkpointer.save(epoch, step, optimizer);
            } catch (IOException e) {
                throw new UncheckedIOException("saving at epoch " + (epoch + 1) + " step " + step + " failed", e);
            }
        }
        return new StepReport(epoch, step, iters, loss, lr, update, save, tokens);
    }

    private void update(int epoch, int step, double lr) {
        List<NDArray> params = optimizer.parameters();
        double norm = settings.gradClip() > 0
                ? Gradients.clipGlobalNorm(params, settings.gradClip())
                : Gradients.globalNorm(params);
        if (!Double.isFinite(norm)) {
            throw NonFiniteException.of(epoch, step, "gradient norm", norm);
        }
        optimizer.step(lr);
        Gradients.zero(params);
    }

    /** Gradients accumulated before an interruption join the first backward after resuming (a + b == b + a). */
    private void addPending(List<NDArray> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<NDArray> params = optimizer.parameters();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).getGradient().addi(pending.get(i));
        }
    }
}
