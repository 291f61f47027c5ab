package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.PULL_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.account.ApiKey;
import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.Message;
import dev.replicasmcp.domain.chat.MessageState;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.hook.WarmHookLog;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaFilter;
import dev.replicasmcp.domain.replica.ReplicaRepository;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.Source;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositorySet;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every store against a real SQLite file migrated from empty. */
class StorageTest {

    static final String T = "2026-11-28T10:00:00.000Z";

    @TempDir
    Path dir;

    Database db;
    String org;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db/replicas.db"));
        LocalAccount account = new LocalAccount("org-1", "Local", "user-1", "me@localhost");
        new SqlLocalAccountStore(db).insert(account, T);
        org = account.organizationId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migrationsCreateEveryTableOnAnEmptyDatabaseWithWalAndForeignKeys() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db/replicas.db"))) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("select name from sqlite_master where type='table' order by name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables)
                    .contains(
                            "organizations",
                            "users",
                            "api_keys",
                            "repositories",
                            "repository_sets",
                            "repository_set_members",
                            "environments",
                            "replicas",
                            "replica_repositories",
                            "chats",
                            "messages",
                            "history_events",
                            "engine_events",
                            "hook_logs",
                            "flyway_schema_history");
            try (ResultSet rs = c.createStatement().executeQuery("pragma journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
        Object foreignKeys = db.with(dsl -> dsl.fetchValue("pragma foreign_keys"));
        assertThat(foreignKeys).isEqualTo(1);
        // The connection is made without JDBC's DriverManager: the settings reach it all the same.
        Object busyTimeout = db.with(dsl -> dsl.fetchValue("pragma busy_timeout"));
        assertThat(busyTimeout).isEqualTo(10_000);
        Object synchronous = db.with(dsl -> dsl.fetchValue("pragma synchronous"));
        assertThat(synchronous).as("NORMAL").isEqualTo(1);
    }

    @Test
    void accountRepositoriesSetsAndEnvironmentsRoundTrip() {
        assertThat(new SqlLocalAccountStore(db).find())
                .contains(new LocalAccount("org-1", "Local", "user-1", "me@localhost"));
        SqlRepositoryStore repos = new SqlRepositoryStore(db);
        Repository a = new Repository("r-a", "a", "file:///a", "main", T);
        Repository b = new Repository("r-b", "b", "https://example.com/o/b.git", "trunk", T);
        repos.insert(org, a);
        repos.insert(org, b);
        repos.insertSet(org, new RepositorySet("s-1", "both", "two", List.of(b, a)), T);
        assertThat(repos.find(org, "r-b")).contains(b);
        assertThat(repos.findByUrl(org, "file:///a")).contains(a);
        assertThat(repos.findSet(org, "s-1").orElseThrow().repositories()).containsExactly(b, a);
        assertThat(repos.find("other-org", "r-a")).isEmpty();

        SqlEnvironmentStore envs = new SqlEnvironmentStore(db);
        Environment env = new Environment("e-1", org, "dev", "d", false, "r-a", null, "be nice", 0, 0, 0, 0, T, T);
        envs.insert(env);
        assertThat(envs.find(org, "e-1")).contains(env);
        assertThat(envs.firstBoundToAnyRepository(org, List.of("r-b", "r-a"))).contains(env);
        assertThat(repos.environmentsBoundTo(org, "r-a")).containsExactly("dev");
    }

    /** Replica x-1 in environment e-1 of repository r-a, stored. */
    private Replica insertReplica(SqlReplicaStore replicas) {
        new SqlRepositoryStore(db).insert(org, new Repository("r-a", "a", "file:///a", "main", T));
        new SqlEnvironmentStore(db)
                .insert(new Environment("e-1", org, "dev", null, false, "r-a", null, null, 0, 0, 0, 0, T, T));
        Replica replica = new Replica(
                "x-1",
                org,
                "fix",
                ReplicaStatus.PREPARING,
                Source.API,
                null,
                "e-1",
                CodingAgent.CODEX,
                "m",
                ThinkingLevel.HIGH,
                LifecyclePolicy.DELETE_WHEN_DONE,
                15,
                false,
                null,
                T,
                T,
                List.of(new ReplicaRepository("r-a", "a", "file:///a", "main", "replicas/fix", true)),
                List.of());
        replicas.insert(replica);
        return replica;
    }

    @Test
    void replicasChatsMessagesHistoryEventsAndHookLogsRoundTrip() {
        SqlReplicaStore replicas = new SqlReplicaStore(db);
        Replica replica = insertReplica(replicas);
        assertThat(replicas.find(org, "x-1")).contains(replica);
        // Without links: the same replica, its repositories (it has one) and pull requests left empty.
        assertThat(replicas.findWithoutLinks(org, "x-1")).contains(replica.withLinks(List.of(), List.of()));
        assertThat(replica.repositories()).isNotEmpty();
        assertThat(replicas.findWithoutLinks("another-org", "x-1")).isEmpty();
        replicas.updateStatus("x-1", ReplicaStatus.SLEEPING, false, T);
        assertThat(replicas.count(org, new ReplicaFilter(null, null, ReplicaStatus.SLEEPING)))
                .isEqualTo(1);

        SqlChatStore chats = new SqlChatStore(db);
        Chat chat = new Chat("c-1", "x-1", CodingAgent.CODEX, "t", true, null, T, T, false, 0);
        chats.insert(chat);
        assertThat(chats.defaultChat("x-1")).contains(chat);

        SqlMessageStore messages = new SqlMessageStore(db);
        Message message = new Message(
                "m-1",
                "c-1",
                "x-1",
                "hi",
                List.of(new Image("base64", "image/png", "AA==", null)),
                "m",
                ThinkingLevel.LOW,
                true,
                MessageState.QUEUED,
                1,
                1,
                T);
        messages.insert(message);
        assertThat(messages.headOfQueue("c-1")).contains(message);
        assertThat(chats.findById("c-1").orElseThrow())
                .extracting(Chat::processing, Chat::queuedMessages)
                .containsExactly(false, 1);
        messages.markStarted("m-1", T);
        assertThat(chats.findById("c-1").orElseThrow().processing()).isTrue();
        assertThat(chats.defaultChat("x-1").orElseThrow().processing()).isTrue();
        // Without its queue: the same chat, its processing flag and count not read (false, 0).
        assertThat(chats.defaultChatWithoutQueue("x-1")).contains(chat);
        assertThat(chats.list("x-1"))
                .singleElement()
                .extracting(Chat::id, Chat::processing, Chat::queuedMessages)
                .containsExactly("c-1", true, 0);

        SqlHistoryStore history = new SqlHistoryStore(db);
        Map<String, Object> payload = Map.of("type", "user_message", "message", "hi");
        HistoryEvent event = HistoryEvent.of(new AgentEvent(T, "event_msg", payload));
        assertThat(history.append("c-1", event)).isZero();
        assertThat(history.append("c-1", event)).isEqualTo(1);
        assertThat(history.window("c-1", 1, 2)).containsExactly(event);
        assertThat(event.type()).isEqualTo("codex-user");
        // Read back from the column's UTF-8 bytes: characters of every width and escapes survive.
        HistoryEvent wide = HistoryEvent.of(new AgentEvent(
                T, "assistant", Map.of("text", "é 漢字 😀 \"q\" C:\\x \n\u2028", "n", List.of(1, 2.5, true))));
        assertThat(history.append("c-1", wide)).isEqualTo(2);
        assertThat(history.window("c-1", 2, 3)).containsExactly(wide);

        SqlEngineEventStore events = new SqlEngineEventStore(db);
        long first = events.append("x-1", T, "chat.created", payload);
        long second = events.append("x-1", T, "chat.deleted", payload);
        assertThat(second).isGreaterThan(first);
        assertThat(events.after("x-1", first, 10))
                .singleElement()
                .extracting(e -> e.type())
                .isEqualTo("chat.deleted");

        SqlHookLogStore hooks = new SqlHookLogStore(db);
        WarmHookLog warm = new WarmHookLog("global", "warm", "echo hi", "hi\n", false, 3, 0, false, T);
        StartHookLog start = new StartHookLog("repository", "a", "a", List.of("npm ci"), "ok", false, 2, 0, false, T);
        hooks.appendStart("x-1", start);
        hooks.appendWarm("x-1", warm);
        assertThat(hooks.forReplica("x-1").warmHooks()).containsExactly(warm);
        assertThat(hooks.forReplica("x-1").startHooks()).containsExactly(start);

        chats.delete("c-1");
        assertThat(history.count("c-1")).isZero();
        assertThat(messages.inState(MessageState.PROCESSING)).isEmpty();
    }

    /** A replica read by id (by column position) is the same as read in a page (through jOOQ's records). */
    @Test
    void aReplicaReadByIdEqualsTheSameReplicaReadInAPage() {
        new SqlRepositoryStore(db).insert(org, new Repository("r-a", "a", "file:///a", "main", T));
        new SqlRepositoryStore(db).insert(org, new Repository("r-b", "b", "file:///b", "trunk", T));
        new SqlEnvironmentStore(db)
                .insert(new Environment("e-1", org, "dev", null, false, "r-a", null, null, 0, 0, 0, 0, T, T));
        SqlReplicaStore replicas = new SqlReplicaStore(db);
        replicas.insert(new Replica(
                "bare",
                org,
                "bare",
                ReplicaStatus.PREPARING,
                Source.API,
                null,
                "e-1",
                null,
                null,
                null,
                LifecyclePolicy.DEFAULT,
                null,
                false,
                null,
                T,
                T,
                List.of(),
                List.of()));
        replicas.markError("bare", "it broke", "2026-11-28T11:00:00.000Z");
        replicas.insert(new Replica(
                "full",
                org,
                "full",
                ReplicaStatus.ACTIVE,
                Source.SLACK,
                "u-1",
                "e-1",
                CodingAgent.CLAUDE,
                "opus",
                ThinkingLevel.LOW,
                LifecyclePolicy.DELETE_AFTER_INACTIVITY,
                30,
                false,
                null,
                T,
                T,
                List.of(
                        new ReplicaRepository("r-b", "b", "file:///b", "trunk", "replicas/full", false),
                        new ReplicaRepository("r-a", "a", "file:///a", "main", "replicas/full", true)),
                List.of()));
        replicas.updateStatus("full", ReplicaStatus.SLEEPING, true, "2026-11-28T12:00:00.000Z");
        db.run(dsl -> {
            for (int number : new int[] {7, 3}) {
                dsl.insertInto(PULL_REQUESTS)
                        .set(PULL_REQUESTS.ID, "pr-" + number)
                        .set(PULL_REQUESTS.REPLICA_ID, "full")
                        .set(PULL_REQUESTS.REPOSITORY, "b")
                        .set(PULL_REQUESTS.NUMBER, number)
                        .set(PULL_REQUESTS.URL, "https://example.com/pr/" + number)
                        .set(PULL_REQUESTS.CREATED_AT, "2026-11-28T10:0" + number + ":00.000Z")
                        .execute();
            }
        });
        List<Replica> page = replicas.page(org, new ReplicaFilter(null, null, null), 0, 10);
        assertThat(page).hasSize(2);
        for (Replica listed : page) {
            assertThat(replicas.find(org, listed.id())).contains(listed);
            assertThat(replicas.findById(listed.id())).contains(listed);
        }
        Replica full = replicas.findById("full").orElseThrow();
        assertThat(full.pullRequests()).extracting(pr -> pr.number()).containsExactly(3, 7);
        assertThat(full.repositories())
                .extracting(ReplicaRepository::repositoryId)
                .containsExactly("r-b", "r-a");
        assertThat(full.waking()).isTrue();
        assertThat(replicas.findById("bare").orElseThrow().errorMessage()).isEqualTo("it broke");
    }

    @Test
    void replicaCountsInPlainSqlAgreeWithTheFilteredPagesForEveryFilter() {
        new SqlRepositoryStore(db).insert(org, new Repository("r-a", "a", "file:///a", "main", T));
        new SqlEnvironmentStore(db)
                .insert(new Environment("e-1", org, "dev", null, false, "r-a", null, null, 0, 0, 0, 0, T, T));
        SqlReplicaStore replicas = new SqlReplicaStore(db);
        new SqlLocalAccountStore(db).insert(new LocalAccount("org-2", "Other", "user-9", "o@localhost"), T);
        int n = 0;
        for (String user : new String[] {"user-1", "user-2"}) {
            for (Source source : new Source[] {Source.API, Source.SLACK}) {
                for (ReplicaStatus status : new ReplicaStatus[] {ReplicaStatus.ACTIVE, ReplicaStatus.SLEEPING}) {
                    replicas.insert(replica("r-" + n++, org, user, source, status));
                }
            }
        }
        replicas.insert(replica("other-org", "org-2", "user-1", Source.API, ReplicaStatus.ACTIVE));
        replicas.insert(replica("gone", org, "user-1", Source.API, ReplicaStatus.ACTIVE));
        replicas.markDeleted("gone", T);

        List<ReplicaFilter> filters = new ArrayList<>();
        for (String user : new String[] {null, "user-1", "nobody"}) {
            for (Source source : new Source[] {null, Source.SLACK}) {
                for (ReplicaStatus status : new ReplicaStatus[] {null, ReplicaStatus.SLEEPING}) {
                    filters.add(new ReplicaFilter(user, source, status));
                }
            }
        }
        for (ReplicaFilter filter : filters) {
            assertThat(replicas.count(org, filter))
                    .as(filter.toString())
                    .isEqualTo(replicas.page(org, filter, 0, 100).size());
        }
        assertThat(replicas.count(org, new ReplicaFilter(null, null, null))).isEqualTo(8);
        assertThat(replicas.count(org, new ReplicaFilter("user-1", Source.SLACK, ReplicaStatus.SLEEPING)))
                .isEqualTo(1);
        assertThat(db.inTransaction(() -> replicas.count("org-2", new ReplicaFilter(null, null, null))))
                .as("a count joins a transaction")
                .isEqualTo(1);
    }

    private static Replica replica(String id, String org, String user, Source source, ReplicaStatus status) {
        return new Replica(
                id,
                org,
                id,
                status,
                source,
                user,
                "e-1",
                CodingAgent.CODEX,
                "m",
                ThinkingLevel.HIGH,
                LifecyclePolicy.DELETE_WHEN_DONE,
                15,
                false,
                null,
                T,
                T,
                List.of(),
                List.of());
    }

    @Test
    void aKeptApiKeyIsDroppedWhenThisStoreOrAnotherProcessRevokesIt() {
        SqlApiKeyStore keys = new SqlApiKeyStore(db);
        ApiKey key = new ApiKey("k-1", org, null, "ci", "sk_replicas_abc", "hash-1", T, null, null);
        keys.insert(key);
        assertThat(keys.findByHash("hash-1")).contains(key);
        assertThat(keys.findByHash("hash-1")).as("kept").contains(key);

        // Another connection stands for another process on the same file (`keys revoke` beside the server).
        try (Database other = Database.open(dir.resolve("db/replicas.db"))) {
            assertThat(new SqlApiKeyStore(other).revoke("k-1", T)).isEqualTo(1);
        }
        assertThat(keys.findByHash("hash-1")).get().extracting(ApiKey::revoked).isEqualTo(true);

        ApiKey second = new ApiKey("k-2", org, null, "ci", "sk_replicas_def", "hash-2", T, null, null);
        keys.insert(second);
        assertThat(keys.findByHash("hash-2")).contains(second);
        keys.revoke("k-2", T);
        assertThat(keys.findByHash("hash-2")).get().extracting(ApiKey::revoked).isEqualTo(true);

        ApiKey rolledBack = new ApiKey("k-3", org, null, "ci", "sk_replicas_ghi", "hash-3", T, null, null);
        assertThatThrownBy(() -> db.inTransaction(() -> {
                    keys.insert(rolledBack);
                    assertThat(keys.findByHash("hash-3")).isPresent();
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        assertThat(keys.findByHash("hash-3"))
                .as("nothing read inside a rolled-back transaction is kept")
                .isEmpty();
    }

    @Test
    void aFailedTransactionLeavesNothingHalfWritten() {
        SqlRepositoryStore repos = new SqlRepositoryStore(db);
        try {
            db.inTransaction(() -> {
                repos.insert(org, new Repository("r-1", "one", "file:///1", "main", T));
                repos.insert(org, new Repository("r-2", "one", "file:///2", "main", T));
                return null;
            });
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageContaining("UNIQUE");
        }
        assertThat(repos.list(org)).isEmpty();
    }

    @Test
    void aChatsNextQueueNumberFollowsItsHighestMessageInAnyStateWithOneIndexSeekPerState() throws Exception {
        insertReplica(new SqlReplicaStore(db));
        SqlChatStore chats = new SqlChatStore(db);
        chats.insert(new Chat("c-1", "x-1", CodingAgent.CODEX, "t", true, null, T, T, false, 0));
        chats.insert(new Chat("c-2", "x-1", CodingAgent.CODEX, "u", false, null, T, T, false, 0));
        SqlMessageStore messages = new SqlMessageStore(db);
        assertThat(messages.nextQueueSeq("c-1")).isEqualTo(1);
        int[] seqs = {3, 4, 5, 7, 6}; // queued, processing, done, failed, interrupted: the highest is not queued
        MessageState[] states = MessageState.values();
        for (int i = 0; i < states.length; i++) {
            messages.insert(new Message(
                    "m-" + i, "c-1", "x-1", "hi", List.of(), null, null, false, states[i], seqs[i], null, T));
        }
        assertThat(messages.nextQueueSeq("c-1")).isEqualTo(8);
        assertThat(messages.nextQueueSeq("c-2")).isEqualTo(1);

        // Each state's maximum is one seek in the (chat_id, state, queue_seq) index: no step reads the chat.
        List<String> plan = db.query(
                "EXPLAIN QUERY PLAN " + SqlMessageStore.Sql.LAST_QUEUE_SEQ, row -> row.getString("detail"), "c-1");
        assertThat(plan.stream().filter(step -> step.contains(" messages ")))
                .hasSize(states.length)
                .allMatch(step -> step.equals(
                        "SEARCH messages USING COVERING INDEX messages_by_chat_state (chat_id=? AND state=?)"));
    }
}
