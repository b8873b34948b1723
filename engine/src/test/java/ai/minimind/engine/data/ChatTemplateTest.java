package ai.minimind.engine.data;

import ai.minimind.engine.data.ChatTemplate.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatTemplateTest {
    private static final String S = "<|im_start|>";
    private static final String E = "<|im_end|>";

    @Test
    void renders_the_spec_worked_example_with_the_default_system_block_and_its_ids() {
        String text = ChatTemplate.render(List.of(new Message("user", "你好"), new Message("assistant", "你好！")),
                null, false);

        assertThat(text).isEqualTo(S + "system\nYou are a helpful assistant" + E + "\n" + S + "user\n你好" + E + "\n"
                + S + "assistant\n你好！" + E + "\n");
        assertThat(SharedData.tokenizer().encode(text)).containsExactly(1, 85, 736, 201, 59, 292, 389, 260, 3836,
                1861, 501, 2, 201, 1, 320, 275, 201, 5134, 2, 201, 1, 1078, 538, 501, 201, 5134, 2207, 2, 201);
    }

    @Test
    void a_leading_system_message_replaces_the_default_and_later_ones_render_in_place() {
        String text = ChatTemplate.render(List.of(new Message("system", "Be brief."), new Message("user", "hi"),
                new Message("system", "Now in French."), new Message("assistant", "salut")), null, false);

        assertThat(text).isEqualTo(S + "system\nBe brief." + E + "\n" + S + "user\nhi" + E + "\n"
                + S + "system\nNow in French." + E + "\n" + S + "assistant\nsalut" + E + "\n");
    }

    @Test
    void generation_prompt_opens_an_assistant_turn_and_thinking_false_adds_an_empty_think_block() {
        List<Message> messages = List.of(new Message("user", "hi"));
        String prefix = S + "system\nYou are a helpful assistant" + E + "\n" + S + "user\nhi" + E + "\n";

        assertThat(ChatTemplate.render(messages, null, true)).isEqualTo(prefix + S + "assistant\n");
        assertThat(ChatTemplate.render(messages, null, true, true)).isEqualTo(prefix + S + "assistant\n");
        assertThat(ChatTemplate.render(messages, null, true, false))
                .isEqualTo(prefix + S + "assistant\n<think>\n\n</think>\n\n");
        assertThat(ChatTemplate.render(messages, null, false, false)).isEqualTo(prefix);
    }

    @Test
    void tools_header_embeds_the_system_content_and_each_tool_as_python_style_json() {
        String tool = "{\"name\":\"get_weather\",\"description\":\"查天气\",\"parameters\":{\"city\":\"str\",\"days\":3,"
                + "\"t\":1e-5,\"ok\":true}}";
        String text = ChatTemplate.render(List.of(new Message("system", "You are Mini."), new Message("user", "天气?")),
                List.of(tool), false);

        assertThat(text).isEqualTo(S + "system\nYou are Mini.\n\n# Tools\n\nYou may call one or more functions to "
                + "assist with the user query.\n\nYou are provided with function signatures within <tools></tools> "
                + "XML tags:\n<tools>\n{\"name\": \"get_weather\", \"description\": \"查天气\", \"parameters\": "
                + "{\"city\": \"str\", \"days\": 3, \"t\": 1e-05, \"ok\": true}}\n</tools>\n\nFor each function call, "
                + "return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n"
                + "<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>" + E
                + "\n" + S + "user\n天气?" + E + "\n");
    }

    @Test
    void tools_header_without_a_system_message_has_no_default_prompt() {
        String text = ChatTemplate.render(List.of(new Message("user", "x")), List.of("{\"name\":\"f\"}"), false);

        assertThat(text).startsWith(S + "system\n# Tools\n\n").contains("<tools>\n{\"name\": \"f\"}\n</tools>")
                .doesNotContain("helpful assistant").endsWith(E + "\n" + S + "user\nx" + E + "\n");
    }

    @Test
    void assistant_tool_calls_follow_the_content_and_consecutive_tool_messages_share_one_user_block() {
        String calls = "[{\"name\":\"a\",\"arguments\":{\"x\":1}},"
                + "{\"function\":{\"name\":\"b\",\"arguments\":\"{\\\"y\\\": 2}\"}}]";
        String text = ChatTemplate.render(List.of(new Message("user", "q"), new Message("assistant", "ok", calls),
                new Message("tool", "r1"), new Message("tool", "r2"), new Message("assistant", "", "[{\"name\":\"c\","
                        + "\"arguments\":{}}]"), new Message("tool", "r3")), null, false);

        assertThat(text).isEqualTo(S + "system\nYou are a helpful assistant" + E + "\n" + S + "user\nq" + E + "\n"
                + S + "assistant\nok\n<tool_call>\n{\"name\": \"a\", \"arguments\": {\"x\": 1}}\n</tool_call>\n"
                + "<tool_call>\n{\"name\": \"b\", \"arguments\": {\"y\": 2}}\n</tool_call>" + E + "\n"
                + S + "user\n<tool_response>\nr1\n</tool_response>\n<tool_response>\nr2\n</tool_response>" + E + "\n"
                + S + "assistant\n<tool_call>\n{\"name\": \"c\", \"arguments\": {}}\n</tool_call>" + E + "\n"
                + S + "user\n<tool_response>\nr3\n</tool_response>" + E + "\n");
    }

    @Test
    void null_content_renders_empty_and_think_blocks_are_kept_verbatim() {
        String text = ChatTemplate.render(List.of(new Message("user", null),
                new Message("assistant", "<think>\nhm\n</think>\n<answer>\n1\n</answer>")), null, false);

        assertThat(text).contains(S + "user\n" + E)
                .contains(S + "assistant\n<think>\nhm\n</think>\n<answer>\n1\n</answer>" + E + "\n");
    }

    @Test
    void rejects_an_empty_message_list() {
        assertThatThrownBy(() -> ChatTemplate.render(List.of(), null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one message");
    }

    @Test
    void python_float_repr_matches_json_dumps() {
        assertThat(PyJson.floatRepr(1.0)).isEqualTo("1.0");
        assertThat(PyJson.floatRepr(0.1)).isEqualTo("0.1");
        assertThat(PyJson.floatRepr(1e-5)).isEqualTo("1e-05");
        assertThat(PyJson.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PyJson.floatRepr(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PyJson.floatRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyJson.floatRepr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PyJson.floatRepr(123456.789)).isEqualTo("123456.789");
    }
}
