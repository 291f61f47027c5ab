package dev.replicasmcp.app;

import java.nio.file.Path;
import java.time.Duration;

/** Everything the core is built from, resolved from the command line and the environment. */
public record Settings(Path dataDir, Duration turnDelay, Duration wakeDelay) {

    public Path databaseFile() {
        return dataDir.resolve("replicas.db");
    }
}
