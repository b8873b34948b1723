package ai.minimind.engine.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.minimind.engine.data.ChatTemplate;
import ai.minimind.engine.data.SharedData;
import ai.minimind.engine.generate.GenerationConfig;
import ai.minimind.engine.generate.Generator;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tensor.SafeTensors;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/minimind eval} against weights trained a moment before through {@code train pretrain} and
 * {@code train sft}; answers are compared with an independent in-process generation from the same file.
 */
class EvalMainTest {
    private static final MiniMindTokenizer TOKENIZER = SharedData.tokenizer();
    private static final MiniMindConfig TINY = MiniMindConfig.of(64, 2, false);
    @TempDir
    static Path root;

    @BeforeAll
    static void train_tiny_weights() throws IOException {
        Path workDir = Files.createDirectories(root.resolve("trainer"));
        CliRun pretrain = CliRun.train(workDir, TrainMainTest.tiny("pretrain", TrainMainTest.tinyPretrainData(root)));
        assertThat(pretrain.code()).as(pretrain.err()).isZero();
        CliRun sft = CliRun.train(workDir, TrainMainTest.tiny("sft", TrainMainTest.tinySftData(root)));
        assertThat(sft.code()).as(sft.err()).isZero();
        assertThat(root.resolve("out/full_sft_64.safetensors")).isRegularFile();
    }

