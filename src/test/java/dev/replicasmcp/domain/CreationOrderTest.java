package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentFile;
import dev.replicasmcp.domain.environment.EnvironmentVariable;
import dev.replicasmcp.domain.environment.FileService;
import dev.replicasmcp.domain.environment.VariableService;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows created in the same millisecond keep their creation order: lists are oldest first, the later
 * of two files on one path wins, and the first environment bound to a repository is the one made first.
 * A stopped clock makes every timestamp equal, so only the order of creation can decide.
 */
class CreationOrderTest {

    @TempDir
    Path dir;

    TestCore t;
    Environment env;
    VariableService variables;
    FileService files;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO, Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC));
        env = t.environment("ordered");
        variables = t.services.contents().variables();
        files = t.services.contents().files();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void listsKeepCreationOrder() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add("K" + i);
            variables.create(t.caller, env.id(), "K" + i, "v");
            files.create(t.caller, env.id(), "K" + i, "~/f" + i, "c");
        }
        assertThat(variables.list(t.caller, env.id()))
                .extracting(EnvironmentVariable::key)
                .isEqualTo(keys);
        assertThat(files.list(t.caller, env.id()))
                .extracting(EnvironmentFile::name)
                .isEqualTo(keys);
    }

    @Test
    void theLaterOfTwoFilesOnOnePathWins() {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            files.create(t.caller, env.id(), "first", "~/same" + i, "first");
            files.create(t.caller, env.id(), "second", "~/./same" + i, "second");
            script.append("cat ~/same").append(i).append("; echo\n");
        }
        assertThat(t.services
                        .contents()
                        .hooks()
                        .test(t.caller, env.id(), script.toString(), null, HookProgress.NONE)
                        .output())
                .isEqualTo("second\n".repeat(8));
    }

    @Test
    void theFirstEnvironmentBoundToARepositoryIsTheOneMadeFirst() throws Exception {
        Repository repo = t.repository("shared");
        List<Environment> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            made.add(t.services.environments().create(t.caller, "bound-" + i, null, repo.id(), null, null));
        }
        assertThat(t.services.environments().firstBoundToAnyRepository(t.caller, List.of(repo.id())))
                .hasValueSatisfying(
                        e -> assertThat(e.id()).isEqualTo(made.get(0).id()));
    }
}
