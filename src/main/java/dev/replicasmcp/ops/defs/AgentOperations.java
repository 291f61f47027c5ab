package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.AgentViews;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.agent.CredentialKind;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** The coding agents: which runner answers each, and the organization's credentials for them. */
public final class AgentOperations {

    static final Toolset TOOLSET = Toolset.AGENTS;

    private AgentOperations() {}

    public record SetCredential(
            @JsonProperty(required = true)
            @AllowedValues(CredentialKind.class)
            @JsonPropertyDescription("anthropic_api_key, claude_oauth (a `claude setup-token` token) or bedrock for "
                    + "Claude Code; openai_api_key or openai_oauth (the content of ~/.codex/auth.json) for Codex")
            String kind,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The secret, stored encrypted and never returned; "
                    + "for bedrock a JSON object {access_key_id, secret_access_key, region, session_token?}")
            String value) {}

    public record KindInput(
            @JsonProperty(required = true) @AllowedValues(CredentialKind.class)
            String kind) {}

    public record SetOutput(
            AgentViews.Credential credential,

            @JsonPropertyDescription("false: it replaced the organization's previous value of this " + "kind")
            boolean created) {}

    public record ListOutput(
            List<AgentViews.Credential> credentials,

            @JsonPropertyDescription("Every agent: whether it can run here, on which runner and how " + "it signs in")
            List<AgentViews.Agent> agents) {}

    static final String CREDENTIAL = "agent_credential";

    /** The organization's credential of a kind as listed (masked hint, never the value), or null. */
    private static AgentViews.Credential credential(OperationContext ctx, String kind) {
        return Listed.find(
                ctx.services().agents().list(ctx.caller()), c -> c.kind().wire(), kind, AgentViews.Credential::of);
    }

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.mutating(
                                "set_agent_credential",
                                "Set an agent credential",
                                TOOLSET,
                                "Store the organization's credential for a coding agent (one per kind; setting a kind "
                                        + "again replaces it). Agents receive it as environment variables "
                                        + "(ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, AWS_*, OPENAI_API_KEY) or, for "
                                        + "openai_oauth, as ~/.codex/auth.json. The value is encrypted and never shown again.",
                                SetCredential.class,
                                SetOutput.class,
                                (ctx, in) -> {
                                    AgentService.Saved saved =
                                            ctx.services().agents().set(ctx.caller(), in.kind(), in.value());
                                    return new SetOutput(AgentViews.Credential.of(saved.credential()), saved.created());
                                })
                        .at(Route.put("/v1/agent-credentials/{kind}"))
                        .audited(Audit.<SetCredential, SetOutput>updated(
                                        CREDENTIAL, (in, out) -> in.kind(), (ctx, in) -> credential(ctx, in.kind()))
                                .action((in, out) -> CREDENTIAL + (out.created() ? ".created" : ".updated"))
                                .after((in, out) -> out.credential())),
                Operation.destructive(
                                "delete_agent_credential",
                                "Delete an agent credential",
                                TOOLSET,
                                "Delete the organization's credential of one kind; later turns run without it.",
                                KindInput.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services().agents().delete(ctx.caller(), in.kind());
                                    return Success.OK;
                                })
                        .at(Route.delete("/v1/agent-credentials/{kind}"))
                        .audited(Audit.<KindInput, Success>deleted(
                                CREDENTIAL, (in, out) -> in.kind(), (ctx, in) -> credential(ctx, in.kind()))),
                Operation.readOnly(
                                "list_agent_credentials",
                                "List agent credentials and runners",
                                TOOLSET,
                                "List the organization's agent credentials (kind, dates and a masked hint, never the "
                                        + "value) and, for every agent, whether it is available, which runner answers it "
                                        + "(a Claude Code or Codex CLI, or the built-in scripted agent) and why.",
                                Empty.class,
                                ListOutput.class,
                                (ctx, in) -> new ListOutput(
                                        ctx.services().agents().list(ctx.caller()).stream()
                                                .map(AgentViews.Credential::of)
                                                .toList(),
                                        ctx
                                                .services()
                                                .agents()
                                                .statuses(ctx.caller().organizationId(), List.of())
                                                .stream()
                                                .map(AgentViews.Agent::of)
                                                .toList()))
                        .at(Route.get("/v1/agent-credentials")));
    }
}
