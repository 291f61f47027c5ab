package dev.replicasmcp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Steps several tests share: the repository → environment → replica set-up, and reading history. */
final class Flows {

    private Flows() {}

    /** Ids of what {@link #replica} made. */
    record Setup(String repositoryId, String repositoryName, String environmentId, String replicaId) {}

    /** Registers the git repository, binds an environment to it and creates a replica from it. */
    static Setup replica(ServerProcess server, Path gitRepository, String name, String firstMessage) {
        JsonNode repository = server.ok("add_repository", Map.of("location", gitRepository.toString()))
                .path("repository");
        JsonNode environment = server.ok(
                        "create_environment",
                        Map.of(
                                "name",
                                name + "-env",
                                "repository_id",
                                repository.path("id").asText()))
                .path("environment");
        JsonNode replica = server.ok(
                        "create_replica",
                        Map.of(
                                "name",
                                name,
                                "message",
                                firstMessage,
                                "environment_id",
                                environment.path("id").asText()))
                .path("replica");
        return new Setup(
                repository.path("id").asText(),
                repository.path("name").asText(),
                environment.path("id").asText(),
                replica.path("id").asText());
    }

    /** The whole history of a chat (the default chat when chatId is null), oldest first. */
    static List<JsonNode> history(ServerProcess server, String replicaId, String chatId) {
        Map<String, Object> args = new HashMap<>(Map.of("replica_id", replicaId, "limit", 200));
        if (chatId != null) {
            args.put("chat_id", chatId);
        }
        List<JsonNode> events = new ArrayList<>();
        server.ok("read_replica_history", args).path("events").forEach(events::add);
        return events;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** The texts of the user events (claude-user or codex-user), in history order. */
    static List<String> userTexts(List<JsonNode> events) {
        List<String> texts = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode inner = event.path("payload").path("payload");
            if (event.path("type").asText().equals("claude-user")) {
                texts.add(inner.path("message")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asText());
            } else if (event.path("type").asText().equals("codex-user")) {
                texts.add(inner.path("message").asText());
            }
        }
        return texts;
    }

    /** The inner payloads of the claude-result events, in history order. */
    static List<JsonNode> results(List<JsonNode> events) {
        return events.stream()
                .filter(e -> e.path("type").asText().equals("claude-result"))
                .map(e -> e.path("payload").path("payload"))
                .toList();
    }

    static boolean isSuccess(JsonNode result) {
        return result.path("subtype").asText().equals("success")
                && !result.path("is_error").asBoolean();
    }

    /** The assistant's text of a claude-assistant event. */
    static String assistantText(JsonNode event) {
        return event.path("payload")
                .path("payload")
                .path("message")
                .path("content")
                .path(0)
                .path("text")
                .asText();
    }
}
