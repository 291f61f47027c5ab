package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaPage;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.Source;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositorySet;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaRulesTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"has space", "tab\there", "new\nline", " leading", ""})
    void namesWithWhitespaceOrEmptyAreRefused(String name) throws Exception {
        Environment env = t.environment("env");
        assertThatThrownBy(() -> t.services.replicas().create(t.caller, TestCore.create(name, "hi", env.id())))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("'name'")
                .extracting(e -> ((DomainException) e).kind())
                .isEqualTo(DomainException.Kind.INVALID);
    }

    @Test
    void aNewReplicaIsActiveFromTheApiWithItsRepositoryAndDefaultChat() throws Exception {
        Replica replica = t.replica("fix-auth-bug", "hello");
        assertThat(replica.status()).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(replica.source()).isEqualTo(Source.API);
        assertThat(replica.lifecyclePolicy()).isEqualTo(LifecyclePolicy.DEFAULT);
        assertThat(replica.repositories())
                .singleElement()
                .satisfies(r -> assertThat(r.branch()).isEqualTo("replicas/fix-auth-bug"));
        assertThat(t.services.replicas().get(t.caller, replica.id(), Set.of()).chats())
                .singleElement()
                .satisfies(c -> assertThat(c.isDefault()).isTrue());
    }

    @Test
    void optionsAreStoredAndEchoed() throws Exception {
        try (TestCore fakes = TestCore.withFakeClis(dir.resolve("fakes"), Duration.ZERO)) {
            Environment env = fakes.environment("env");
            Replica replica = fakes.services
                    .replicas()
                    .create(
                            fakes.caller,
                            new CreateReplica(
                                    "opts",
                                    "hi",
                                    env.id(),
                                    null,
                                    null,
                                    "codex",
                                    "gpt-5.1-codex",
                                    null,
                                    "sleep_when_done",
                                    "ultra",
                                    null))
                    .replica();
            assertThat(replica.codingAgent().wire()).isEqualTo("codex");
            assertThat(replica.model()).isEqualTo("gpt-5.1-codex");
            assertThat(replica.thinkingLevel().wire()).isEqualTo("ultra");
            assertThat(replica.lifecyclePolicy()).isEqualTo(LifecyclePolicy.SLEEP_WHEN_DONE);
            // The fake CLI's turn ends before its folder is removed.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> fakes.services.chats().list(fakes.caller, replica.id()).chats().stream()
                            .noneMatch(c -> c.processing()));
        }
    }

    @Test
    void anAgentSetToScriptedIsRecordedAsScriptedAndTakesEveryThinkingLevel() throws Exception {
        Environment env = t.environment("env");
        Replica replica = t.services
                .replicas()
                .create(
                        t.caller,
                        new CreateReplica(
                                "aliased", "hi", env.id(), null, null, "codex", null, null, null, "ultracode", null))
                .replica();
        assertThat(replica.codingAgent().wire()).isEqualTo("scripted");
        assertThat(replica.thinkingLevel().wire()).isEqualTo("ultracode");
    }

    @Test
    void thinkingLevelsBoundToOneAgentAreRefusedForTheOther() throws Exception {
        try (TestCore fakes = TestCore.withFakeClis(dir.resolve("fakes"), Duration.ZERO)) {
            Environment env = fakes.environment("env");
            assertThatThrownBy(() -> fakes.services
                            .replicas()
                            .create(
                                    fakes.caller,
                                    new CreateReplica(
                                            "x", "hi", env.id(), null, null, "claude", null, null, null, "ultra",
                                            null)))
                    .hasMessageContaining("'thinking_level'");
            assertThatThrownBy(() -> fakes.services
                            .replicas()
                            .create(
                                    fakes.caller,
                                    new CreateReplica(
                                            "x",
                                            "hi",
                                            env.id(),
                                            null,
                                            null,
                                            "codex",
                                            null,
                                            null,
                                            null,
                                            "ultracode",
                                            null)))
                    .hasMessageContaining("codex");
        }
    }

    @Test
    void modelNamesAreCheckedBeforeAnythingIsCreated() throws Exception {
        Environment env = t.environment("env");
        for (String model : List.of("-x", "--dangerously-skip-permissions", "a b", "m".repeat(101), "gpt;rm")) {
            assertThatThrownBy(() -> t.services
                            .replicas()
                            .create(
                                    t.caller,
                                    new CreateReplica(
                                            "m", "hi", env.id(), null, null, null, model, null, null, null, null)))
                    .hasMessageContaining("Field 'model'");
        }
        assertThat(t.services
                        .replicas()
                        .list(t.caller, null, null, null, null, null)
                        .replicas())
                .isEmpty();
        Replica replica = t.services
                .replicas()
                .create(
                        t.caller,
                        new CreateReplica(
                                "m",
                                "hi",
                                env.id(),
                                null,
                                null,
                                null,
                                "us.anthropic.claude-sonnet-4:0@latest/x_y",
                                null,
                                null,
                                null,
                                null))
                .replica();
        assertThat(replica.model()).isEqualTo("us.anthropic.claude-sonnet-4:0@latest/x_y");
        assertThatThrownBy(() -> t.services
                        .messages()
                        .send(
                                t.caller,
                                replica.id(),
                                new dev.replicasmcp.domain.chat.SendMessage("hi", null, null, "-v", null, null, null)))
                .hasMessageContaining("Field 'model'")
                .hasMessageContaining("not starting with '-'");
        assertThat(t.services
                        .replicas()
                        .list(t.caller, null, null, null, null, null)
                        .replicas())
                .hasSize(1);
    }

    @Test
    void unknownEnumValuesNameTheFieldAndTheChoices() throws Exception {
        Environment env = t.environment("env");
        assertThatThrownBy(() -> t.services
                        .replicas()
                        .create(
                                t.caller,
                                new CreateReplica(
                                        "x", "hi", env.id(), null, null, "gpt", null, null, null, null, null)))
                .hasMessageContaining("'coding_agent'")
                .hasMessageContaining("claude, codex");
        assertThatThrownBy(() -> t.services
                        .replicas()
                        .create(
                                t.caller,
                                new CreateReplica(
                                        "x", "hi", env.id(), null, null, null, null, null, "forever", null, null)))
                .hasMessageContaining("'lifecycle_policy'");
    }

    @Test
    void environmentsMadeInTheSameMillisecondAreFoundInTheOrderTheyWereMade(@TempDir Path other) throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        try (TestCore same = new TestCore(other, Duration.ZERO, frozen)) {
            Repository repository = same.repository("same-ms");
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                made.add(same.services
                        .environments()
                        .create(same.caller, "env-" + i, null, repository.id(), null, null)
                        .id());
            }
            assertThat(same.services.environments().firstBoundToAnyRepository(same.caller, List.of(repository.id())))
                    .get()
                    .extracting(Environment::id)
                    .as("the first made, not the smallest random id")
                    .isEqualTo(made.get(0));
        }
    }

    @Test
    void environmentIdWinsAndDeprecatedSelectorsFindTheFirstBoundEnvironment() throws Exception {
        Repository a = t.repository("a");
        Repository b = t.repository("b");
        Environment first = t.services.environments().create(t.caller, "first", null, a.id(), null, null);
        t.services.environments().create(t.caller, "second", null, a.id(), null, null);
        RepositorySet set = t.services.repositories().createSet(t.caller, "both", null, List.of(a.id(), b.id()));
        Environment onSet = t.services.environments().create(t.caller, "on-set", null, null, set.id(), null);

        Replica byRepos = t.services
                .replicas()
                .create(
                        t.caller,
                        new CreateReplica(
                                "r1", "hi", null, List.of(b.id(), a.id()), null, null, null, null, null, null, null))
                .replica();
        assertThat(byRepos.environmentId()).isEqualTo(first.id());
        Replica bySet = t.services
                .replicas()
                .create(
                        t.caller,
                        new CreateReplica("r2", "hi", null, null, set.id(), null, null, null, null, null, null))
                .replica();
        assertThat(bySet.environmentId()).isEqualTo(onSet.id());
        assertThat(bySet.repositories()).extracting(r -> r.name()).containsExactly("a", "b");
    }

    @Test
    void environmentResolutionErrors() throws Exception {
        Repository a = t.repository("a");
        RepositorySet set = t.services.repositories().createSet(t.caller, "lonely", null, List.of(a.id()));
        assertThatThrownBy(() -> create(null, List.of(a.id()), set.id())).hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> create(null, null, null)).hasMessageContaining("'environment_id' is required");
        assertThatThrownBy(() -> create(null, null, set.id()))
                .extracting(e -> ((DomainException) e).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> create(null, List.of(a.id()), null)).hasMessageContaining("No environment is bound");
        assertThatThrownBy(() -> create("2f1f8a9e-8c55-4c57-9a55-3c1c6b0d6e11", null, null))
                .extracting(e -> ((DomainException) e).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> create("global", null, null)).hasMessageContaining("Global environment");
        Environment unbound = t.services.environments().create(t.caller, "unbound", null, null, null, null);
        assertThatThrownBy(() -> create(unbound.id(), null, null)).hasMessageContaining("not bound");
    }

    private Replica create(String envId, List<String> repos, String setId) {
        return t.services
                .replicas()
                .create(t.caller, new CreateReplica("x", "hi", envId, repos, setId, null, null, null, null, null, null))
                .replica();
    }

    @Test
    void listPagesNewestFirstAndValidatesItsArguments() throws Exception {
        Environment env = t.environment("env");
        for (int i = 0; i < 3; i++) {
            t.services.replicas().create(t.caller, TestCore.create("r" + i, "hi", env.id()));
        }
        ReplicaPage page = t.services.replicas().list(t.caller, 1, 2, null, null, null);
        assertThat(page.replicas()).extracting(Replica::name).containsExactly("r2", "r1");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(t.services.replicas().list(t.caller, 3, 2, null, null, null).replicas())
                .isEmpty();
        assertThat(t.services
                        .replicas()
                        .list(t.caller, null, null, null, "api", "sleeping")
                        .total())
                .isZero();
        assertThatThrownBy(() -> t.services.replicas().list(t.caller, 0, null, null, null, null))
                .hasMessageContaining("'page'");
        assertThatThrownBy(() -> t.services.replicas().list(t.caller, 1, 101, null, null, null))
                .hasMessageContaining("'limit'");
        assertThatThrownBy(() -> t.services.replicas().list(t.caller, 1, 10, null, null, "deleted"))
                .hasMessageContaining("'status'");
    }

    @Test
    void deletedReplicasAreGoneEverywhere() throws Exception {
        Replica replica = t.replica("gone", "hi");
        t.services.replicas().delete(t.caller, replica.id());
        assertThatThrownBy(() -> t.services.replicas().get(t.caller, replica.id(), Set.of()))
                .hasMessageContaining(replica.id());
        assertThat(t.services
                        .replicas()
                        .list(t.caller, null, null, null, null, null)
                        .total())
                .isZero();
        assertThatThrownBy(() -> t.services.replicas().get(t.caller, "not-a-uuid", Set.of()))
                .extracting(e -> ((DomainException) e).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
    }
}
