package ai.minimind.server.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExitFileTest {
    @Test
    void parses_exit_codes_and_signals() {
        assertThat(ExitFile.parse("exit 0\n")).contains(new ExitStatus(0, null));
        assertThat(ExitFile.parse("exit 3\n")).contains(new ExitStatus(3, null));
        assertThat(ExitFile.parse("signal 9\n")).contains(new ExitStatus(null, 9));
    }

    @Test
    void incomplete_or_foreign_content_is_no_status() {
        assertThat(ExitFile.parse("exit 3")).isEmpty();
        assertThat(ExitFile.parse("")).isEmpty();
        assertThat(ExitFile.parse("crashed 1\n")).isEmpty();
        assertThat(ExitFile.parse("exit -1\n")).isEmpty();
    }

    @Test
    void read_exit_status_of_a_missing_file_is_empty(@TempDir Path dir) throws Exception {
        assertThat(ProcessControl.readExitStatus(dir.resolve("nope.exit"))).isEmpty();
        Files.writeString(dir.resolve("done.exit"), "signal 15\n");
        assertThat(ProcessControl.readExitStatus(dir.resolve("done.exit"))).contains(new ExitStatus(null, 15));
    }
}
