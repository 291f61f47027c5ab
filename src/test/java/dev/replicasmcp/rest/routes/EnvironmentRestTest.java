package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.HttpFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /v1/environments and everything under it: each endpoint's success and its documented errors. */
class EnvironmentRestTest {

    @TempDir
    static Path dir;

    static HttpFixture http;
    static Repository repository;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        repository = http.core.repository("env-rest");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static String create(String name) {
        return http.post("/v1/environments", Map.of("name", name, "repository_id", repository.id()))
                .expect(201)
                .path("environment")
                .path("id")
                .asText();
    }

    @Test
    void environmentsAreCreatedListedReadUpdatedAndDeleted() {
        String id = create("backend");
        JsonNode list = http.get("/v1/environments").expect(200).path("environments");
        assertThat(list.get(0).path("is_global").asBoolean()).as("Global first").isTrue();
        assertThat(list).extracting(e -> e.path("name").asText()).contains("backend");

        JsonNode one = http.get("/v1/environments/" + id).expect(200).path("environment");
        assertThat(one.path("repository_id").asText()).isEqualTo(repository.id());
        assertThat(http.get("/v1/environments/global")
                        .expect(200)
                        .path("environment")
                        .path("is_global")
                        .asBoolean())
                .isTrue();

        JsonNode updated = http.patch(
                        "/v1/environments/" + id, Map.of("description", "API", "system_prompt", "Be brief"))
                .expect(200)
                .path("environment");
        assertThat(updated.path("description").asText()).isEqualTo("API");
        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        clear.put("repository_id", null);
        JsonNode cleared =
                http.patch("/v1/environments/" + id, clear).expect(200).path("environment");
        assertThat(cleared.path("description").isNull())
                .as("explicit null clears")
                .isTrue();
        assertThat(cleared.path("repository_id").isNull()).isTrue();
        assertThat(cleared.path("system_prompt").asText()).as("left out stays").isEqualTo("Be brief");

        assertThat(http.delete("/v1/environments/" + id)
                        .expect(200)
                        .path("success")
                        .asBoolean())
                .isTrue();
        http.get("/v1/environments/" + id).expect(404);
    }

    @Test
    void environmentErrorsHaveTheirDocumentedStatuses() throws Exception {
        String id = create("errors");
        create("taken");
        assertThat(http.post("/v1/environments", Map.of()).error(400)).contains("'name' is required");
        http.post("/v1/environments", Map.of("name", "taken")).expect(409);
        http.post(
                        "/v1/environments",
                        Map.of("name", "both", "repository_id", repository.id(), "repository_set_id", repository.id()))
                .expect(400);
        assertThat(http.post("/v1/environments", "{\"name\": ").error(400)).contains("not valid JSON");
        assertThat(http.post("/v1/environments", Map.of("name", 5)).error(400)).contains("'name'", "string");

        http.get("/v1/environments/not-a-uuid").expect(400);
        http.get("/v1/environments/" + UUID.randomUUID()).expect(404);

        http.patch("/v1/environments/global", Map.of("name", "mine")).expect(400);
        http.patch("/v1/environments/" + id, Map.of("name", "taken")).expect(409);
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertThat(http.patch("/v1/environments/" + id, nullName).error(400)).contains("'name' cannot be null");
        http.patch("/v1/environments/" + UUID.randomUUID(), Map.of("name", "x")).expect(404);
        http.patch("/v1/environments/bad-id", Map.of("name", "x")).expect(400);

        http.delete("/v1/environments/global").expect(409);
        http.delete("/v1/environments/" + UUID.randomUUID()).expect(404);
        http.delete("/v1/environments/bad-id").expect(400);
        http.core
                .services
                .replicas()
                .create(http.core.caller, dev.replicasmcp.support.TestCore.create("user-of-env", "hi", id));
        assertThat(http.delete("/v1/environments/" + id).error(409)).contains("user-of-env");
    }

