package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads safetensors files: F32, F16 and BF16 tensors, each widened to float32 in Java. */
final class SafeTensorsReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafeTensorsReader() {
    }

    /** One tensor's header entry; offsets are relative to the start of the data section. */
    record Entry(String name, String dtype, long[] shape, long begin, long end) {
    }

    record Header(long dataStart, List<Entry> entries, Map<String, String> metadata) {
    }

    static LinkedHashMap<String, NDArray> read(Path file, NDManager manager) throws IOException {
        Header header = readHeader(file);
        LinkedHashMap<String, NDArray> out = new LinkedHashMap<>();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Entry e : header.entries()) {
                ByteBuffer bytes = in.map(FileChannel.MapMode.READ_ONLY, header.dataStart() + e.begin(),
                        e.end() - e.begin()).order(ByteOrder.LITTLE_ENDIAN);
                out.put(e.name(), manager.create(widen(bytes, e.dtype()), new Shape(e.shape())));
            }
        }
        return out;
    }

    static Header readHeader(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size < 8) {
                throw bad(file, "shorter than the 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw bad(file, "header length " + headerLength + " does not fit the file size " + size);
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(in, headerBytes, 8);
            JsonNode json = JSON.readTree(headerBytes.array());
            if (json == null || !json.isObject()) {
                throw bad(file, "header is not a JSON object");
            }
            return parse(file, json, 8 + headerLength, size - 8 - headerLength);
        }
    }

    private static Header parse(Path file, JsonNode json, long dataStart, long dataLength) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (field.getKey().equals("__metadata__")) {
                field.getValue().properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
            } else {
                entries.add(entry(file, field.getKey(), field.getValue(), dataLength));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin));
        return new Header(dataStart, entries, metadata);
    }

    private static Entry entry(Path file, String name, JsonNode node, long dataLength) throws IOException {
        JsonNode offsets = node.path("data_offsets");
        JsonNode shapeNode = node.path("shape");
        String dtype = node.path("dtype").asText("");
        if (!offsets.isArray() || offsets.size() != 2 || !shapeNode.isArray()) {
            throw bad(file, "tensor '" + name + "' lacks shape or data_offsets");
        }
        long[] shape = new long[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw bad(file, "tensor '" + name + "' has a negative dimension");
            }
            numel *= shape[i];
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        int width = bytesPerElement(file, name, dtype);
        if (begin < 0 || end < begin || end > dataLength || end - begin != numel * width) {
            throw bad(file, "tensor '" + name + "' data_offsets [" + begin + ", " + end + "] do not match "
                    + dtype + " shape " + java.util.Arrays.toString(shape) + " within " + dataLength + " data bytes");
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static int bytesPerElement(Path file, String name, String dtype) throws IOException {
        switch (dtype) {
            case "F32":
                return 4;
            case "F16":
            case "BF16":
                return 2;
            default:
                throw bad(file, "tensor '" + name + "' has unsupported dtype '" + dtype
                        + "' (supported: F32, F16, BF16)");
        }
    }

    private static float[] widen(ByteBuffer bytes, String dtype) {
        float[] out = new float[bytes.remaining() / (dtype.equals("F32") ? 4 : 2)];
        if (dtype.equals("F32")) {
            bytes.asFloatBuffer().get(out);
        } else if (dtype.equals("F16")) {
            for (int i = 0; i < out.length; i++) {
                out[i] = HalfFloats.f16ToFloat(bytes.getShort());
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = HalfFloats.bf16ToFloat(bytes.getShort());
            }
        }
        return out;
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    private static IOException bad(Path file, String why) {
        return new IOException("invalid safetensors file " + file + ": " + why);
    }
}
