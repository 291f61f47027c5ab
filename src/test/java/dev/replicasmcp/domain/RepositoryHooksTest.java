package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.RepositoryStatus;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositorySet;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks from a repository's replicas.json / replicas.yaml, run in its clone with real processes. */
class RepositoryHooksTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    TestCore t;

    @BeforeEach
    void start() {
        t = new TestCore(dir, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    HookLogs hooks(Replica replica) {
        return t.services.replicas().hooks(t.caller, replica.id());
    }

    List<RepositoryStatus> statuses(Replica replica) {
        return t.services.replicas().get(t.caller, replica.id(), Set.of()).repositoryStatuses();
    }

    @Test
    void startHookCommandsRunInTheRepositoryFolderAndAFailureDoesNotStopTheNext() throws Exception {
        Repository repository = t.repository("hooked");
        TestRepos.commitFile(t.source("hooked"), "replicas.json", """
                {"systemPrompt": "Be brief.",
                 "startHook": {"timeout": 20000, "commands": [
                    "pwd", "echo \\"home is $HOME\\"", "echo broken >&2; exit 3", "echo still-ran > ran.txt; echo after"]},
                 "ports": [3000]}
                """);
        Environment env = t.services.environments().create(t.caller, "hooked-env", null, repository.id(), null, null);
        t.services.contents().hooks().save(t.caller, env.id(), HookKind.START, "echo env-start");

        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("hooks", "hi", env.id()))
                .replica();
        await().atMost(PATIENCE).until(() -> statuses(replica).get(0).startHooksCompleted());
        Path home = t.home(replica.id());
        Path clone = home.resolve("workspaces/hooked");
        List<StartHookLog> logs = hooks(replica).startHooks();
        assertThat(logs).extracting(StartHookLog::hookType).containsExactly("environment", "repository");
        StartHookLog repo = logs.get(1);
        assertThat(repo.hookName()).isEqualTo("hooked");
        assertThat(repo.repoName()).isEqualTo("hooked");
        assertThat(repo.hookCommands()).hasSize(4).startsWith("pwd");
        assertThat(repo.output())
                .isEqualTo("$ pwd\n" + clone.toRealPath() + "\n"
                        + "$ echo \"home is $HOME\"\nhome is " + home + "\n"
                        + "$ echo broken >&2; exit 3\nbroken\n"
                        + "$ echo still-ran > ran.txt; echo after\nafter\n");
        assertThat(repo.exitCode()).isEqualTo(3);
        assertThat(repo.timedOut()).isFalse();
        assertThat(repo.outputTotalChars()).isEqualTo(repo.output().length());
        assertThat(clone.resolve("ran.txt")).hasContent("still-ran");
        assertThat(t.services
                        .replicas()
                        .get(t.caller, replica.id(), Set.of("environment"))
                        .environment()
                        .hooks()
                        .repositories())
                .singleElement()
                .satisfies(r -> assertThat(r.startHook()).isEqualTo("failed"));
    }

    @Test
    void eachRepositoryOfASetCompletesItsOwnStartHooksAndAColdStartRunsRepositoryWarmHooksAfterGlobalOnes()
            throws Exception {
        Repository fast = t.repository("fast");
        Repository slow = t.repository("slow");
        TestRepos.commitFile(t.source("fast"), "replicas.yaml", """
                warmHook:
                  commands:
                    - echo warming fast > warmed.txt
                startHook:
                  commands: [echo fast-started]
                """);
        TestRepos.commitFile(t.source("slow"), "replicas.yml", """
                startHook:
                  timeout: 1000
                  commands:
                    - sleep 30
                    - echo after-timeout
                """);
        RepositorySet set = t.services.repositories().createSet(t.caller, "pair", null, List.of(fast.id(), slow.id()));
        Environment env = t.services.environments().create(t.caller, "pair-env", null, null, set.id(), null);
        t.services.contents().hooks().save(t.caller, "global", HookKind.WARM, "echo global-warm");

        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("pair", "hi", env.id()))
                .replica();
        await().atMost(PATIENCE)
                .until(() -> statuses(replica).stream().allMatch(RepositoryStatus::startHooksCompleted));
        HookLogs logs = hooks(replica);
        assertThat(logs.warmHooks())
                .extracting(w -> w.hookType() + ":" + w.hookName())
                .containsExactly("global:global", "repository:fast");
        assertThat(logs.warmHooks().get(1).hookScript()).isEqualTo("echo warming fast > warmed.txt");
        assertThat(t.home(replica.id()).resolve("workspaces/fast/warmed.txt")).hasContent("warming fast");
        assertThat(logs.startHooks()).extracting(StartHookLog::hookName).containsExactly("fast", "slow");
        StartHookLog slowLog = logs.startHooks().get(1);
        assertThat(slowLog.timedOut()).isTrue();
        assertThat(slowLog.exitCode()).isEqualTo(124);
        assertThat(slowLog.output()).endsWith("$ echo after-timeout\nafter-timeout\n");
    }

    @Test
    void aBrokenConfigFileIsReportedAsAFailedStartHookAndDoesNotBlockTheReplica() throws Exception {
        Repository repository = t.repository("broken");
        TestRepos.commitFile(t.source("broken"), "replicas.json", "{\"startHook\": {\"commands\": \"npm ci\"}}");
        Environment env = t.services.environments().create(t.caller, "broken-env", null, repository.id(), null, null);
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("broken", "hi", env.id()))
                .replica();
        await().atMost(PATIENCE).until(() -> statuses(replica).get(0).startHooksCompleted());
        assertThat(hooks(replica).startHooks()).singleElement().satisfies(log -> {
            assertThat(log.hookType()).isEqualTo("repository");
            assertThat(log.exitCode()).isEqualTo(1);
            assertThat(log.output()).contains("replicas.json", "'startHook.commands' must be a list of strings");
        });
    }
}
