package ai.minimind.engine.starter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small-number exercises: addition, subtraction, comparison, counting and unit conversion, in English or Chinese. */
final class NumberTasks {
    /** A unit conversion: {@code factor} small units per large unit, with both names in both languages. */
    private record Conversion(String large, String larges, String small, String zhLarge, String zhSmall, int factor) {
    }

    private static final List<Conversion> CONVERSIONS = List.of(
            new Conversion("meter", "meters", "centimeters", "米", "厘米", 100),
            new Conversion("kilogram", "kilograms", "grams", "千克", "克", 1000),
            new Conversion("hour", "hours", "minutes", "小时", "分钟", 60),
            new Conversion("minute", "minutes", "seconds", "分钟", "秒", 60),
            new Conversion("day", "days", "hours", "天", "小时", 24),
            new Conversion("week", "weeks", "days", "周", "天", 7));

    private NumberTasks() {
    }

    static QaPair addition(Random random, boolean chinese) {
        int a = random.nextInt(21);
        int b = random.nextInt(21);
        int wrong = a + b + offByOne(random, a + b);
        return chinese
                ? new QaPair(a + "加" + b + "等于多少？", a + "加" + b + "等于" + (a + b) + "。",
                        a + "加" + b + "等于" + wrong + "。", true)
                : new QaPair("What is " + a + " plus " + b + "?", a + " plus " + b + " is " + (a + b) + ".",
                        a + " plus " + b + " is " + wrong + ".", false);
    }

    static QaPair subtraction(Random random, boolean chinese) {
        int a = random.nextInt(21);
        int b = random.nextInt(a + 1);
        int wrong = a - b + offByOne(random, a - b);
        return chinese
                ? new QaPair(a + "减" + b + "等于多少？", a + "减" + b + "等于" + (a - b) + "。",
                        a + "减" + b + "等于" + wrong + "。", true)
                : new QaPair("What is " + a + " minus " + b + "?", a + " minus " + b + " is " + (a - b) + ".",
                        a + " minus " + b + " is " + wrong + ".", false);
    }

    static QaPair comparison(Random random, boolean chinese) {
        int a = random.nextInt(51);
        int b = (a + 1 + random.nextInt(50)) % 51;
        int big = Math.max(a, b);
        int small = Math.min(a, b);
        return chinese
                ? new QaPair(a + "和" + b + "哪个大？", big + "比" + small + "大。", small + "比" + big + "大。", true)
                : new QaPair("Which is larger, " + a + " or " + b + "?", big + " is larger than " + small + ".",
                        small + " is larger than " + big + ".", false);
    }

    /** Counting up by one; the wrong answer skips a number in the middle. */
    static QaPair counting(Random random, boolean chinese) {
        int from = 1 + random.nextInt(10);
        int to = from + 3 + random.nextInt(4);
        List<String> all = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            all.add(String.valueOf(n));
        }
        List<String> skipped = new ArrayList<>(all);
        skipped.remove(1 + random.nextInt(all.size() - 2));
        return chinese
                ? new QaPair("从" + from + "数到" + to + "。", String.join("、", all) + "。",
                        String.join("、", skipped) + "。", true)
                : new QaPair("Count from " + from + " to " + to + ".", String.join(", ", all) + ".",
                        String.join(", ", skipped) + ".", false);
    }

    /** Large to small unit; the wrong answer uses a factor of 10 (a common slip). */
    static QaPair conversion(Random random, boolean chinese) {
        Conversion c = CONVERSIONS.get(random.nextInt(CONVERSIONS.size()));
        int n = 1 + random.nextInt(9);
        int right = n * c.factor();
        int wrong = n * (c.factor() == 10 ? 100 : 10);
        if (chinese) {
            return new QaPair(n + c.zhLarge() + "等于多少" + c.zhSmall() + "？", n + c.zhLarge() + "等于" + right
                    + c.zhSmall() + "。", n + c.zhLarge() + "等于" + wrong + c.zhSmall() + "。", true);
        }
        String large = n == 1 ? c.large() : c.larges();
        return new QaPair("How many " + c.small() + " are in " + n + " " + large + "?",
                n + " " + large + " is " + right + " " + c.small() + ".",
                n + " " + large + " is " + wrong + " " + c.small() + ".", false);
    }

    /** +1 or -1, never making a non-negative result negative. */
    private static int offByOne(Random random, int value) {
        return value == 0 || random.nextBoolean() ? 1 : -1;
    }
}
