package ai.minimind.engine.train;

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
 * djl-pitfalls.md trap 1 as a test: no {@code NDArray} arithmetic with a Java number anywhere in the train package
 * (a numeric literal, a cast, or a float/double/int variable as the argument of add/sub/mul/div/pow/maximum/minimum
 * or their in-place forms).
 */
class ScalarFreeSourcesTest {
    private static final Pattern OP = Pattern.compile(
            "\\.(add|sub|mul|div|pow|maximum|minimum|addi|subi|muli|divi|powi|maximumi|minimumi)"
                    + "\\(\\s*((?:\\([^()]*\\)|[^()])*?)\\)");
    private static final Pattern NUMBER = Pattern.compile("^-?\\(?(float|double|int|long)?\\)?\\s*-?\\d.*");

    @Test
    void train_sources_use_no_scalar_overloads() throws IOException {
        Path root = Path.of("src/main/java/ai/minimind/engine/train");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                offenders.addAll(scalarCalls(file, source));
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void the_check_catches_literals_casts_and_primitive_variables() {
        String source = "class A { void f(NDArray a, float lr, NDArray b) { a.mul(3f); a.divi((float) lr);"
                + " a.add(lr); a.sub(b); a.muli(scale); } }";
        assertThat(scalarCalls(Path.of("A.java"), source)).hasSize(3);
    }

    private static List<String> scalarCalls(Path file, String source) {
        List<String> primitives = primitiveNames(source);
        List<String> found = new ArrayList<>();
        Matcher m = OP.matcher(source);
        while (m.find()) {
            String argument = m.group(2).trim();
            if (NUMBER.matcher(argument).matches() || argument.startsWith("(float)")
                    || argument.startsWith("(double)") || primitives.contains(argument)) {
                found.add(file.getFileName() + ": " + m.group());
            }
        }
        return found;
    }

    private static List<String> primitiveNames(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(float|double|int|long|Number|Float|Double)\\s+(\\w+)").matcher(source);
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }
}
