package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.environment.CatalogSkill;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentMcp;
import dev.replicasmcp.domain.environment.EnvironmentSkill;
import dev.replicasmcp.domain.environment.McpConfig;
import dev.replicasmcp.domain.environment.McpService;
import dev.replicasmcp.domain.environment.McpTransport;
import dev.replicasmcp.domain.environment.SkillService;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of an environment's MCP servers and skills, and the local skill catalog. */
class McpSkillRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STDIO = "{\"command\": \"npx\", \"args\": [\"-y\", \"server\"], \"env\": {\"A\": \"1\"}}";
    static final String HTTP = "{\"url\": \"https://mcp.example.com/mcp\", \"headers\": {\"Authorization\": \"x\"}}";

    @TempDir
    Path dir;

    TestCore t;
    Environment env;
    McpService mcps;
    SkillService skills;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        env = t.environment("mcp");
        mcps = t.services.contents().mcps();
        skills = t.services.contents().skills();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static Object json(String text) throws Exception {
        return TestJson.values(text);
    }

    EnvironmentMcp create(String name, String transport, String config) throws Exception {
        return mcps.create(t.caller, env.id(), name, transport, json(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-lead", "_lead", "has space", "dot.name", "slash/name", "é"})
    void mcpNamesFollowThePattern(String name) {
        Fails.invalid(() -> create(name, "stdio", STDIO), "'name'", "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    }

    @Test
    void mcpNamesAreOneTo64Characters() throws Exception {
        Fails.invalid(() -> create("", "stdio", STDIO), "'name'");
        Fails.invalid(() -> create("a".repeat(65), "stdio", STDIO), "'name'");
        assertThat(create("a".repeat(64), "stdio", STDIO).name()).hasSize(64);
        assertThat(create("x", "http", HTTP).name()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"relay-tools", "replicas-x", "RELAY-upper", "Replicas-Mixed"})
    void reservedPrefixesAreRefusedWhateverTheCase(String name) {
        Fails.invalid(() -> create(name, "stdio", STDIO), "reserved prefix");
    }

    @Test
    void theTransportMustBeKnown() {
        Fails.invalid(() -> create("m", "websocket", STDIO), "'transport'", "stdio, http, sse");
        Fails.invalid(() -> create("m", null, STDIO), "'transport'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"command\": 5}",
                "{\"command\": \" \"}",
                "{\"command\": \"npx\", \"args\": \"-y\"}",
                "{\"command\": \"npx\", \"args\": [1]}",
                "{\"command\": \"npx\", \"env\": {\"A\": 1}}",
                "{\"command\": \"npx\", \"env\": [\"A=1\"]}",
                "{\"command\": \"npx\", \"url\": \"https://x.io\"}",
                "[]",
                "\"npx\""
            })
    void stdioConfigNeedsCommandArgsListAndEnvMap(String config) {
        Fails.invalid(() -> create("m", "stdio", config), "'config");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"url\": \"ftp://x.io/mcp\"}",
                "{\"url\": \"/relative/mcp\"}",
                "{\"url\": 7}",
                "{\"url\": \"not a url\"}",
                "{\"url\": \"https://x.io\", \"headers\": {\"A\": 1}}",
                "{\"url\": \"https://x.io\", \"headers\": \"A: 1\"}",
                "{\"url\": \"https://x.io\", \"command\": \"npx\"}"
            })
    void httpAndSseConfigNeedAnAbsoluteHttpUrlAndStringHeaders(String config) {
        Fails.invalid(() -> create("m", "http", config), "'config");
        Fails.invalid(() -> create("m", "sse", config), "'config");
    }

    @Test
    void unknownConfigKeysAreNamed() {
        Fails.invalid(() -> create("m", "stdio", "{\"command\": \"npx\", \"cwd\": \"/\"}"), "'config.cwd'");
        Fails.invalid(() -> create("m", "sse", "{\"url\": \"https://x.io\", \"timeout\": 5}"), "'config.timeout'");
    }

    @Test
    void missingArgsEnvAndHeadersDefaultToEmpty() throws Exception {
        EnvironmentMcp stdio = create("s", "stdio", "{\"command\": \"node\"}");
        assertThat(stdio.config()).isEqualTo(new McpConfig.Stdio("node", List.of(), java.util.Map.of()));
        EnvironmentMcp sse = create("e", "sse", "{\"url\": \"http://localhost:8080/sse\"}");
        assertThat(sse.transport()).isEqualTo(McpTransport.SSE);
        assertThat(mcps.list(t.caller, env.id()))
                .extracting(EnvironmentMcp::config)
                .containsExactly(stdio.config(), new McpConfig.Http("http://localhost:8080/sse", java.util.Map.of()));
    }

    @Test
    void changingTheTransportNeedsAConfigOfTheNewShape() throws Exception {
        EnvironmentMcp m = create("m", "stdio", STDIO);
        Fails.invalid(() -> mcps.update(t.caller, env.id(), m.id(), null, "http", null), "'transport'", "'config'");
        Fails.invalid(() -> mcps.update(t.caller, env.id(), m.id(), null, "http", json(STDIO)), "'config.command'");
        EnvironmentMcp moved = mcps.update(t.caller, env.id(), m.id(), null, "http", json(HTTP));
        assertThat(moved.transport()).isEqualTo(McpTransport.HTTP);
        assertThat(moved.config()).isInstanceOf(McpConfig.Http.class);
    }

    @Test
    void aConfigOnlyUpdateMustMatchTheExistingTransport() throws Exception {
        EnvironmentMcp m = create("m", "stdio", STDIO);
        Fails.invalid(() -> mcps.update(t.caller, env.id(), m.id(), null, null, json(HTTP)), "'config.url'", "stdio");
        EnvironmentMcp changed = mcps.update(t.caller, env.id(), m.id(), null, null, json("{\"command\": \"uvx\"}"));
        assertThat(((McpConfig.Stdio) changed.config()).command()).isEqualTo("uvx");
        assertThat(changed.transport()).isEqualTo(McpTransport.STDIO);
    }

    @Test
    void duplicateNamesAreConflictsAndUnknownIdsNotFound() throws Exception {
        EnvironmentMcp a = create("github", "stdio", STDIO);
        EnvironmentMcp b = create("linear", "http", HTTP);
        Fails.conflict(() -> create("github", "http", HTTP), "github", a.id());
        Fails.conflict(() -> mcps.update(t.caller, env.id(), b.id(), "github", null, null), "github");
        Fails.invalid(() -> mcps.update(t.caller, env.id(), b.id(), "relay-x", null, null), "reserved");
        String unknown = "00000000-0000-4000-8000-0000000000bb";
        Fails.notFound(() -> mcps.update(t.caller, env.id(), unknown, "n", null, null), unknown, "mcp_id");
        Fails.notFound(() -> mcps.delete(t.caller, "global", a.id()), a.id());
        mcps.delete(t.caller, env.id(), a.id());
        assertThat(mcps.list(t.caller, env.id()))
                .extracting(EnvironmentMcp::name)
                .containsExactly("linear");
    }

    @Test
    void theSameSlugOrSourceTwiceIsAConflict() {
        EnvironmentSkill tdd = skills.enable(t.caller, env.id(), "tdd", null, null);
        assertThat(tdd.name()).isEqualTo("Test-driven development");
        assertThat(tdd.source()).isEqualTo("replicas-mcp/builtin/tdd");
        Fails.conflict(() -> skills.enable(t.caller, env.id(), "tdd", "Again", "elsewhere/tdd"), "tdd", tdd.id());
        Fails.conflict(
                () -> skills.enable(t.caller, env.id(), "my-tdd", "Mine", "replicas-mcp/builtin/tdd"),
                "replicas-mcp/builtin/tdd");
        skills.enable(t.caller, "global", "tdd", null, null); // another environment may hold it too
        assertThat(skills.list(t.caller, env.id())).hasSize(1);
    }

    @Test
    void aSlugOutsideTheCatalogNeedsNameAndSource() {
        Fails.invalid(
                () -> skills.enable(t.caller, env.id(), "not-in-catalog", null, null), "not-in-catalog", "'name'");
        Fails.invalid(() -> skills.enable(t.caller, env.id(), "not-in-catalog", "Mine", null), "'source'");
        Fails.invalid(() -> skills.enable(t.caller, env.id(), "not-in-catalog", null, "me/skill"), "'name'");
        Fails.invalid(() -> skills.enable(t.caller, env.id(), "Bad Slug", "n", "s"), "'slug'");
        EnvironmentSkill mine = skills.enable(t.caller, env.id(), "not-in-catalog", "Mine", "me/skill");
        assertThat(mine.slug()).isEqualTo("not-in-catalog");
        Fails.notFound(() -> skills.disable(t.caller, "global", mine.id()), mine.id());
        skills.disable(t.caller, env.id(), mine.id());
        Fails.notFound(() -> skills.disable(t.caller, env.id(), mine.id()), mine.id(), "skill_id");
    }

    @Test
    void anEmptyQueryListsTheMostInstalledFirst() {
        List<CatalogSkill> all = skills.search("");
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).extracting(CatalogSkill::installs).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(all.get(0).slug()).isEqualTo("tdd");
        assertThat(skills.search(null)).isEqualTo(all);
        assertThat(skills.search("  ")).isEqualTo(all);
        assertThat(skills.search("REVIEW")).extracting(CatalogSkill::slug).containsExactly("code-review");
        assertThat(skills.search("no skill has these words")).isEmpty();
    }

    @Test
    void aFolderWithSkillMdInTheDataFolderShowsUpInSearch() throws Exception {
        assertThat(skills.search("lint-fixer")).isEmpty();
        Path folder = Files.createDirectories(dir.resolve("data/skills/lint-fixer"));
        Files.writeString(
                folder.resolve("SKILL.md"),
                "---\nname: Lint fixer\ndescription: Fixes lint warnings "
                        + "one file at a time\n---\n\n# Lint fixer\n");
        Files.createDirectories(dir.resolve("data/skills/no-skill-md")); // a folder without SKILL.md is ignored

        assertThat(skills.search("lint warnings")).singleElement().satisfies(s -> {
            assertThat(s.slug()).isEqualTo("lint-fixer");
            assertThat(s.name()).isEqualTo("Lint fixer");
            assertThat(s.source()).isEqualTo("local:lint-fixer");
        });
        assertThat(skills.search(""))
                .extracting(CatalogSkill::slug)
                .contains("lint-fixer")
                .doesNotContain("no-skill-md");
        EnvironmentSkill enabled = skills.enable(t.caller, env.id(), "lint-fixer", null, null);
        assertThat(enabled.name()).isEqualTo("Lint fixer");
    }
}
