package ai.minimind.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;

/**
 * Resolves MiniMind's {@code --device} ({@code cpu}, {@code cuda}, {@code cuda:N}); no value means {@code cuda:0}
 * when libtorch finds a GPU, else {@code cpu}.
 */
public final class Devices {
    private Devices() {
    }

    public static Device resolve(String requested) {
        return resolve(requested, Engine.getInstance().getGpuCount());
    }

    /** As {@link #resolve(String)} for a machine where libtorch sees {@code gpus} CUDA devices. */
    static Device resolve(String requested, int gpus) {
        if (requested == null || requested.isBlank()) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        String name = requested.trim().toLowerCase(Locale.ROOT);
        if (name.equals("cpu")) {
            return Device.cpu();
        }
        // at most 9 digits, so the index always fits an int (an overflow would be a NumberFormatException)
        if (!name.matches("cuda(:\\d{1,9})?")) {
            throw new IllegalArgumentException("--device must be cpu, cuda or cuda:N, got '" + requested + "'");
        }
        int index = name.contains(":") ? Integer.parseInt(name.substring(5)) : 0;
        if (index >= gpus) {
            throw new IllegalArgumentException("--device " + requested + ": libtorch sees " + gpus
                    + " CUDA device(s) (this build may ship the CPU-only libtorch); use --device cpu");
        }
        return Device.gpu(index);
    }

    /** MiniMind's spelling of a device: {@code cpu} or {@code cuda:N}. */
    public static String name(Device device) {
        return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
    }
}
