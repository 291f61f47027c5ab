package dev.replicasmcp.support;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.app.Core;
import dev.replicasmcp.app.Settings;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.automation.ExecutionLimits;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.runtime.agent.AgentConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The real core on a real SQLite file in a temporary folder, with short timings. */
public final class TestCore implements AutoCloseable {

    public final Core core;
    public final Services services;
    public final Caller caller;
    private final Path dir;

    public TestCore(Path dir, Duration turnDelay) {
        this(dir, turnDelay, Clock.systemUTC());
    }

    /** With a clock of the test's choosing, e.g. a fixed one so that every row gets the same timestamp. */
    public TestCore(Path dir, Duration turnDelay, Clock clock) {
        // Every agent set to the scripted one (and recorded as scripted), whatever CLIs the machine has
        // installed: the suite must not call a real agent.
        this(dir, turnDelay, clock, AgentConfig.scriptedOnly());
    }

    /** With the agents of the test's choosing, e.g. fake CLIs on a PATH of its own. */
    public TestCore(Path dir, Duration turnDelay, Clock clock, AgentConfig agents) {
        this(dir, turnDelay, clock, agents, ExecutionLimits.UNLIMITED);
    }

    /** With hourly limits on automation executions. */
    public TestCore(Path dir, Duration turnDelay, Clock clock, ExecutionLimits limits) {
        this(dir, turnDelay, clock, AgentConfig.scriptedOnly(), limits);
    }

    private TestCore(Path dir, Duration turnDelay, Clock clock, AgentConfig agents, ExecutionLimits limits) {
        this.dir = dir;
        this.core = Core.start(
                new Settings(
                        dir.resolve("data"),
                        turnDelay,
                        Duration.ofMillis(50),
                        Duration.ofSeconds(20),
                        2,
                        null,
                        agents,
                        Settings.DEFAULT_IDLE_SLEEP,
                        limits),
                clock,
                Ids.random());
        this.services = core.services();
        this.caller = services.localCaller();
    }

    /**
     * With fake claude and codex CLIs (see {@link FakeAgentCli}) on the server's PATH, for tests that need
     * named agents: without them a named agent is refused, and with the default config it is answered, and
     * recorded, as the scripted agent.
     */
    public static TestCore withFakeClis(Path dir, Duration turnDelay) throws java.io.IOException {
        FakeAgentCli fakes = FakeAgentCli.install(dir.resolve("fake-clis"), "claude", "codex");
        return new TestCore(dir, turnDelay, Clock.systemUTC(), fakes.config(true));
    }

    /** The data folder (database, keys, workspaces). */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** The folder the test repository of this name was made in (see {@link #repository}). */
    public Path source(String name) {
        return dir.resolve(name);
    }

    /** The workspace home of a replica: its repositories are under workspaces/ in it. */
    public Path home(String replicaId) {
        return dataDir().resolve("workspaces").resolve(replicaId);
    }

    public Repository repository(String name) throws Exception {
        return services.repositories()
                .add(caller, TestRepos.create(dir, name, "main").toString(), null, null);
    }

    public Environment environment(String name) throws Exception {
        Repository repository = repository(name + "-repo");
        return services.environments().create(caller, name, null, repository.id(), null, null);
    }

    public Replica replica(String name, String message) throws Exception {
        Environment environment = environment(name + "-env");
        return services.replicas()
                .create(caller, create(name, message, environment.id()))
                .replica();
    }

    public static CreateReplica create(String name, String message, String environmentId) {
        return new CreateReplica(name, message, environmentId, null, null, null, null, null, null, null, null);
    }

    @Override
    public void close() {
        core.close();
    }
}
