package ai.minimind.engine.starter;

import java.util.List;
import java.util.Random;

/** Draws one exercise from all task templates, each equally likely, in the requested language. */
final class StarterTasks {
    private interface Task {
        QaPair make(Random random, boolean chinese);
    }

    private static final List<Task> TASKS = List.of(NumberTasks::addition, NumberTasks::subtraction,
            NumberTasks::comparison, NumberTasks::counting, NumberTasks::conversion, WordTasks::weekday,
            WordTasks::reversal, ProjectFacts::fact);

    private StarterTasks() {
    }

    static QaPair next(Random random, boolean chinese) {
        return TASKS.get(random.nextInt(TASKS.size())).make(random, chinese);
    }

    /** As {@link #next(Random, boolean)} in a language chosen at random (half English, half Chinese). */
    static QaPair next(Random random) {
        return next(random, random.nextBoolean());
    }
}
