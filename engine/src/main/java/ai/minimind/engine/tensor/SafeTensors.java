package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Our own safetensors reader/writer (8-byte little-endian header length, JSON header, raw little-endian data),
 * because DJL's decoder aborts the JVM on BF16 (djl-pitfalls.md trap 3). STUB: contract only.
 */
public final class SafeTensors {
    private SafeTensors() {
    }

    /**
     * Writes the tensors in map order, cast to {@code dtype} (FLOAT32 or FLOAT16), atomically (temp file in the
     * same folder, fsync, rename). Tensors that are the same array (tied weights) are written under each key.
     */
    public static void write(Path file, LinkedHashMap<String, NDArray> tensors, DataType dtype) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Reads every tensor as FLOAT32 (F16 and BF16 widened in Java), in file order, into {@code manager}. */
    public static LinkedHashMap<String, NDArray> read(Path file, NDManager manager) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
