package ai.minimind.engine.cli;

import ai.minimind.engine.data.ChatTemplate;
import ai.minimind.engine.generate.GenerationConfig;
import ai.minimind.engine.generate.Generator;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation with a trained model, as {@code eval_llm.py} holds it: chat weights get the chat template with
 * the generation prompt (and the last {@code historys} messages), pretrain weights get {@code <|im_start|>} + the raw
 * prompt.
 */
final class ChatSession {
    private final MiniMindForCausalLM model;
    private final MiniMindTokenizer tokenizer;
    private final GenerationConfig generation;
    private final boolean rawPrompt;
    private final int historys;
    private final List<ChatTemplate.Message> history = new ArrayList<>();

    ChatSession(MiniMindForCausalLM model, MiniMindTokenizer tokenizer, GenerationConfig generation,
                boolean rawPrompt, int historys) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.generation = generation;
        this.rawPrompt = rawPrompt;
        this.historys = historys;
    }

    /** Streams the answer to {@code prompt} onto {@code out} and returns it. */
    String answer(String prompt, PrintStream out) {
        int[] promptIds = tokenizer.encode(render(prompt));
        StreamingText text = new StreamingText(tokenizer, out);
        Generator.generate(model, promptIds, generation, text::accept);
        String answer = text.finish();
        history.add(new ChatTemplate.Message("user", prompt));
        history.add(new ChatTemplate.Message("assistant", answer));
        return answer;
    }

    String render(String prompt) {
        if (rawPrompt) {
            return "<|im_start|>" + prompt;
        }
        List<ChatTemplate.Message> messages = new ArrayList<>(
                history.subList(Math.max(0, history.size() - historys), history.size()));
        messages.add(new ChatTemplate.Message("user", prompt));
        return ChatTemplate.render(messages, null, true);
    }
}
