package ai.minimind.server.testing;

import ai.minimind.server.process.ProcessIdentity;
import ai.minimind.server.process.ProcessLauncher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Plays a server that launches one job and then dies: {@code DetachedLaunch LOG EXIT WORKDIR COMMAND...}
 * launches COMMAND with {@code PATH} as its only environment variable, prints
 * {@code identity PID START_TICKS MARK} and sleeps until killed (tests kill it with SIGKILL).
 */
public final class DetachedLaunch {
    private DetachedLaunch() {
    }

    public static void main(String[] args) throws Exception {
        List<String> command = Arrays.asList(args).subList(3, args.length);
        ProcessIdentity id = ProcessLauncher.launch(command, Path.of(args[2]), Map.of("PATH", "/usr/bin:/bin"),
                Path.of(args[0]), Path.of(args[1]));
        System.out.println("identity " + id.pid() + " " + id.startTicks() + " " + id.jobMark());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
