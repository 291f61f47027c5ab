package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.environment.UpdateEnvironment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositorySet;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of environments themselves, the Global one included. */
class EnvironmentRulesTest {

    static final String UNKNOWN = "00000000-0000-4000-8000-0000000000cc";

    @TempDir
    Path dir;

    TestCore t;
    EnvironmentService environments;

    @BeforeEach
    void start() {
        t = new TestCore(dir, Duration.ZERO);
        environments = t.services.environments();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static UpdateEnvironment rename(String name) {
        return new UpdateEnvironment(name, null, null, null, null, null);
    }

    @Test
    void theGlobalEnvironmentCannotBeUpdatedAndTheErrorPointsAtItsContents() {
        Environment global = environments.get(t.caller, "environment_id", "global");
        for (String id : List.of("global", "GLOBAL", global.id())) {
            DomainException e = Fails.invalid(() -> environments.update(t.caller, id, rename("renamed")), "Global");
            assertThat(e.getMessage())
                    .contains(
                            "variables",
                            "files",
                            "skills",
                            "MCP servers",
                            "hooks",
                            "_environment_variable",
                            "environment_id='global'");
        }
        assertThat(environments.get(t.caller, "environment_id", "global").name())
                .isEqualTo("Global");
    }

    @Test
    void theGlobalEnvironmentCannotBeDeleted() {
        Environment global = environments.global(t.caller);
        Fails.conflict(() -> environments.delete(t.caller, "global"), "Global");
        Fails.conflict(() -> environments.delete(t.caller, global.id()), "Global");
        assertThat(environments.list(t.caller).get(0).id()).isEqualTo(global.id());
    }

    @Test
    void anEnvironmentInUseCannotBeDeletedAndTheErrorNamesTheReplica() throws Exception {
        Environment env = t.environment("busy");
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("busy-worker", "hi", env.id()))
                .replica();
        Fails.conflict(() -> environments.delete(t.caller, env.id()), "busy-worker", "busy");
        t.services.replicas().delete(t.caller, replica.id());
        environments.delete(t.caller, env.id());
        Fails.notFound(() -> environments.get(t.caller, "environment_id", env.id()), env.id());
    }

    @Test
    void deletingRemovesWhatTheEnvironmentHolds() throws Exception {
        Environment env = t.environment("doomed");
        t.services.contents().variables().create(t.caller, env.id(), "K", "v");
        t.services.contents().files().create(t.caller, env.id(), "f", "~/f", "c");
        environments.delete(t.caller, env.id());
        Fails.notFound(() -> t.services.contents().variables().list(t.caller, env.id()), env.id());
        Fails.notFound(() -> environments.delete(t.caller, env.id()), env.id());
        Fails.notFound(() -> environments.delete(t.caller, UNKNOWN), UNKNOWN);
        Fails.invalid(() -> environments.delete(t.caller, "nope"), "nope");
    }

    @Test
    void namesAreUniqueAndGlobalIsReserved() throws Exception {
        Environment a = t.environment("alpha");
        Environment b = t.environment("beta");
        Fails.conflict(() -> environments.create(t.caller, "alpha", null, null, null, null), "alpha", a.id());
        Fails.conflict(() -> environments.update(t.caller, b.id(), rename("alpha")), "alpha");
        Fails.invalid(() -> environments.create(t.caller, "Global", null, null, null, null), "'name'");
        Fails.invalid(() -> environments.update(t.caller, b.id(), rename("global")), "'name'");
        Fails.invalid(() -> environments.create(t.caller, " ", null, null, null, null), "'name'");
        assertThat(environments.update(t.caller, b.id(), rename("beta")).name()).isEqualTo("beta");
        assertThat(environments.update(t.caller, b.id(), rename("gamma")).name())
                .isEqualTo("gamma");
    }

    @Test
    void bothBindingsAtOnceAreRefused() throws Exception {
        Repository repo = t.repository("r");
        RepositorySet set = t.services.repositories().createSet(t.caller, "s", null, List.of(repo.id()));
        Fails.invalid(
                () -> environments.create(t.caller, "both", null, repo.id(), set.id(), null),
                "'repository_id'",
                "'repository_set_id'");
        Environment env = environments.create(t.caller, "one", null, repo.id(), null, null);
        Fails.invalid(
                () -> environments.update(
                        t.caller, env.id(), new UpdateEnvironment(null, null, repo.id(), set.id(), null, null)),
                "'repository_id'",
                "'repository_set_id'");
        Fails.notFound(
                () -> environments.update(
                        t.caller, env.id(), new UpdateEnvironment(null, null, null, UNKNOWN, null, null)),
                UNKNOWN);
        assertThat(environments.get(t.caller, "environment_id", env.id()).repositoryId())
                .isEqualTo(repo.id());
    }