    @Test
    void variablesCrud() {
        String env = create("vars");
        String base = "/v1/environments/" + env + "/variables";
        assertThat(http.get(base).expect(200).path("environment_variables")).isEmpty();
        JsonNode made = http.post(base, Map.of("key", "DATABASE_URL", "value", "postgres://x"))
                .expect(201)
                .path("environment_variable");
        assertThat(made.path("value").asText()).isEqualTo("postgres://x");
        http.post(base, Map.of("key", "DATABASE_URL", "value", "again")).expect(409);
        assertThat(http.post(base, Map.of("key", "ONLY_KEY")).error(400)).contains("'value' is required");
        String varId = made.path("id").asText();
        assertThat(http.patch(base + "/" + varId, Map.of("value", "new"))
                        .expect(200)
                        .path("environment_variable")
                        .path("value")
                        .asText())
                .isEqualTo("new");
        http.patch(base + "/" + UUID.randomUUID(), Map.of("value", "x")).expect(404);
        http.delete(base + "/" + varId).expect(200);
        http.delete(base + "/" + varId).expect(404);

        http.post("/v1/environments/global/variables", Map.of("key", "GLOBAL_ONE", "value", "1"))
                .expect(201);
        assertThat(http.get("/v1/environments/global/variables").expect(200).path("environment_variables"))
                .extracting(v -> v.path("key").asText())
                .contains("GLOBAL_ONE");
        http.get("/v1/environments/" + UUID.randomUUID() + "/variables").expect(404);
        http.get("/v1/environments/bad-id/variables").expect(400);
    }

    @Test
    void filesCrud() {
        String base = "/v1/environments/" + create("files") + "/files";
        JsonNode made = http.post(base, Map.of("name", "npm", "path", "~/.npmrc", "content", "registry=x"))
                .expect(201)
                .path("environment_file");
        assertThat(http.post(base, Map.of("name", "bad", "path", "/etc/passwd", "content", "x"))
                        .error(400))
                .contains("'path'");
        assertThat(http.post(base, Map.of("name", "big", "path", "~/big", "content", "x".repeat(70_000)))
                        .error(400))
                .contains("'content'");
        assertThat(http.get(base).expect(200).path("environment_files")).hasSize(1);
        String fileId = made.path("id").asText();
        assertThat(http.patch(base + "/" + fileId, Map.of("content", "registry=y"))
                        .expect(200)
                        .path("environment_file")
                        .path("content")
                        .asText())
                .isEqualTo("registry=y");
        http.patch(base + "/" + UUID.randomUUID(), Map.of("content", "x")).expect(404);
        http.delete(base + "/" + fileId).expect(200);
        http.delete(base + "/" + fileId).expect(404);
    }

    @Test
    void mcpsCrud() {
        String base = "/v1/environments/" + create("mcps") + "/mcps";
        Map<String, Object> stdio = Map.of("command", "npx", "args", List.of("-y", "server"), "env", Map.of());
        JsonNode made = http.post(base, Map.of("name", "files", "transport", "stdio", "config", stdio))
                .expect(201)
                .path("environment_mcp");
        http.post(base, Map.of("name", "files", "transport", "stdio", "config", stdio))
                .expect(409);
        http.post(base, Map.of("name", "replicas-x", "transport", "stdio", "config", stdio))
                .expect(400);
        http.post(base, Map.of("name", "web", "transport", "carrier-pigeon", "config", stdio))
                .expect(400);
        String mcpId = made.path("id").asText();
        http.patch(base + "/" + mcpId, Map.of("transport", "http")).expect(400);
        assertThat(http.patch(base + "/" + mcpId, Map.of("name", "files2"))
                        .expect(200)
                        .path("environment_mcp")
                        .path("name")
                        .asText())
                .isEqualTo("files2");
        assertThat(http.get(base).expect(200).path("environment_mcps")).hasSize(1);
        http.patch(base + "/" + UUID.randomUUID(), Map.of("name", "x")).expect(404);
        http.delete(base + "/" + mcpId).expect(200);
        http.delete(base + "/" + mcpId).expect(404);
    }

