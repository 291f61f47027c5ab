package dev.replicasmcp.app;

import java.nio.file.Path;
import java.time.Duration;

/** Everything the core is built from, resolved from the command line and the environment. */
public record Settings(Path dataDir, Duration turnDelay, Duration wakeDelay, Duration hookTimeout, int warmPoolSize,
                       String secretKey) {

    /** The spec's ceiling for one hook run (§8.4). */
    public static final Duration MAX_HOOK_TIMEOUT = Duration.ofMinutes(15);

    public static Settings defaults(Path dataDir, Duration turnDelay, Duration wakeDelay) {
        return new Settings(dataDir, turnDelay, wakeDelay, Duration.ofMinutes(5), 5, null);
    }

    public Path databaseFile() {
        return dataDir.resolve("replicas.db");
    }
}
