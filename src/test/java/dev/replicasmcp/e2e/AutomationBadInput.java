package dev.replicasmcp.e2e;

import dev.replicasmcp.e2e.BadInputIT.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bad-input cases of the automations toolset: what BadInputIT runs for each of its tools. */
final class AutomationBadInput {

    private AutomationBadInput() {}

    private static Map<String, Object> cron(String schedule) {
        return Map.of("type", "cron", "config", Map.of("schedule", schedule));
    }

    /** A create body that is right but for the fields given. */
    private static Map<String, Object> create(String envId, Map<String, Object> changes) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "name",
                "nightly",
                "prompt",
                "Update deps",
                "environment_id",
                envId,
                "triggers",
                List.of(cron("0 2 * * *"))));
        body.putAll(changes);
        return body;
    }

    static List<Case> cases(String envId) {
        String unknown = BadInputIT.UNKNOWN;
        List<Case> cases = new ArrayList<>();
        for (String field : List.of("name", "prompt", "environment_id", "triggers")) {
            Map<String, Object> body = create(envId, Map.of());
            body.remove(field);
            BadInputIT.missing(cases, "create_automation", body, field);
        }
        BadInputIT.add(cases, "create_automation", create(envId, Map.of("triggers", List.of())), "triggers");
        BadInputIT.add(cases, "create_automation", create(envId, Map.of("environment_id", unknown)), unknown);
        BadInputIT.add(
                cases, "create_automation", create(envId, Map.of("triggers", List.of(cron("*/5 * * * *")))), "60");
        BadInputIT.add(
                cases, "create_automation", create(envId, Map.of("triggers", List.of(cron("not cron")))), "schedule");
        BadInputIT.add(
                cases,
                "create_automation",
                create(envId, Map.of("triggers", List.of(cron("0 2 * * *"), cron("0 3 * * *")))),
                "cron");
        BadInputIT.add(
                cases,
                "create_automation",
                create(
                        envId,
                        Map.of(
                                "triggers",
                                List.of(Map.of("type", "gitlab", "config", Map.of("event", "merge_request.opened"))))),
                "gitlab");
        BadInputIT.add(
                cases,
                "create_automation",
                create(
                        envId,
                        Map.of(
                                "triggers",
                                List.of(Map.of("type", "github", "config", Map.of("event", "pull_request.edited"))))),
                "pull_request.edited");
        BadInputIT.add(
                cases,
                "create_automation",
                create(envId, Map.of("workspace_auto_stop_minutes", 1)),
                "workspace_auto_stop_minutes");
        BadInputIT.add(cases, "create_automation", create(envId, Map.of("model", "opus")), "agent_provider");
        for (String tool : List.of("get_automation", "update_automation", "delete_automation", "trigger_automation")) {
            if (!tool.equals("trigger_automation")) {
                BadInputIT.missing(cases, tool, Map.of(), "automation_id");
                BadInputIT.add(cases, tool, Map.of("automation_id", unknown), unknown);
            }
        }
        BadInputIT.add(cases, "get_automation", Map.of("automation_id", 5), "automation_id");
        BadInputIT.add(cases, "list_automations", Map.of("limit", 0), "limit");
        BadInputIT.add(cases, "list_automations", Map.of("page", 0), "page");
        BadInputIT.missing(cases, "list_automation_executions", Map.of(), "automation_id");
        BadInputIT.add(cases, "list_automation_executions", Map.of("automation_id", unknown), unknown);
        // Integrations: which provider, and its secret.
        BadInputIT.missing(cases, "connect_integration", Map.of("signing_secret", "s"), "provider");
        BadInputIT.missing(cases, "connect_integration", Map.of("provider", "github"), "signing_secret");
        BadInputIT.add(cases, "connect_integration", Map.of("provider", "gitlab", "signing_secret", "s"), "provider");
        BadInputIT.missing(cases, "disconnect_integration", Map.of(), "provider");
        BadInputIT.add(cases, "disconnect_integration", Map.of("provider", "nope"), "provider");
        return cases;
    }
}
