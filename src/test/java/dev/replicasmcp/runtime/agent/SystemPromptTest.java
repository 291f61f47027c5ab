package dev.replicasmcp.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.FakeAgentCli;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §8.2: the environment's system prompt, then each repository's, reach the agent's instructions. */
class SystemPromptTest {

    static final String ENV_RULE = "Env rule: keep answers short.";
    static final String REPO_RULE = "Repo rule: run make test before you finish.";

    @TempDir
    Path dir;

    AgentFixture f;
    Environment environment;

    @BeforeEach
    void start() throws Exception {
        f = AgentFixture.withFakes(dir, "claude", "codex");
        Path repo = TestRepos.create(dir, "rules", "main");
        TestRepos.commitFile(repo, "replicas.json", "{\"systemPrompt\": \"" + REPO_RULE + "\"}");
        Repository repository = f.t.services.repositories().add(f.t.caller, repo.toString(), null, null);
        environment = f.t.services.environments().create(f.t.caller, "ruled", null, repository.id(), null, ENV_RULE);
    }

    @AfterEach
    void stop() {
        f.t.close();
    }

    private String create(String name, String agent) {
        return f.t.services
                .replicas()
                .create(
                        f.t.caller,
                        new CreateReplica(
                                name, "first", environment.id(), null, null, agent, null, null, null, null, null))
                .replica()
                .id();
    }

    @Test
    void claudeGetsBothPromptsAsAnAppendedSystemPromptOnEveryTurn() throws Exception {
        String id = create("claude-rules", "claude");
        f.awaitTurns(id, null, 1);
        f.send(id, AgentFixture.message("second"));
        f.awaitTurns(id, null, 2);
        List<FakeAgentCli.Call> calls = f.fakes.calls("claude");
        for (FakeAgentCli.Call call : calls) {
            assertThat(call.after("--append-system-prompt")).contains(ENV_RULE + "\n\n" + REPO_RULE);
        }
        assertThat(calls.get(0).prompt()).isEqualTo("first");
    }

    @Test
    void codexGetsThemAheadOfTheFirstMessageOfAThreadOnly() throws Exception {
        String id = create("codex-rules", "codex");
        f.awaitTurns(id, null, 1);
        f.send(id, AgentFixture.message("second"));
        f.awaitTurns(id, null, 2);
        List<FakeAgentCli.Call> calls = f.fakes.calls("codex");
        assertThat(calls.get(0).prompt())
                .startsWith("Instructions for this workspace:\n" + ENV_RULE + "\n\n" + REPO_RULE)
                .endsWith("first");
        assertThat(calls.get(1).prompt()).isEqualTo("second");
    }
}
