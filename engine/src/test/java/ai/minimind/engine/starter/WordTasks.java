package ai.minimind.engine.starter;

import java.util.List;
import java.util.Random;

/** Exercises over fixed word lists: the days of the week and spelling words backwards, in English or Chinese. */
final class WordTasks {
    private static final List<String> DAYS = List.of(
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> ZH_DAYS = List.of(
            "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日");
    private static final List<String> WORDS = List.of(
            "cat", "dog", "sun", "moon", "tree", "book", "fish", "bird", "rain", "snow", "milk", "star",
            "apple", "river", "green", "music", "happy", "water", "light", "stone", "train", "cloud", "bread", "house");
    private static final String ZH_CHARACTERS = "春夏秋冬山水日月花草风雨天地人口大小上下东南西北";

    private WordTasks() {
    }

    /** The day after or before a given day; the wrong answer is two days away. */
    static QaPair weekday(Random random, boolean chinese) {
        int day = random.nextInt(7);
        boolean after = random.nextBoolean();
        int step = after ? 1 : 6;
        String right = pick(chinese, day + step);
        String wrong = pick(chinese, day + 2 * step);
        if (chinese) {
            String relation = pick(true, day) + (after ? "的后一天" : "的前一天");
            return new QaPair(relation + "是星期几？", relation + "是" + right + "。", relation + "是" + wrong + "。", true);
        }
        String relation = "The day " + (after ? "after " : "before ") + pick(false, day) + " is ";
        return new QaPair("What day comes " + (after ? "after " : "before ") + pick(false, day) + "?",
                relation + right + ".", relation + wrong + ".", false);
    }

    /** A word (English) or a string of 3 or 4 characters (Chinese) backwards; the wrong answer leaves it as it was. */
    static QaPair reversal(Random random, boolean chinese) {
        if (chinese) {
            StringBuilder text = new StringBuilder();
            int length = 3 + random.nextInt(2);
            while (text.length() < length) {
                char c = ZH_CHARACTERS.charAt(random.nextInt(ZH_CHARACTERS.length()));
                if (text.indexOf(String.valueOf(c)) < 0) {
                    text.append(c);
                }
            }
            String word = text.toString();
            String reversed = text.reverse().toString();
            return new QaPair("把“" + word + "”倒过来写。", "“" + word + "”倒过来是“" + reversed + "”。",
                    "“" + word + "”倒过来是“" + word + "”。", true);
        }
        String word = WORDS.get(random.nextInt(WORDS.size()));
        String reversed = new StringBuilder(word).reverse().toString();
        return new QaPair("Spell " + word + " backwards.", word + " backwards is " + reversed + ".",
                word + " backwards is " + word + ".", false);
    }

    private static String pick(boolean chinese, int day) {
        return (chinese ? ZH_DAYS : DAYS).get(day % 7);
    }
}