    @Test
    void settingOneBindingClearsTheOther() throws Exception {
        Repository repo = t.repository("r");
        RepositorySet set = t.services.repositories().createSet(t.caller, "s", null, List.of(repo.id()));
        Environment env = environments.create(t.caller, "rebind", null, repo.id(), null, null);
        Environment onSet =
                environments.update(t.caller, env.id(), new UpdateEnvironment(null, null, null, set.id(), null, null));
        assertThat(onSet.repositorySetId()).isEqualTo(set.id());
        assertThat(onSet.repositoryId()).isNull();
        Environment back =
                environments.update(t.caller, env.id(), new UpdateEnvironment(null, null, repo.id(), null, null, null));
        assertThat(back.repositoryId()).isEqualTo(repo.id());
        assertThat(back.repositorySetId()).isNull();
        Environment read = environments.get(t.caller, "environment_id", env.id());
        assertThat(read.repositoryId()).isEqualTo(repo.id());
        assertThat(read.repositorySetId()).isNull();
    }

    @Test
    void clearSetsTheListedFieldsToNull() throws Exception {
        Repository repo = t.repository("r");
        Environment env = environments.create(t.caller, "full", "about", repo.id(), null, "be nice");
        Environment partly = environments.update(
                t.caller, env.id(), new UpdateEnvironment(null, "kept?", null, null, null, Set.of("system_prompt")));
        assertThat(partly.description()).isEqualTo("kept?");
        assertThat(partly.systemPrompt()).isNull();
        Environment cleared = environments.update(
                t.caller,
                env.id(),
                new UpdateEnvironment(null, null, null, null, null, Set.of("description", "repository_id")));
        assertThat(cleared.description()).isNull();
        assertThat(cleared.repositoryId()).isNull();
        assertThat(cleared.isUnbound()).isTrue();
        assertThat(environments.get(t.caller, "environment_id", env.id()).description())
                .isNull();
        Fails.invalid(
                () -> environments.update(
                        t.caller, env.id(), new UpdateEnvironment(null, null, null, null, null, Set.of("name"))),
                "'clear'",
                "name");
        Fails.notFound(() -> environments.update(t.caller, UNKNOWN, rename("x")), UNKNOWN);
    }

    @Test
    void getAcceptsGlobalAndCreatesItOnFirstUse() {
        Environment global = environments.get(t.caller, "environment_id", "global");
        assertThat(global.isGlobal()).isTrue();
        assertThat(global.name()).isEqualTo("Global");
        assertThat(global.repositoryId()).isNull();
        assertThat(environments.get(t.caller, "environment_id", " Global ").id())
                .isEqualTo(global.id());
        assertThat(environments.get(t.caller, "environment_id", global.id()).isGlobal())
                .isTrue();
        Fails.notFound(() -> environments.get(t.caller, "environment_id", UNKNOWN), UNKNOWN);
        Fails.invalid(() -> environments.get(t.caller, "environment_id", "globals"), "globals");
    }

    @Test
    void listPutsGlobalFirstWithCorrectCounts() throws Exception {
        Environment zeta = t.environment("zeta");
        Environment alpha = t.environment("alpha");
        var contents = t.services.contents();
        contents.variables().create(t.caller, alpha.id(), "A", "1");
        contents.variables().create(t.caller, alpha.id(), "B", "2");
        contents.files().create(t.caller, alpha.id(), "f", "~/f", "c");
        contents.mcps().create(t.caller, zeta.id(), "m", "http", TestJson.values("{\"url\": \"https://x.io/mcp\"}"));
        contents.skills().enable(t.caller, "global", "tdd", null, null);
        contents.variables().create(t.caller, "global", "G", "g");
        var deleted = contents.variables().create(t.caller, zeta.id(), "GONE", "x");
        contents.variables().delete(t.caller, zeta.id(), deleted.id());

        List<Environment> list = environments.list(t.caller);
        assertThat(list).extracting(Environment::name).containsExactly("Global", "alpha", "zeta");
        assertThat(list.get(0).isGlobal()).isTrue();
        assertThat(counts(list.get(0))).containsExactly(1, 0, 1, 0);
        assertThat(counts(list.get(1))).containsExactly(2, 1, 0, 0);
        assertThat(counts(list.get(2))).containsExactly(0, 0, 0, 1);
        assertThat(counts(environments.get(t.caller, "environment_id", alpha.id())))
                .containsExactly(2, 1, 0, 0);
    }

    private static List<Integer> counts(Environment e) {
        return List.of(e.variableCount(), e.fileCount(), e.skillCount(), e.mcpCount());
    }
}