    @Test
    void skillsAreSearchedEnabledListedAndDisabled() {
        JsonNode found =
                http.get("/v1/environment-skills/search?q=test").expect(200).path("skills");
        assertThat(found).isNotEmpty();
        assertThat(http.get("/v1/environment-skills/search").expect(200).path("skills"))
                .isNotEmpty();
        JsonNode skill = found.get(0);
        String base = "/v1/environments/" + create("skills") + "/skills";
        Map<String, Object> body = Map.of(
                "name",
                skill.path("name").asText(),
                "slug",
                skill.path("slug").asText(),
                "source",
                skill.path("source").asText());
        JsonNode enabled = http.post(base, body).expect(201).path("environment_skill");
        http.post(base, body).expect(409);
        assertThat(http.post(base, Map.of("name", "x")).error(400)).contains("'slug' is required");
        assertThat(http.get(base).expect(200).path("environment_skills")).hasSize(1);
        http.delete(base + "/" + enabled.path("id").asText()).expect(200);
        http.delete(base + "/" + UUID.randomUUID()).expect(404);
    }

    @Test
    void warmHooksStartHooksAndTheWarmPool() {
        String base = "/v1/environments/" + create("hooks");
        JsonNode empty = http.get(base + "/warm-hooks").expect(200);
        assertThat(empty.path("warm_hook").isNull()).isTrue();
        assertThat(empty.path("warm_pool").isNull()).isTrue();

        JsonNode test = http.post(base + "/warm-hooks/test", Map.of("content", "echo warm"))
                .expect(200)
                .path("test");
        assertThat(test.path("exit_code").asInt()).isZero();
        assertThat(test.path("output").asText()).contains("warm");
        assertThat(http.post(base + "/warm-hooks/test", Map.of()).error(400)).contains("'content' is required");
        JsonNode savedAndTested = http.post(base + "/warm-hooks/save-test", Map.of("content", "exit 3"))
                .expect(201);
        assertThat(savedAndTested.path("test").path("exit_code").asInt()).isEqualTo(3);
        assertThat(savedAndTested.path("warm_hook").path("version").asInt()).isEqualTo(1);
        http.post(base + "/warm-hooks/save", Map.of("content", "echo ok")).expect(201);
        assertThat(http.get(base + "/warm-hooks")
                        .expect(200)
                        .path("warm_hook")
                        .path("version")
                        .asInt())
                .isEqualTo(2);

        assertThat(http.get(base + "/start-hooks")
                        .expect(200)
                        .path("start_hook")
                        .isNull())
                .isTrue();
        assertThat(http.post(base + "/start-hooks/save", Map.of("content", "echo start"))
                        .expect(201)
                        .path("start_hook")
                        .path("content")
                        .asText())
                .isEqualTo("echo start");
        assertThat(http.post(base + "/start-hooks/test", Map.of("content", "echo boot; exit 1"))
                        .expect(200)
                        .path("test")
                        .path("exit_code")
                        .asInt())
                .isEqualTo(1);
        assertThat(http.post(base + "/start-hooks/save", Map.of("content", ""))
                        .expect(201)
                        .path("start_hook")
                        .isNull())
                .as("empty content clears")
                .isTrue();
        assertThat(http.get(base + "/start-hooks")
                        .expect(200)
                        .path("start_hook")
                        .isNull())
                .isTrue();

        assertThat(http.put(base + "/warm-pools", Map.of("enabled", "yes")).error(400))
                .contains("'enabled'");
        http.put(base + "/warm-pools", Map.of()).expect(400);
        JsonNode pool = http.put(base + "/warm-pools", Map.of("enabled", true))
                .expect(200)
                .path("warm_pool");
        assertThat(pool.path("enabled").asBoolean()).isTrue();
        JsonNode workspaces = http.get("/v1/warm-pools/" + pool.path("id").asText() + "/workspaces")
                .expect(200)
                .path("workspaces");
        assertThat(workspaces.size()).isLessThanOrEqualTo(10);
        http.put(base + "/warm-pools", Map.of("enabled", false)).expect(200);
        http.get("/v1/warm-pools/" + UUID.randomUUID() + "/workspaces").expect(404);
        http.get("/v1/environments/bad-id/warm-hooks").expect(400);
    }
}
