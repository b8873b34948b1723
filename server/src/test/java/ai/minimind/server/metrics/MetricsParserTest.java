package ai.minimind.server.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsParserTest {

    @Test
    void reads_every_field_of_a_supervised_line() {
        MetricPoint p = MetricsParser.parseLine(
                "Epoch:[1/2](100/3750) loss:2.345678 lr:0.000000550000 epoch_Time:12.0min:").orElseThrow();

        assertThat(p).isEqualTo(new MetricPoint(MetricPoint.SUPERVISED, 1, 2, 100, 3750, 2.345678, 5.5e-7,
                null, null, 12.0));
    }

    @Test
    void reads_a_distillation_line_with_its_extra_fields() {
        MetricPoint p = MetricsParser.parseLine(
                "Epoch:[3/6](20/500) loss:4.100000 ce:3.2000 distill:0.9000 lr:0.000005000000 epoch_Time:3.0min:")
                .orElseThrow();

        assertThat(p.loss()).isEqualTo(4.1);
        assertThat(p.lr()).isEqualTo(5e-6);
        assertThat(p.epoch()).isEqualTo(3);
        assertThat(p.epochs()).isEqualTo(6);
    }

    @Test
    void reads_a_ppo_line_with_actor_loss_reward_kl_and_actor_lr() {
        MetricPoint p = MetricsParser.parseLine("Epoch: 1, Step: 7/50, Actor Loss: -0.031250, Critic Loss: 1.250000,"
                + " Reward: 0.812500, KL: 0.004000, KL_ref: 0.010000, Avg Response Len: 37.50,"
                + " Actor LR: 8.00e-08, Critic LR: 7.50e-08").orElseThrow();

        assertThat(p).isEqualTo(new MetricPoint(MetricPoint.PPO, 1, null, 7, 50, -0.03125, 8e-8, 0.8125, 0.004,
                null));
    }

    @Test
    void reads_a_grpo_line_which_has_no_kl() {
        MetricPoint p = MetricsParser.parseLine("Epoch: 2, Step: 3/10, Actor Loss: 0.120000, Reward: -1.500000,"
                + " Avg Response Len: 120.25, LR: 8.00e-08").orElseThrow();

        assertThat(p).isEqualTo(new MetricPoint(MetricPoint.GRPO, 2, null, 3, 10, 0.12, 8e-8, -1.5, null, null));
    }

    @Test
    void reads_an_spo_line_with_baseline_kl_and_rho() {
        MetricPoint p = MetricsParser.parseLine("Epoch: 1, Step: 4/8, Actor Loss: 0.250000, Reward: 1.000000,"
                + " Baseline: 0.5000, KL: 0.0123, Rho: 0.9000, Avg Response Len: 64.00, LR: 1.00e-07").orElseThrow();

        assertThat(p).isEqualTo(new MetricPoint(MetricPoint.SPO, 1, null, 4, 8, 0.25, 1e-7, 1.0, 0.0123, null));
    }

    @Test
    void reads_nan_and_inf_as_missing_numbers_so_the_json_stays_valid() {
        MetricPoint p = MetricsParser.parseLine(
                "Epoch:[1/1](5/10) loss:nan lr:0.000550000000 epoch_Time:inf min:").orElseThrow();

        assertThat(p.loss()).isNull();
        assertThat(p.lr()).isEqualTo(5.5e-4);
        assertThat(p.step()).isEqualTo(5);
    }

    @Test
    void skips_everything_that_is_not_a_progress_line() {
        String log = """
                MiniMind training started: sft
                LLM可训练总参数量：0.123 百万
                Epoch:[1/1](1/4) loss:8.800000 lr:0.000000550000 epoch_Time:0.0min:
                Traceback (most recent call last):
                <script>alert(1)</script>
                Epoch:[1/1](2/4) loss:8.700000 lr:0.000000500000 epoch_Time:0.0min:
                """;

        List<MetricPoint> points = MetricsParser.parse(log);

        assertThat(points).extracting(MetricPoint::step).containsExactly(1L, 2L);
        assertThat(points).extracting(MetricPoint::loss).containsExactly(8.8, 8.7);
    }

    @Test
    void accepts_a_timestamp_or_prefix_before_the_progress_text() {
        assertThat(MetricsParser.parseLine("[rank0] Epoch: 1, Step: 1/2, Actor Loss: 0.1, Reward: 0.2,"
                + " Avg Response Len: 3.00, LR: 1.00e-07")).isPresent();
    }

    /** Logs of real builtin-engine runs (see src/test/resources/logs/README.md), header and DJL noise included. */
    @ParameterizedTest
    @ValueSource(strings = {"builtin-pretrain.log", "builtin-sft.log"})
    void reads_every_progress_line_of_a_real_engine_log(String name) throws Exception {
        String log;
        try (InputStream in = MetricsParserTest.class.getResourceAsStream("/logs/" + name)) {
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long progressLines = log.lines().filter(l -> l.startsWith("Epoch:[")).count();

        List<MetricPoint> points = MetricsParser.parse(log);

        assertThat(progressLines).isGreaterThan(5);
        assertThat(points).hasSize((int) progressLines);
        assertThat(points).extracting(MetricPoint::kind).containsOnly(MetricPoint.SUPERVISED);
        assertThat(points).extracting(MetricPoint::step).isSorted().doesNotHaveDuplicates();
        // MiniMind logs every log_interval-th step and step == iters - 1, so the last line is one of the two.
        MetricPoint last = points.get(points.size() - 1);
        assertThat(last.step()).isBetween(last.total() - 1, last.total());
        assertThat(points).extracting(MetricPoint::total).containsOnly(last.total());
        assertThat(points).allSatisfy(p -> {
            assertThat(p.loss()).isFinite().isPositive();
            assertThat(p.lr()).isPositive();
            assertThat(p.epoch()).isEqualTo(1);
        });
    }
}
