package dev.replicasmcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.audit.AuditEntry;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.environment.HookScript;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.ops.defs.ReplicaOperations;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations that clone, run hooks or stop agents record their audit entry inside the short transaction
 * of their change: an entry that cannot be written takes the change with it, a replica whose workspace then
 * fails is still on record, and the database is free while the long part runs.
 */
class AuditInServiceTest {

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

    private Outcome invoke(Operation<?, ?> op, Map<String, ?> fields) {
        return t.core.invoker().invoke(op, fields, new OperationContext(t.services, t.caller));
    }

    private Outcome invoke(String name, Map<String, ?> fields) {
        return invoke(
                Operations.all().stream()
                        .filter(op -> op.name().equals(name))
                        .findFirst()
                        .orElseThrow(),
                fields);
    }

    private List<AuditEntry> entries(String action) {
        return t.services
                .audit()
                .list(t.caller, action, null, null, null, null, null, null)
                .entries();
    }

    /** Every later insert into the audit table fails, as a full disk or a broken table would. */
    private void refuseAuditEntries() throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:sqlite:" + t.dataDir().resolve("replicas.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'audit table refused'); END");
        }
    }

    @Test
    void anEntryThatCannotBeWrittenTakesTheChangeWithIt() throws Exception {
        Environment env = t.environment("kept");
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("kept", "hello", env.id()))
                .replica();
        String chatId =
                t.services.chats().list(t.caller, replica.id()).chats().get(0).id();
        Path another = TestRepos.create(dir, "another", "main");
        refuseAuditEntries();

        Outcome added = invoke("add_repository", Map.of("location", another.toString()));
        Outcome created =
                invoke("create_replica", Map.of("name", "never", "message", "hi", "environment_id", env.id()));
        Outcome createdAtOnce = invoke(
                ReplicaOperations.CREATE_AT_ONCE,
                Map.of("name", "never-either", "message", "hi", "environment_id", env.id()));
        Outcome saved =
                invoke("save_and_test_warm_hook", Map.of("environment_id", env.id(), "content", "echo new version"));
        Outcome chatDeleted = invoke("delete_chat", Map.of("replica_id", replica.id(), "chat_id", chatId));
        Outcome replicaDeleted = invoke("delete_replica", Map.of("replica_id", replica.id()));

        for (Outcome outcome : List.of(added, created, createdAtOnce, saved, chatDeleted, replicaDeleted)) {
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.failure().status()).isEqualTo(500);
            assertThat(outcome.failure().message()).doesNotContain("audit table refused");
        }
        assertThat(t.services.repositories().list(t.caller))
                .extracting(Repository::name)
                .containsExactly("kept-repo");
        assertThat(t.services
                        .replicas()
                        .list(t.caller, null, null, null, null, null)
                        .replicas())
                .extracting(Replica::id)
                .containsExactly(replica.id());
        assertThat(t.services.contents().hooks().active(t.caller, env.id(), HookKind.WARM))
                .isEmpty();
        assertThat(t.services.chats().list(t.caller, replica.id()).chats())
                .extracting(c -> c.id())
                .containsExactly(chatId);
        assertThat(Files.isDirectory(t.home(replica.id()))).isTrue();
    }

    @Test
    void aReplicaWhoseWorkspaceFailsIsStillOnRecord() throws Exception {
        Environment env = t.environment("gone");
        // The repository's source disappears after registration: the clone fails, the replica stays in error.
        try (var paths = Files.walk(t.source("gone-repo"))) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }

        Outcome created =
                invoke("create_replica", Map.of("name", "doomed", "message", "hi", "environment_id", env.id()));

        assertThat(created.ok()).isFalse();
        assertThat(created.failure().status()).isEqualTo(503);
        Replica doomed = t.services
                .replicas()
                .list(t.caller, null, null, null, null, null)
                .replicas()
                .get(0);
        assertThat(doomed.status()).isEqualTo(ReplicaStatus.ERROR);
        assertThat(entries("replica.created")).singleElement().satisfies(e -> {
            assertThat(e.resourceId()).isEqualTo(doomed.id());
            assertThat(e.after()).contains("\"doomed\"").contains("\"preparing\"");
        });
    }

    @Test
    void theDatabaseIsFreeWhileTheHookTestRuns() throws Exception {
        Environment env = t.environment("slow");
        Path go = dir.resolve("go");
        String script = "while [ ! -f '" + go + "' ]; do sleep 0.05; done; echo released";
        HookScript before = t.services.contents().hooks().save(t.caller, env.id(), HookKind.WARM, "echo first");

        CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> invoke(
                "save_and_test_warm_hook",
                Map.of("environment_id", env.id(), "content", script, "timeout_seconds", 60)));
        // The entry is readable while the script still waits: it committed with the save, not after the test.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !entries("warm_hook.saved").isEmpty());
        assertThat(running).isNotDone();
        AuditEntry entry = entries("warm_hook.saved").get(0);
        assertThat(entry.before()).contains("echo first").contains(before.id());
        assertThat(entry.after()).contains("released").doesNotContain(before.id());

        Files.createFile(go);
        Outcome done = running.get(30, TimeUnit.SECONDS);
        assertThat(done.ok()).isTrue();
        assertThat(entries("warm_hook.saved")).hasSize(1);
        assertThat(entry.resourceId())
                .isEqualTo(t.services
                        .contents()
                        .hooks()
                        .active(t.caller, env.id(), HookKind.WARM)
                        .orElseThrow()
                        .id());
    }
}
