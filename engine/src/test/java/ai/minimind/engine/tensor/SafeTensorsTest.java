package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeTensorsTest {
    @TempDir
    Path dir;
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void f32_round_trip_keeps_values_shapes_and_order() throws IOException {
        LinkedHashMap<String, NDArray> tensors = sample();
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, tensors, DataType.FLOAT32);
        LinkedHashMap<String, NDArray> back = SafeTensors.read(file, manager);
        assertThat(back.keySet()).containsExactlyElementsOf(tensors.keySet());
        for (String key : tensors.keySet()) {
            assertThat(back.get(key).getShape()).isEqualTo(tensors.get(key).getShape());
            assertThat(back.get(key).getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(back.get(key).toFloatArray()).containsExactly(tensors.get(key).toFloatArray());
        }
        assertFollowsTheSafetensorsLayout(file);
    }

    @Test
    void f16_round_trip_equals_torch_half_rounding() throws IOException {
        LinkedHashMap<String, NDArray> tensors = sample();
        Path file = dir.resolve("h.safetensors");
        SafeTensors.write(file, tensors, DataType.FLOAT16);
        LinkedHashMap<String, NDArray> back = SafeTensors.read(file, manager);
        for (String key : tensors.keySet()) {
            float[] want = tensors.get(key).toType(DataType.FLOAT16, true).toType(DataType.FLOAT32, true)
                    .toFloatArray();
            assertThat(back.get(key).toFloatArray()).containsExactly(want);
        }
        assertThat(header(file).get("a.weight").get("dtype").asText()).isEqualTo("F16");
        assertFollowsTheSafetensorsLayout(file);
    }

    @Test
    void tied_array_is_written_under_each_key_and_metadata_is_kept() throws IOException {
        NDArray shared = manager.create(new float[] {1f, -2f, 3f, 4f}, new Shape(2, 2));
        LinkedHashMap<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("model.embed_tokens.weight", shared);
        tensors.put("lm_head.weight", shared);
        Path file = dir.resolve("tied.safetensors");
        SafeTensors.write(file, tensors, DataType.FLOAT32, Map.of("format", "pt"));
        LinkedHashMap<String, NDArray> back = SafeTensors.read(file, manager);
        assertThat(back.get("lm_head.weight").toFloatArray()).containsExactly(1f, -2f, 3f, 4f);
        assertThat(back.get("model.embed_tokens.weight").toFloatArray()).containsExactly(1f, -2f, 3f, 4f);
        assertThat(SafeTensors.readMetadata(file)).containsEntry("format", "pt");
        assertFollowsTheSafetensorsLayout(file);
    }

    @Test
    void reads_a_hand_made_bf16_and_f16_file() throws IOException {
        // bf16 0x3FC0 = 1.5, 0xC020 = -2.5; f16 0x3C00 = 1, 0xC100 = -2.5, 0x0001 = 2^-24 (subnormal), 0x7C00 = inf
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[4,12]}}";
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (int bits : new int[] {0x3FC0, 0xC020, 0x3C00, 0xC100, 0x0001, 0x7C00}) {
            data.putShort((short) bits);
        }
        Path file = dir.resolve("bf16.safetensors");
        Files.write(file, fileBytes(json, data.array()));
        LinkedHashMap<String, NDArray> back = SafeTensors.read(file, manager);
        assertThat(back.get("b").toFloatArray()).containsExactly(1.5f, -2.5f);
        assertThat(back.get("h").getShape()).isEqualTo(new Shape(2, 2));
        assertThat(back.get("h").toFloatArray()).containsExactly(1f, -2.5f, 0x1p-24f, Float.POSITIVE_INFINITY);
    }

    @Test
    void rejects_unsupported_dtype_naming_the_tensor() throws IOException {
        String json = "{\"ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        Path file = dir.resolve("i64.safetensors");
        Files.write(file, fileBytes(json, new byte[8]));
        assertThatThrownBy(() -> SafeTensors.read(file, manager))
                .isInstanceOf(IOException.class).hasMessageContaining("'ids'").hasMessageContaining("I64");
    }

    @Test
    void rejects_offsets_beyond_the_data_and_truncated_files() throws IOException {
        String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        Path file = dir.resolve("short.safetensors");
        Files.write(file, fileBytes(json, new byte[8]));
        assertThatThrownBy(() -> SafeTensors.read(file, manager))
                .isInstanceOf(IOException.class).hasMessageContaining("'w'").hasMessageContaining("data_offsets");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafeTensors.read(tiny, manager)).isInstanceOf(IOException.class)
                .hasMessageContaining(tiny.toString());
    }

    @Test
    void write_replaces_atomically_and_leaves_no_temp_files() throws IOException {
        Path file = dir.resolve("out.safetensors");
        Files.writeString(file, "old");
        SafeTensors.write(file, sample(), DataType.FLOAT32);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("out.safetensors");
        }
        assertThat(SafeTensors.read(file, manager)).hasSize(3);
    }

    private LinkedHashMap<String, NDArray> sample() {
        LinkedHashMap<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("z.last_name_first", manager.create(new float[] {0.1f, -7.25f, 65504f}, new Shape(3)));
        tensors.put("a.weight", manager.randomNormal(new Shape(4, 5)));
        tensors.put("scalar", manager.create(3.5f));
        return tensors;
    }

    private static byte[] fileBytes(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return out.putLong(header.length).put(header).put(data).array();
    }

    private static JsonNode header(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new ObjectMapper().readTree(new String(bytes, 8, (int) length, StandardCharsets.UTF_8));
    }

    /** The rules Python's safetensors enforces on load: 8-aligned header, contiguous offsets covering the data. */
    private static void assertFollowsTheSafetensorsLayout(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(length % 8).isZero();
        assertThat((char) bytes[8]).isEqualTo('{');
        List<long[]> offsets = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : header(file).properties()) {
            if (!e.getKey().equals("__metadata__")) {
                JsonNode o = e.getValue().get("data_offsets");
                offsets.add(new long[] {o.get(0).asLong(), o.get(1).asLong()});
            }
        }
        offsets.sort((a, b) -> Long.compare(a[0], b[0]));
        long expectedStart = 0;
        for (long[] o : offsets) {
            assertThat(o[0]).isEqualTo(expectedStart);
            expectedStart = o[1];
        }
        assertThat(8 + length + expectedStart).isEqualTo(bytes.length);
    }
}
