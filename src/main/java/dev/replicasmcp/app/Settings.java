package dev.replicasmcp.app;

import dev.replicasmcp.domain.automation.ExecutionLimits;
import dev.replicasmcp.runtime.agent.AgentConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Everything the core is built from, resolved from the command line and the environment. */
public record Settings(
        Path dataDir,
        Duration turnDelay,
        Duration wakeDelay,
        Duration hookTimeout,
        int warmPoolSize,
        String secretKey,
        AgentConfig agents,
        Duration idleSleep,
        ExecutionLimits automationLimits) {

    /** With automation executions unlimited per hour (the default). */
    public Settings(
            Path dataDir,
            Duration turnDelay,
            Duration wakeDelay,
            Duration hookTimeout,
            int warmPoolSize,
            String secretKey,
            AgentConfig agents,
            Duration idleSleep) {
        this(
                dataDir,
                turnDelay,
                wakeDelay,
                hookTimeout,
                warmPoolSize,
                secretKey,
                agents,
                idleSleep,
                ExecutionLimits.UNLIMITED);
    }

    /** The spec's ceiling for one hook run (§8.4). */
    public static final Duration MAX_HOOK_TIMEOUT = Duration.ofMinutes(15);

    /** How long an active replica may be idle before it sleeps (spec §3.2: one hour). */
    public static final Duration DEFAULT_IDLE_SLEEP = Duration.ofMinutes(60);

    public Path databaseFile() {
        return dataDir.resolve("replicas.db");
    }
}
