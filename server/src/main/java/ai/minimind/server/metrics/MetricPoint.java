package ai.minimind.server.metrics;

/**
 * One progress report parsed from a trainer's log line. {@code epoch} is 1-based as printed; {@code epochs} is
 * null for the RL trainers (their line does not print it). {@code step}/{@code total} count batches within the
 * epoch. {@code loss} is the supervised loss or the RL actor loss; {@code reward} and {@code kl} only come from
 * RL trainers; {@code eta} is the supervised line's remaining minutes for the epoch. Non-finite numbers
 * (a diverged run printing {@code nan}) read as null so the JSON stays valid.
 */
public record MetricPoint(String kind, int epoch, Integer epochs, long step, long total, Double loss, Double lr,
                          Double reward, Double kl, Double eta) {

    /** Which trainer family printed the line. */
    public static final String SUPERVISED = "supervised";
    public static final String PPO = "ppo";
    public static final String GRPO = "grpo";
    public static final String SPO = "spo";

}
