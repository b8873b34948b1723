package ai.minimind.server.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the trainers' progress lines (spec minimind-training.md 4.7 and 8.2-8.4) back into numbers. Lines that
 * are not progress lines (parameter counts, notices, stack traces) are skipped, never an error: a log is free text.
 */
public final class MetricsParser {
    // Epoch:[1/2](10/100) loss:2.345678 [ce:.. distill:..] lr:0.000000550000 epoch_Time:12.0min:
    private static final Pattern SUPERVISED = Pattern.compile(
            "Epoch:\\[(\\d+)/(\\d+)]\\((\\d+)/(\\d+)\\) loss:(\\S+)(?: ce:\\S+ distill:\\S+)? lr:(\\S+)"
                    + "(?: epoch_Time:(\\S+?)min:?)?");
    // Epoch: 1, Step: 3/10, Actor Loss: 0.1, ..., then "Key: value" pairs separated by ", ".
    private static final Pattern RL = Pattern.compile("Epoch: (\\d+), Step: (\\d+)/(\\d+), (.*)$");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_ ]+): (\\S+?)(?:,|$)");

    private MetricsParser() {
    }

    /** Every progress point in {@code text}, in order. */
    public static List<MetricPoint> parse(String text) {
        List<MetricPoint> points = new ArrayList<>();
        text.lines().forEach(line -> parseLine(line).ifPresent(points::add));
        return points;
    }

    /** The progress point printed on this one line, if it is a progress line. */
    public static Optional<MetricPoint> parseLine(String line) {
        Matcher s = SUPERVISED.matcher(line);
        if (s.find()) {
            return Optional.of(new MetricPoint(MetricPoint.SUPERVISED, Integer.parseInt(s.group(1)),
                    Integer.parseInt(s.group(2)), Long.parseLong(s.group(3)), Long.parseLong(s.group(4)),
                    number(s.group(5)), number(s.group(6)), null, null, number(s.group(7))));
        }
        Matcher r = RL.matcher(line);
        return r.find() ? Optional.of(rlPoint(r)) : Optional.empty();
    }

    private static MetricPoint rlPoint(Matcher r) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher pair = PAIR.matcher(r.group(4));
        while (pair.find()) {
            fields.put(pair.group(1).strip(), pair.group(2));
        }
        String kind = fields.containsKey("Critic Loss") ? MetricPoint.PPO
                : fields.containsKey("Baseline") ? MetricPoint.SPO : MetricPoint.GRPO;
        String lr = fields.containsKey("Actor LR") ? fields.get("Actor LR") : fields.get("LR");
        return new MetricPoint(kind, Integer.parseInt(r.group(1)), null, Long.parseLong(r.group(2)),
                Long.parseLong(r.group(3)), number(fields.get("Actor Loss")), number(lr),
                number(fields.get("Reward")), number(fields.get("KL")), null);
    }

    /** A printed number, or null when absent or not finite (Python prints nan / inf). */
    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
