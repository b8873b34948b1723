package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our own safetensors reader/writer (8-byte little-endian header length, JSON header, raw little-endian data),
 * because DJL's decoder aborts the JVM on BF16 (djl-pitfalls.md trap 3). Files load with Python's
 * {@code safetensors.torch.load_file}.
 */
public final class SafeTensors {
    private SafeTensors() {
    }

    /**
     * Writes the tensors in map order, cast to {@code dtype} (FLOAT32 or FLOAT16), atomically (temp file in the
     * same folder, fsync, rename). Tensors that are the same array (tied weights) are written under each key.
     */
    public static void write(Path file, LinkedHashMap<String, NDArray> tensors, DataType dtype) throws IOException {
        SafeTensorsWriter.write(file, tensors, dtype, Map.of());
    }

    /** As {@link #write(Path, LinkedHashMap, DataType)} with string pairs stored under {@code __metadata__}. */
    public static void write(Path file, LinkedHashMap<String, NDArray> tensors, DataType dtype,
                             Map<String, String> metadata) throws IOException {
        SafeTensorsWriter.write(file, tensors, dtype, metadata);
    }

    /** Reads every tensor as FLOAT32 (F16 and BF16 widened in Java), in file order, into {@code manager}. */
    public static LinkedHashMap<String, NDArray> read(Path file, NDManager manager) throws IOException {
        return SafeTensorsReader.read(file, manager);
    }

    /** The {@code __metadata__} string pairs of a file (empty if none). */
    public static Map<String, String> readMetadata(Path file) throws IOException {
        return SafeTensorsReader.readHeader(file).metadata();
    }
}
