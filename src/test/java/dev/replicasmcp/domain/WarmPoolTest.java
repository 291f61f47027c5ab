package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.pool.PoolCounts;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.pool.PoolWorkspace;
import dev.replicasmcp.domain.pool.WarmPoolConfig;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.replica.Provisioning;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm pool with real warm hooks and real folders: size 2 (TestCore), filled by the reconciler. */
class WarmPoolTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    TestCore t;
    Environment env;
    WarmPoolService pool;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        env = t.environment("pooled");
        pool = t.services.contents().pool();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    WarmPoolConfig config() {
        return pool.config(t.caller, env.id()).orElseThrow();
    }

    PoolCounts counts() {
        return pool.counts(config());
    }

    List<PoolWorkspace> inStatus(PoolStatus status) {
        return pool.workspaces(t.caller, config().id()).stream()
                .filter(w -> w.status() == status)
                .toList();
    }

    void saveWarmHook(String script) {
        t.services.contents().hooks().save(t.caller, env.id(), HookKind.WARM, script);
    }

    @Test
    void readyWorkspacesGoStaleOnANewWarmHookAndANewReplicaTakesAWarmOne() throws Exception {
        assertThat(pool.config(t.caller, env.id()))
                .as("no pool before the first switch")
                .isEmpty();
        saveWarmHook("touch ~/warm-marker\necho v1 > ~/warm-version");
        WarmPoolConfig enabled = pool.setEnabled(t.caller, env.id(), true);
        assertThat(enabled.targetSize()).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> counts().ready() == 2);
        Set<String> firstIds = ids(inStatus(PoolStatus.READY));
        for (PoolWorkspace ws : inStatus(PoolStatus.READY)) {
            assertThat(Path.of(ws.path()).resolve("warm-marker")).exists();
        }

        saveWarmHook("touch ~/warm-marker\necho v2 > ~/warm-version");
        assertThat(config().generation()).isEqualTo(enabled.generation() + 1);
        assertThat(ids(inStatus(PoolStatus.STALE)))
                .as("the ready ones became stale at once")
                .containsAll(firstIds);
        await().atMost(PATIENCE).until(() -> counts().ready() == 2);
        List<PoolWorkspace> fresh = inStatus(PoolStatus.READY);
        assertThat(ids(fresh)).doesNotContainAnyElementsOf(firstIds);
        for (PoolWorkspace ws : fresh) {
            assertThat(Files.readString(Path.of(ws.path()).resolve("warm-version")))
                    .isEqualTo("v2\n");
        }

        ReplicaService.Created created =
                t.services.replicas().create(t.caller, TestCore.create("from-pool", "hi", env.id()));
        assertThat(created.provisioning().warmSource()).isEqualTo(Provisioning.WarmSource.WARM_POOL);
        Path workspace = Path.of(created.provisioning().workspacePath());
        assertThat(workspace.resolve("warm-marker")).exists();
        assertThat(Files.readString(workspace.resolve("warm-version"))).isEqualTo("v2\n");
        assertThat(workspace)
                .isEqualTo(
                        dir.resolve("data/workspaces").resolve(created.replica().id()));
        assertThat(pool.workspaces(t.caller, config().id()))
                .filteredOn(w -> w.status() == PoolStatus.ASSIGNED)
                .singleElement()
                .satisfies(w -> assertThat(ids(fresh)).contains(w.id()));
        // The pool refills to its target.
        await().atMost(PATIENCE).until(() -> counts().ready() == 2);
    }

    @Test
    void aStartHookDoesNotMakeThePoolStaleButAVariableDoes() throws Exception {
        saveWarmHook("true");
        pool.setEnabled(t.caller, env.id(), true);
        await().atMost(PATIENCE).until(() -> counts().ready() == 2);
        int generation = config().generation();
        t.services.contents().hooks().save(t.caller, env.id(), HookKind.START, "echo start");
        assertThat(config().generation()).isEqualTo(generation);
        assertThat(counts().stale()).isZero();
        t.services.contents().variables().create(t.caller, "global", "NEW", "x");
        assertThat(config().generation())
                .as("a Global change affects every pool")
                .isEqualTo(generation + 1);
        await().atMost(PATIENCE).until(() -> counts().ready() == 2 && counts().stale() == 0);
    }

    @Test
    void aFailingWarmHookMarksWorkspacesFailedAndRecordsTheReason() {
        saveWarmHook("echo preparing\necho broken-step >&2\nexit 7");
        pool.setEnabled(t.caller, env.id(), true);
        await().atMost(PATIENCE).until(() -> !inStatus(PoolStatus.FAILED).isEmpty());
        PoolWorkspace failed = inStatus(PoolStatus.FAILED).get(0);
        assertThat(failed.errorMessage()).contains("exited 7").contains("broken-step");
        await().atMost(PATIENCE).until(() -> config().lastFailureReason() != null);
        WarmPoolConfig config = config();
        assertThat(config.lastFailureReason()).contains("exited 7");
        assertThat(config.lastFailureAt()).isNotNull();
        assertThat(config.errorCount()).isGreaterThanOrEqualTo(1);
        assertThat(config.nextRetryAt()).as("backs off before trying again").isNotNull();
        assertThat(counts().ready()).isZero();
        assertThat(failed.path()).as("a failed workspace keeps no folder").isEmpty();
        assertThat(dir.resolve("data/pool").resolve(failed.id())).doesNotExist();
    }

    @Test
    void disablingThePoolExpiresReadyWorkspacesAndRemovesTheirFolders() {
        saveWarmHook("touch ~/warm-marker");
        pool.setEnabled(t.caller, env.id(), true);
        await().atMost(PATIENCE).until(() -> counts().ready() == 2);
        List<PoolWorkspace> ready = inStatus(PoolStatus.READY);
        ready.forEach(ws -> assertThat(Path.of(ws.path())).isDirectory());

        WarmPoolConfig disabled = pool.setEnabled(t.caller, env.id(), false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(counts().ready()).isZero();
        assertThat(counts().warming()).isZero();
        assertThat(ids(inStatus(PoolStatus.EXPIRED))).containsAll(ids(ready));
        ready.forEach(ws -> assertThat(Path.of(ws.path())).doesNotExist());
        // A replica created now starts cold.
        assertThat(t.services
                        .replicas()
                        .create(t.caller, TestCore.create("cold", "hi", env.id()))
                        .provisioning()
                        .warmSource())
                .isEqualTo(Provisioning.WarmSource.COLD);
    }

    @Test
    void badPoolInputIsRefused() {
        Fails.invalid(() -> pool.setEnabled(t.caller, env.id(), null), "'enabled'");
        Fails.notFound(() -> pool.workspaces(t.caller, "00000000-0000-4000-8000-0000000000dd"), "config_id");
        Fails.notFound(
                () -> pool.setEnabled(t.caller, "00000000-0000-4000-8000-0000000000ee", true),
                "00000000-0000-4000-8000-0000000000ee");
    }

    static Set<String> ids(List<PoolWorkspace> workspaces) {
        return workspaces.stream().map(PoolWorkspace::id).collect(Collectors.toSet());
    }
}
