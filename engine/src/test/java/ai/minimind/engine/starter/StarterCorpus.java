package ai.minimind.engine.starter;

import ai.minimind.engine.starter.JsonText.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The starter data sets as JSON lines, each from its own fixed seed so that changing one file's recipe leaves the
 * others as they were. {@link Random} is used because its algorithm is fixed by its specification: the same seed
 * gives the same lines on every JVM.
 */
final class StarterCorpus {
    /** The placeholder MiniMind's rlaif-mini puts in the assistant turn that RLAIF trainers discard. */
    static final String RLAIF_PLACEHOLDER = "空";
    static final String END = "<|im_end|>";
    private static final String SYSTEM_EN = "You are MiniMind, a small and helpful assistant.";
    private static final String SYSTEM_ZH = "你是MiniMind，一个小巧而乐于助人的助手。";

    private StarterCorpus() {
    }

    /** pretrain_hq's layout: 4 to 8 question-answer pieces, each ending with {@code <|im_end|>}, joined by spaces. */
    static List<String> pretrain(int lines, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            boolean chinese = random.nextBoolean();
            int pieces = 4 + random.nextInt(5);
            List<String> text = new ArrayList<>();
            for (int p = 0; p < pieces; p++) {
                text.add(StarterTasks.next(random, chinese).asText() + END);
            }
            out.add(JsonText.object("text", JsonText.string(String.join(" ", text))));
        }
        return out;
    }

    /** Single-turn chats; about one in six has a second turn and one in ten opens with a system message. */
    static List<String> sft(int lines, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            boolean chinese = random.nextBoolean();
            List<Message> chat = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                chat.add(new Message("system", chinese ? SYSTEM_ZH : SYSTEM_EN));
            }
            int turns = random.nextInt(6) == 0 ? 2 : 1;
            for (int t = 0; t < turns; t++) {
                QaPair pair = StarterTasks.next(random, chinese);
                chat.add(new Message("user", pair.question()));
                chat.add(new Message("assistant", pair.answer()));
            }
            out.add(JsonText.object("conversations", JsonText.messages(chat)));
        }
        return out;
    }

    /** The same question answered right (chosen) and with a typical mistake (rejected). */
    static List<String> dpo(int lines, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            QaPair pair = StarterTasks.next(random);
            Message user = new Message("user", pair.question());
            out.add(JsonText.object(
                    "chosen", JsonText.messages(List.of(user, new Message("assistant", pair.answer()))),
                    "rejected", JsonText.messages(List.of(user, new Message("assistant", pair.wrongAnswer())))));
        }
        return out;
    }

    /** rlaif-mini's layout: a user prompt and the placeholder assistant turn. */
    static List<String> rlaif(int lines, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            QaPair pair = StarterTasks.next(random);
            out.add(JsonText.object("conversations", JsonText.messages(List.of(
                    new Message("user", pair.question()), new Message("assistant", RLAIF_PLACEHOLDER)))));
        }
        return out;
    }
}