    private static CliRun eval(String stdin, String... more) {
        String[] base = {"--weight", "pretrain", "--save_dir", "out", "--hidden_size", "64", "--num_hidden_layers",
            "2", "--tokenizer_path", SharedData.tokenizerDir().toString(), "--max_new_tokens", "6",
            "--temperature", "0"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.eval(root, stdin, args);
    }

    /** What eval should print: the weights in {@code out/}, the prompt rendered as given, one generation. */
    private static String reference(MiniMindConfig config, String weight, String renderedPrompt,
                                    GenerationConfig generation, Consumer<MiniMindForCausalLM> adapt)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(config, manager, 99)) {
            model.load(SafeTensors.read(root.resolve("out/" + weight + "_64.safetensors"), manager));
            adapt.accept(model);
            model.setTraining(false);
            int[] ids = Generator.generate(model, TOKENIZER.encode(renderedPrompt), generation, t -> { });
            return TOKENIZER.decode(ids, true) + "\n";
        }
    }

    private static String chatPrompt(String user) {
        return ChatTemplate.render(List.of(new ChatTemplate.Message("user", user)), null, true);
    }

    @Test
    void one_prompt_streams_one_answer_and_greedy_is_repeatable() {
        CliRun first = eval("", "--prompt", "你好");
        CliRun second = eval("", "--prompt", "你好");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isNotBlank().endsWith("\n");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void pretrain_weights_get_im_start_and_the_raw_prompt() throws IOException {
        CliRun run = eval("", "--prompt", "你好");
        assertThat(run.out()).isEqualTo(reference(TINY, "pretrain", "<|im_start|>你好",
                GenerationConfig.sampling(0f, 0.85f, 6, 0), m -> { }));
    }

    @Test
    void chat_weights_answer_through_the_chat_template_with_the_generation_prompt() throws IOException {
        CliRun run = eval("", "--weight", "full_sft", "--max_new_tokens", "10", "--prompt", "你好");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(chatPrompt("你好")).isEqualTo("<|im_start|>system\nYou are a helpful assistant<|im_end|>\n"
                + "<|im_start|>user\n你好<|im_end|>\n<|im_start|>assistant\n");
        assertThat(run.out()).isEqualTo(reference(TINY, "full_sft", chatPrompt("你好"),
                GenerationConfig.sampling(0f, 0.85f, 10, 0), m -> { }));
    }

    @Test
    void a_seeded_sampled_answer_is_the_sampler_s_draw_and_repeats_with_the_seed() throws IOException {
        String[] sampled = {"--weight", "full_sft", "--max_new_tokens", "12", "--temperature", "0.85", "--top_p",
            "0.85", "--seed", "7", "--prompt", "介绍一下你自己"};
        CliRun first = eval("", sampled);
        CliRun again = eval("", sampled);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(reference(TINY, "full_sft", chatPrompt("介绍一下你自己"),
                GenerationConfig.sampling(0.85f, 0.85f, 12, 7), m -> { }));
        assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void the_session_keeps_historys_messages_of_earlier_turns() {
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TINY, manager, 5)) {
            model.setTraining(false);
            ChatSession chat = new ChatSession(model, TOKENIZER, GenerationConfig.greedy(3), false, 2);
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            String answer = chat.answer("第一个问题", sink);
            assertThat(chat.render("第二个")).isEqualTo(ChatTemplate.render(List.of(
                    new ChatTemplate.Message("user", "第一个问题"), new ChatTemplate.Message("assistant", answer),
                    new ChatTemplate.Message("user", "第二个")), null, true));
            ChatSession forgetful = new ChatSession(model, TOKENIZER, GenerationConfig.greedy(3), false, 0);
            forgetful.answer("第一个问题", sink);
            assertThat(forgetful.render("第二个")).isEqualTo(chatPrompt("第二个"));
            ChatSession raw = new ChatSession(model, TOKENIZER, GenerationConfig.greedy(3), true, 2);
            assertThat(raw.render("续写")).isEqualTo("<|im_start|>续写");
        }
    }

    @Test
    void without_a_prompt_it_answers_each_line_of_stdin() {
        CliRun run = eval("你好\n介绍一下你自己\n");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().split("🤖️: ", -1)).hasSize(3);
        assertThat(run.out()).startsWith("👶: ");
    }

    @Test
    void lora_weight_applies_rank_8_adapters_from_the_lora_folder() throws IOException {
        LinkedHashMap<String, float[]> adapter = writeAdapter("zero_b", 8, 0f);
        CliRun base = eval("", "--weight", "full_sft", "--max_new_tokens", "10", "--prompt", "你好");
        CliRun zero = eval("", "--weight", "full_sft", "--max_new_tokens", "10", "--prompt", "你好",
                "--lora_weight", "zero_b");
        assertThat(zero.code()).as(zero.err()).isZero();
        assertThat(zero.out()).isEqualTo(base.out());   // B = 0: the adapter adds nothing
        assertThat(adapter).containsKey("model.layers.1.self_attn.o_proj.lora.B.weight");

        LinkedHashMap<String, float[]> strong = writeAdapter("strong", 8, 2f);
        CliRun adapted = eval("", "--weight", "full_sft", "--max_new_tokens", "10", "--prompt", "你好",
                "--lora_weight", "strong");
        assertThat(adapted.code()).as(adapted.err()).isZero();
        assertThat(adapted.out()).isEqualTo(reference(TINY, "full_sft", chatPrompt("你好"),
                GenerationConfig.sampling(0f, 0.85f, 10, 0), m -> {
                    m.applyLora(8, 3);
                    m.loraStateDict().forEach((k, v) -> v.set(strong.get(k)));
                }));
        assertThat(adapted.out()).isNotEqualTo(base.out());
    }

    @Test
    void a_lora_file_that_does_not_fit_is_an_error_naming_file_and_keys() throws IOException {
        writeAdapter("rank4", 4, 1f);
        CliRun run = eval("", "--weight", "full_sft", "--prompt", "hi", "--lora_weight", "rank4");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("--lora_weight " + root.resolve("out/lora/rank4_64.safetensors"))
                .contains("model.layers.0.self_attn.q_proj.lora.A.weight expected (8, 64) got (4, 64)");
        CliRun missing = eval("", "--weight", "full_sft", "--prompt", "hi", "--lora_weight", "absent");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("adapter file not found")
                .contains(root.resolve("out/lora/absent_64.safetensors").toString());
    }

    @Test
    void inference_rope_scaling_is_passed_to_the_model() throws IOException {
        CliRun run = eval("", "--weight", "full_sft", "--max_new_tokens", "10", "--prompt", "你好",
                "--inference_rope_scaling");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(reference(TINY.withInferenceRopeScaling(true), "full_sft",
                chatPrompt("你好"), GenerationConfig.sampling(0f, 0.85f, 10, 0), m -> { }));
    }

    @Test
    void load_from_anything_but_model_is_a_usage_error() {
        CliRun run = eval("", "--load_from", "../MiniMind2", "--prompt", "hi");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--load_from ../MiniMind2: only 'model' (native weights from --save_dir)");
        assertThat(eval("", "--load_from", "model", "--prompt", "hi").code()).isZero();
    }

    @Test
    void missing_weights_are_an_error_naming_the_file() {
        CliRun run = eval("", "--weight", "reason", "--prompt", "hi");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(root.resolve("out/reason_64.safetensors").toString());
    }

    /**
     * Writes {@code out/lora/<name>_64.safetensors} (fp32, MiniMind's adapter keys) for the tiny model: A from the
     * model's init, B uniform in +-{@code bRange} (0 = zeros). Returns the values written, by key.
     */
    private static LinkedHashMap<String, float[]> writeAdapter(String name, int rank, float bRange)
            throws IOException {
        Path file = EvalMain.loraFile(root.resolve("out"), name, 64);
        Files.createDirectories(file.getParent());
        LinkedHashMap<String, float[]> values = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TINY, manager, 11)) {
            model.applyLora(rank, 12);
            LinkedHashMap<String, NDArray> tensors = model.loraStateDict();
            if (bRange > 0) {
                tensors.forEach((k, v) -> {
                    if (k.endsWith(".lora.B.weight")) {
                        v.set(manager.randomUniform(-bRange, bRange, v.getShape()).toFloatArray());
                    }
                });
            }
            tensors.forEach((k, v) -> values.put(k, v.toFloatArray()));
            SafeTensors.write(file, tensors, DataType.FLOAT32);
        }
        return values;
    }
}
