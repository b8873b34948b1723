package ai.minimind.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --device}: MiniMind's spellings, a clear error for a GPU libtorch cannot see, and for anything else. */
class DevicesTest {
    @Test
    void cpu_in_any_case_and_with_spaces_is_the_cpu() {
        assertThat(Devices.resolve("cpu")).isEqualTo(Device.cpu());
        assertThat(Devices.resolve(" CPU ", 2)).isEqualTo(Device.cpu());
        assertThat(Devices.name(Devices.resolve("cpu"))).isEqualTo("cpu");
    }

    @Test
    void no_value_is_cuda0_when_a_gpu_is_seen_else_cpu() {
        assertThat(Devices.resolve(null, 0)).isEqualTo(Device.cpu());
        assertThat(Devices.resolve("", 0)).isEqualTo(Device.cpu());
        assertThat(Devices.resolve(null, 1)).isEqualTo(Device.gpu(0));
        int gpus = Engine.getInstance().getGpuCount();
        assertThat(Devices.resolve(null)).isEqualTo(gpus > 0 ? Device.gpu(0) : Device.cpu());
    }

    @Test
    void cuda_and_cuda_n_pick_that_gpu_when_libtorch_sees_it() {
        assertThat(Devices.resolve("cuda", 2)).isEqualTo(Device.gpu(0));
        assertThat(Devices.resolve("cuda:1", 2)).isEqualTo(Device.gpu(1));
        assertThat(Devices.name(Devices.resolve("cuda:1", 2))).isEqualTo("cuda:1");
    }

    @Test
    void cuda_without_a_gpu_is_a_clear_error() {
        assertThatThrownBy(() -> Devices.resolve("cuda", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--device cuda: libtorch sees 0 CUDA device(s) (this build may ship the CPU-only"
                        + " libtorch); use --device cpu");
        assertThatThrownBy(() -> Devices.resolve("cuda:3", 2))
                .hasMessageStartingWith("--device cuda:3: libtorch sees 2 CUDA device(s)");
    }

    @Test
    void a_gpu_index_past_what_this_machine_sees_is_an_error_here_too() {
        int gpus = Engine.getInstance().getGpuCount();
        assertThatThrownBy(() -> Devices.resolve("cuda:" + gpus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("libtorch sees " + gpus + " CUDA device(s)");
        if (gpus == 0) {
            assertThatThrownBy(() -> Devices.resolve("cuda")).hasMessageContaining("use --device cpu");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "tpu", "cuda:", "cuda:-1", "cuda:x", "cuda0", "cuda:1:2", "cpu:0",
        "cuda:99999999999"})
    void anything_else_is_an_error_naming_the_value(String value) {
        assertThatThrownBy(() -> Devices.resolve(value, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--device must be cpu, cuda or cuda:N, got '" + value + "'");
    }
}
