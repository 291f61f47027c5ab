package dev.replicasmcp.app;

import dev.replicasmcp.runtime.agent.AgentConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Everything the core is built from, resolved from the command line and the environment. */
public record Settings(Path dataDir, Duration turnDelay, Duration wakeDelay, Duration hookTimeout, int warmPoolSize,
                       String secretKey, AgentConfig agents) {

    /** The spec's ceiling for one hook run (§8.4). */
    public static final Duration MAX_HOOK_TIMEOUT = Duration.ofMinutes(15);

    /** With the default agents: CLIs found on the PATH, else the scripted agent. */
    public Settings(Path dataDir, Duration turnDelay, Duration wakeDelay, Duration hookTimeout, int warmPoolSize,
                    String secretKey) {
        this(dataDir, turnDelay, wakeDelay, hookTimeout, warmPoolSize, secretKey, AgentConfig.defaults());
    }

    public static Settings defaults(Path dataDir, Duration turnDelay, Duration wakeDelay) {
        return new Settings(dataDir, turnDelay, wakeDelay, Duration.ofMinutes(5), 5, null);
    }

    public Path databaseFile() {
        return dataDir.resolve("replicas.db");
    }

    public Settings withAgents(AgentConfig config) {
        return new Settings(dataDir, turnDelay, wakeDelay, hookTimeout, warmPoolSize, secretKey, config);
    }
}
