package dev.replicasmcp.e2e;

import dev.replicasmcp.e2e.BadInputIT.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bad-input cases of the agents and dynamic toolsets: what BadInputIT runs for each of their tools. */
final class AgentBadInput {

    private AgentBadInput() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        BadInputIT.missing(cases, "set_agent_credential", Map.of("value", "sk-ant-x"), "kind");
        BadInputIT.missing(cases, "set_agent_credential", Map.of("kind", "anthropic_api_key"), "value");
        BadInputIT.add(cases, "set_agent_credential", Map.of("kind", "github_token", "value", "x"), "kind");
        BadInputIT.add(cases, "set_agent_credential", Map.of("kind", 5, "value", "x"), "kind");
        BadInputIT.add(cases, "set_agent_credential", Map.of("kind", "openai_api_key", "value", " "), "value");
        BadInputIT.add(
                cases,
                "set_agent_credential",
                Map.of("kind", "anthropic_api_key", "value", "abc-123"),
                "value",
                "sk-ant-");
        BadInputIT.add(cases, "set_agent_credential", Map.of("kind", "bedrock", "value", "{}"), "access_key_id");
        BadInputIT.missing(cases, "delete_agent_credential", Map.of(), "kind");
        BadInputIT.add(cases, "delete_agent_credential", Map.of("kind", "nope"), "kind");
        BadInputIT.add(cases, "delete_agent_credential", Map.of("kind", "openai_api_key"), "list_agent_credentials");
        // The dynamic toolsets: a name is required, and an unknown one is named with the known ones.
        BadInputIT.missing(cases, "enable_toolset", Map.of(), "name");
        BadInputIT.add(cases, "enable_toolset", Map.of("name", "nope"), "Unknown toolset 'nope'", "hooks");
        BadInputIT.add(cases, "enable_toolset", Map.of("name", 5), "'name'");
        return cases;
    }
}
