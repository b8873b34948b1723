package ai.minimind.server.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline instead of sleeping a fixed time. */
public final class Poll {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Poll() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} after 30 s. */
    public static void until(String what, BooleanSupplier condition) {
        value(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The first present value {@code probe} yields; fails with {@code what} after 30 s. */
    public static <T> T value(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEFAULT_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
