package dev.replicasmcp.domain.integration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.automation.Automation;
import dev.replicasmcp.domain.automation.Trigger;
import dev.replicasmcp.domain.automation.TriggerConfig;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The provider-shaped payloads of src/test/resources/integrations, parsed, and automations to match. */
final class EventsFixtures {

    private EventsFixtures() {}

    static Map<String, Object> payload(String name) {
        try {
            return new ObjectMapper()
                    .readValue(Path.of("src/test/resources/integrations", name).toFile(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TriggerEvent github(String name) {
        return GithubEvents.normalise("pull_request", payload(name)).orElseThrow();
    }

    static TriggerEvent slack(String name) {
        return SlackEvents.normalise(payload(name)).orElseThrow();
    }

    static Automation automation(String id, boolean enabled, TriggerConfig... configs) {
        return new Automation(
                id,
                "org",
                id,
                null,
                java.util.Arrays.stream(configs).map(Trigger::of).toList(),
                "Review it",
                "env",
                enabled,
                null,
                null,
                null,
                null,
                null,
                LifecyclePolicy.DEFAULT,
                null,
                null,
                null,
                null,
                0,
                "2026-11-29T00:00:00.000Z",
                "2026-11-29T00:00:00.000Z");
    }

    static TriggerConfig.GithubConfig gh(String event, List<String> repos, boolean group, List<String> excluded) {
        return new TriggerConfig.GithubConfig(event, repos, group, excluded, false);
    }
}
