package ai.minimind.server.dispatch;

import ai.minimind.server.api.ApiException.ValidationFailed;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks and coerces a request's parameters against a {@link TrainType}: strings from web forms become ints,
 * floats and 0/1 flags; anything unknown, mistyped or out of range is refused naming the field. Parameters left
 * out (absent, null or "") stay out, so the script's own default applies.
 */
public final class ParamValidator {
    /** Weight and run names end up inside file names: no separators, no dot-dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DEVICE = Pattern.compile("cpu|mps|cuda(:[0-9]{1,3})?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern FLAG_WORD = Pattern.compile("(?i)\\s*(true|false|on|off|yes|no)\\s*");

    private ParamValidator() {
    }

    /** The validated values in table order: Long for int, Double for float, Boolean for flag01, else String. */
    public static Map<String, Object> validate(TrainType type, Map<String, ?> raw) {
        for (String key : raw.keySet()) {
            if (type.param(key).isEmpty()) {
                throw new ValidationFailed("unknown parameter '" + key + "' for train_type " + type.name());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : type.params()) {
            Object value = raw.get(spec.name());
            if (value == null || value instanceof String s && s.isBlank()) {
                continue;
            }
            values.put(spec.name(), coerce(spec, value));
        }
        return values;
    }

    private static Object coerce(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case INT -> inRange(spec, integer(spec, value));
            case FLOAT -> inRange(spec, decimal(spec, value));
            case FLAG01 -> flag(spec, value);
            case STR -> text(spec, value);
        };
    }

    private static long integer(ParamSpec spec, Object value) {
        if (zeroOne(spec) && (value instanceof Boolean || value instanceof String s && FLAG_WORD.matcher(s).matches())) {
            return flag(spec, value) ? 1 : 0; // MiniMind's 0/1 ints (use_moe, from_resume) from checkboxes
        }
        try {
            BigDecimal number = new BigDecimal(value instanceof Number ? value.toString() : ((String) value).trim());
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : fail(spec, "an integer", value);
        } catch (ArithmeticException | NumberFormatException | ClassCastException e) {
            return fail(spec, "an integer", value);
        }
    }

    private static boolean zeroOne(ParamSpec spec) {
        return spec.min() != null && spec.min().intValue() == 0 && spec.max() != null && spec.max().intValue() == 1;
    }

    private static double decimal(ParamSpec spec, Object value) {
        try {
            double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(((String) value).trim());
            return Double.isFinite(d) ? d : fail(spec, "a finite number", value);
        } catch (NumberFormatException | ClassCastException e) {
            return fail(spec, "a number", value);
        }
    }

    private static <T extends Number> T inRange(ParamSpec spec, T n) {
        double d = n.doubleValue();
        if (spec.min() != null && d < spec.min().doubleValue() || spec.max() != null && d > spec.max().doubleValue()) {
            throw new ValidationFailed(spec.name() + " must be between " + spec.min() + " and " + spec.max()
                    + ", got " + n);
        }
        return n;
    }

    private static boolean flag(ParamSpec spec, Object value) {
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "1", "true", "on", "yes" -> true;
            case "0", "false", "off", "no" -> false;
            default -> fail(spec, "0 or 1", value);
        };
    }

    private static String text(ParamSpec spec, Object value) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            return fail(spec, "a string", value);
        }
        String raw = value.toString();
        String text = raw.trim();
        // NUL is looked for before trim(), which would quietly drop a trailing one.
        if (raw.indexOf('\0') >= 0 || CONTROL.matcher(text).find()) {
            throw new ValidationFailed(spec.name() + " must not contain control characters or NUL");
        }
        if (text.startsWith("-") || text.startsWith("@")) {
            // The value becomes the argument after --name: "-..." would read as another option, and "@file" is a
            // file reference to some argument parsers (picocli expands it). No MiniMind value starts so.
            throw new ValidationFailed(spec.name() + " must not start with '-' or '@', got '" + text + "'");
        }
        if (spec.choices() != null && !spec.choices().contains(text)) {
            throw new ValidationFailed(spec.name() + " must be one of " + spec.choices() + ", got '" + text + "'");
        }
        switch (spec.name()) {
            case "save_weight", "lora_name" -> requireMatch(spec, text, NAME, "a plain name (letters, digits, _ . -)");
            case "device" -> requireMatch(spec, text, DEVICE, "cpu, mps or cuda[:N]");
            default -> { }
        }
        if (text.contains("..") && (spec.name().equals("save_weight") || spec.name().equals("lora_name"))) {
            return fail(spec, "a plain name without '..'", value);
        }
        return text;
    }

    private static void requireMatch(ParamSpec spec, String text, Pattern pattern, String what) {
        if (!pattern.matcher(text).matches()) {
            fail(spec, what, text);
        }
    }

    private static <T> T fail(ParamSpec spec, String expected, Object value) {
        throw new ValidationFailed(spec.name() + " must be " + expected + ", got '" + value + "'");
    }
}
