package ai.minimind.engine.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * djl-pitfalls.md trap 1 as a test: NDArray's {@code add/sub/mul/div/pow/maximum/minimum(Number)} overloads free
 * their scalar tensor before backward, so the differentiable packages ({@code model}, {@code train}) must use
 * long-lived scalar arrays (Consts). Scans every {@code model} and {@code train} folder under the engine sources.
 */
class ScalarOverloadScanTest {
    private static final String OPS = "(?:add|sub|mul|div|pow|maximum|minimum|rsub|rdiv|rpow)i?";
    private static final String NUMERIC_TYPE = "(?:float|double|int|long|short|Float|Double|Integer|Long|Number)";
    private static final Pattern LITERAL_OR_CAST = Pattern.compile(
            "\\." + OPS + "\\(\\s*(?:\\(" + NUMERIC_TYPE + "\\)|[-+]?\\.?\\d|Math\\.|Float\\.|Double\\.)");
    private static final Pattern SIMPLE_ARGUMENT = Pattern.compile(
            "\\." + OPS + "\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)");

    @Test
    void differentiable_packages_use_no_scalar_overloads() throws IOException {
        List<Path> sources = differentiableSources(sourceRoot());
        assertThat(sources).as("model sources found under " + sourceRoot()).isNotEmpty();
        List<String> offenders = new ArrayList<>();
        for (Path file : sources) {
            offenders.addAll(scan(file.toString(), Files.readString(file)));
        }
        assertThat(offenders).as("scalar overloads (use Consts instead)").isEmpty();
    }

    @Test
    void scanner_flags_literals_casts_and_numeric_variables_but_not_arrays() {
        String code = String.join("\n",
                "class X {",
                "  float lr; NDArray w;",
                "  void f(double scale, int n) {",
                "    a.mul(3f); a.add(-1); a.divi(0.5); a.pow(2); a.sub(.5f); a.maximum((float) x);",
                "    a.mul(scale); a.addi(n); a.mul(lr); a.div(Math.sqrt(d));",
                "    a.mul(w); a.add(consts.of(2f)); list.add(item); a.mul(three);",
                "  }",
                "}");
        List<String> hits = scan("X.java", code);
        assertThat(hits).hasSize(10);
        assertThat(String.join("\n", hits)).doesNotContain("a.mul(w)").doesNotContain("consts.of");
    }

    static List<String> scan(String name, String code) {
        List<String> hits = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            Matcher literal = LITERAL_OR_CAST.matcher(line);
            while (literal.find()) {
                hits.add(name + ":" + (i + 1) + ": " + literal.group());
            }
            Matcher simple = SIMPLE_ARGUMENT.matcher(line);
            while (simple.find()) {
                if (isNumericVariable(code, simple.group(1))) {
                    hits.add(name + ":" + (i + 1) + ": " + simple.group());
                }
            }
        }
        return hits;
    }

    private static boolean isNumericVariable(String code, String identifier) {
        return Pattern.compile("\\b" + NUMERIC_TYPE + "\\s+" + Pattern.quote(identifier) + "\\b").matcher(code).find();
    }

    private static String stripComment(String line) {
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static Path sourceRoot() {
        Path inModule = Path.of("src/main/java");
        return Files.isDirectory(inModule) ? inModule : Path.of("engine/src/main/java");
    }

    private static List<Path> differentiableSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        String s = root.relativize(p).toString().replace('\\', '/');
                        return s.contains("/model/") || s.contains("/train/");
                    })
                    .sorted()
                    .toList();
        }
    }
}
