package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.replica.Provisioning;
import dev.replicasmcp.domain.replica.ReplicaEnvironment;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new replica's workspace gets Global and its environment merged, the environment winning each tie. */
class ProvisioningTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestCore t;
    Environment env;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        env = t.environment("provisioned");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void theWorkspaceHoldsMergedFilesMcpConfigAndSkillsAndTheHooksRealOutputIsLogged() throws Exception {
        var c = t.services.contents();
        // Values this short are not redacted from hook output (longer ones are).
        c.variables().create(t.caller, "global", "WHO", "glob");
        c.variables().create(t.caller, "global", "GLOBAL_ONLY", "g");
        c.variables().create(t.caller, env.id(), "WHO", "envy");
        c.files().create(t.caller, "global", "shared", "~/shared.txt", "from global");
        c.files().create(t.caller, "global", "only", "~/.config/only-global.txt", "global only");
        c.files().create(t.caller, env.id(), "shared", "~//shared.txt", "from environment");
        c.mcps()
                .create(
                        t.caller,
                        "global",
                        "docs",
                        "http",
                        TestJson.values("{\"url\": \"https://global.example/mcp\"}"));
        c.mcps()
                .create(
                        t.caller,
                        "global",
                        "github",
                        "sse",
                        TestJson.values(
                                "{\"url\": \"https://gh.example/sse\", " + "\"headers\": {\"X-Team\": \"core\"}}"));
        c.mcps()
                .create(
                        t.caller,
                        env.id(),
                        "docs",
                        "stdio",
                        TestJson.values("{\"command\": \"docs-server\", "
                                + "\"args\": [\"--port\", \"0\"], \"env\": {\"MODE\": \"env\"}}"));
        c.skills().enable(t.caller, "global", "code-review", null, null);
        c.skills().enable(t.caller, env.id(), "tdd", null, null);
        c.skills().enable(t.caller, env.id(), "offline-skill", "Offline skill", "example.com/offline");
        c.hooks().save(t.caller, "global", HookKind.WARM, "echo warm-ran > ~/warm.txt\necho global-warm-output");
        c.hooks()
                .save(
                        t.caller,
                        env.id(),
                        HookKind.START,
                        "echo \"start-hook-ran as $WHO/$GLOBAL_ONLY\"\n"
                                + "cat ~/shared.txt; echo\necho problem >&2\nexit 2");

        ReplicaService.Created created =
                t.services.replicas().create(t.caller, TestCore.create("merged", "hello", env.id()));
        Provisioning applied = created.provisioning();
        assertThat(applied.warmSource()).isEqualTo(Provisioning.WarmSource.COLD);
        Path home = Path.of(applied.workspacePath());
        assertThat(home)
                .isEqualTo(
                        dir.resolve("data/workspaces").resolve(created.replica().id()));

        assertThat(home.resolve("shared.txt")).hasContent("from environment");
        assertThat(home.resolve(".config/only-global.txt")).hasContent("global only");

        JsonNode servers = JSON.readTree(home.resolve(".mcp.json").toFile()).path("mcpServers");
        assertThat(servers.size()).isEqualTo(2);
        assertThat(servers.path("docs").path("type").asText()).isEqualTo("stdio");
        assertThat(servers.path("docs").path("command").asText()).isEqualTo("docs-server");
        assertThat(servers.path("docs").path("args").toString()).isEqualTo("[\"--port\",\"0\"]");
        assertThat(servers.path("docs").path("env").path("MODE").asText()).isEqualTo("env");
        assertThat(servers.path("github").path("type").asText()).isEqualTo("sse");
        assertThat(servers.path("github").path("url").asText()).isEqualTo("https://gh.example/sse");
        assertThat(servers.path("github").path("headers").path("X-Team").asText())
                .isEqualTo("core");

        assertThat(home.resolve(".claude/skills/tdd/SKILL.md")).content().contains("name: tdd");
        assertThat(home.resolve(".claude/skills/code-review/SKILL.md"))
                .content()
                .contains("code-review");
        assertThat(home.resolve(".claude/skills/offline-skill/SKILL.md"))
                .content()
                .contains("Offline skill");

        // Hooks run in the background: the warm hook first (a cold start), then the start hook.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hooks(created).startHooks().size() == 1);
        HookLogs logs = hooks(created);
        assertThat(logs.warmHooks()).singleElement().satisfies(w -> {
            assertThat(w.output()).isEqualTo("global-warm-output\n");
            assertThat(w.exitCode()).isZero();
            assertThat(w.hookType()).isEqualTo("global");
        });
        assertThat(home.resolve("warm.txt")).hasContent("warm-ran");
        assertThat(logs.startHooks()).singleElement().satisfies(s -> {
            assertThat(s.output()).isEqualTo("start-hook-ran as envy/g\nfrom environment\nproblem\n");
            assertThat(s.exitCode()).isEqualTo(2);
            assertThat(s.timedOut()).isFalse();
            assertThat(s.outputTotalChars()).isEqualTo(s.output().length());
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> t.services
                        .replicas()
                        .get(t.caller, created.replica().id(), Set.of())
                        .repositoryStatuses()
                        .get(0)
                        .startHooksCompleted());

        ReplicaEnvironment report = t.services
                .replicas()
                .get(t.caller, created.replica().id(), Set.of("environment"))
                .environment();
        assertThat(report.filesUploaded()).containsExactlyInAnyOrder("~/shared.txt", "~/.config/only-global.txt");
        assertThat(report.envVarsSet()).containsExactlyInAnyOrder("WHO", "GLOBAL_ONLY");
        assertThat(report.skillsInstalled())
                .containsExactlyInAnyOrder("Code review checklist", "Test-driven development", "Offline skill");
        assertThat(report.toString()).as("names only, never values").doesNotContain("from environment", "global only");
        assertThat(report.hooks().globalWarmHook().status()).isEqualTo("succeeded");
        assertThat(report.hooks().repositories())
                .singleElement()
                .satisfies(r -> assertThat(r.startHook()).isEqualTo("failed"));
        assertThat(t.services
                        .replicas()
                        .get(t.caller, created.replica().id(), Set.of())
                        .environment())
                .as("only with include=environment")
                .isNull();
    }

    @Test
    void aReplicaWithoutHooksIsProvisionedAndItsFolderGoesWithIt() throws Exception {
        ReplicaService.Created created =
                t.services.replicas().create(t.caller, TestCore.create("plain", "hello", env.id()));
        Path home = Path.of(created.provisioning().workspacePath());
        assertThat(home).isDirectory();
        assertThat(home.resolve(".mcp.json")).doesNotExist();
        assertThat(hooks(created).startHooks()).isEmpty();
        ReplicaEnvironment report = t.services
                .replicas()
                .get(t.caller, created.replica().id(), Set.of("environment"))
                .environment();
        assertThat(report.filesUploaded()).isEmpty();
        assertThat(report.hooks().globalWarmHook().status()).isEqualTo("not_configured");
        t.services.replicas().delete(t.caller, created.replica().id());
        assertThat(home).doesNotExist();
    }

    private HookLogs hooks(ReplicaService.Created created) {
        return t.services.replicas().hooks(t.caller, created.replica().id());
    }
}
