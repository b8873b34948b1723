package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes safetensors files: header JSON padded with spaces to a multiple of 8, then the tensors back to back. */
final class SafeTensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensorsWriter() {
    }

    static void write(Path file, LinkedHashMap<String, NDArray> tensors, DataType dtype,
                      Map<String, String> metadata) throws IOException {
        if (dtype != DataType.FLOAT32 && dtype != DataType.FLOAT16) {
            throw new IllegalArgumentException("safetensors write supports FLOAT32 and FLOAT16, not " + dtype);
        }
        byte[] header = header(tensors, dtype, metadata);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
                writeFully(out, length.flip());
                writeFully(out, ByteBuffer.wrap(header));
                for (NDArray array : tensors.values()) {
                    writeFully(out, data(array, dtype));
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] header(LinkedHashMap<String, NDArray> tensors, DataType dtype,
                                 Map<String, String> metadata) throws IOException {
        long bytesPerElement = dtype == DataType.FLOAT32 ? 4 : 2;
        LinkedHashMap<String, Object> json = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            json.put("__metadata__", new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                throw new IllegalArgumentException("tensor name __metadata__ is reserved");
            }
            long end = offset + e.getValue().getShape().size() * bytesPerElement;
            json.put(e.getKey(), Map.of(
                    "dtype", dtype == DataType.FLOAT32 ? "F32" : "F16",
                    "shape", e.getValue().getShape().getShape(),
                    "data_offsets", List.of(offset, end)));
            offset = end;
        }
        byte[] raw = JSON.writeValueAsBytes(json);
        int padded = (raw.length + 7) / 8 * 8;
        byte[] header = new byte[padded];
        System.arraycopy(raw, 0, header, 0, raw.length);
        Arrays.fill(header, raw.length, padded, (byte) ' ');
        return header;
    }

    /** Little-endian bytes of the tensor cast to dtype (the cast is torch's, round-to-nearest-even for F16). */
    private static ByteBuffer data(NDArray array, DataType dtype) {
        if (array.getDataType() == dtype) {
            return array.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        try (NDArray cast = array.toType(dtype, true)) {
            ByteBuffer bytes = cast.toByteBuffer();
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
            copy.put(bytes);
            return copy.flip();
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
