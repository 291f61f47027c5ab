package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.api.IntegrationView;
import dev.replicasmcp.domain.integration.IntegrationService;
import dev.replicasmcp.domain.integration.Provider;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/**
 * The organization's signing secrets for GitHub, Slack and Sentry: with one set, that provider's signed
 * webhooks reach /v1/integrations/{provider}/… and fire the automations with a matching trigger.
 */
public final class IntegrationOperations {

    static final String INTEGRATION = "integration";

    private IntegrationOperations() {}

    public record Connect(
            @JsonProperty(required = true) @AllowedValues(Provider.class)
            String provider,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The secret the provider signs its webhooks with: GitHub's webhook 'Secret', "
                    + "Slack's app 'Signing Secret', Sentry's integration 'Client Secret'. Stored encrypted and "
                    + "never returned")
            String signingSecret) {}

    public record ProviderInput(
            @JsonProperty(required = true) @AllowedValues(Provider.class)
            String provider) {}

    public record ConnectOutput(
            IntegrationView integration,

            @JsonPropertyDescription("false: it replaced the provider's previous secret")
            boolean created,

            @JsonPropertyDescription("The URL to paste into the provider's webhook settings, relative to this "
                    + "server's public address")
            String webhookPath) {}

    public record ListOutput(List<IntegrationView> integrations) {}

    /** The receiver path of each provider, relative to the server's address. */
    public static String webhookPath(Provider provider) {
        return switch (provider) {
            case GITHUB -> "/v1/integrations/github/webhook";
            case SLACK -> "/v1/integrations/slack/events";
            case SENTRY -> "/v1/integrations/sentry/webhook";
        };
    }

    private static IntegrationView listed(OperationContext ctx, String provider) {
        return Listed.find(
                ctx.services().integrations().list(ctx.caller()),
                i -> i.provider().wire(),
                provider,
                IntegrationView::of);
    }

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.mutating(
                                "connect_integration",
                                "Connect GitHub, Slack or Sentry",
                                Toolset.AUTOMATIONS,
                                "Store the signing secret of an event provider (github, slack or sentry) so that its "
                                        + "webhooks are accepted and fire automations with a trigger of that type. "
                                        + "Setting it again replaces the secret. The secret is encrypted and never "
                                        + "shown again; the answer gives the webhook path to paste into the provider.",
                                Connect.class,
                                ConnectOutput.class,
                                (ctx, in) -> {
                                    IntegrationService.Saved saved = ctx.services()
                                            .integrations()
                                            .connect(ctx.caller(), in.provider(), in.signingSecret());
                                    return new ConnectOutput(
                                            IntegrationView.of(saved.integration()),
                                            saved.created(),
                                            webhookPath(saved.integration().provider()));
                                })
                        .audited(Audit.<Connect, ConnectOutput>updated(
                                        INTEGRATION,
                                        (in, out) -> out.integration().provider(),
                                        (ctx, in) -> listed(ctx, in.provider()))
                                .action("integration.connected")
                                .after((in, out) -> out.integration()))
                        .at(Route.put("/v1/integrations/{provider}")),
                Operation.destructive(
                                "disconnect_integration",
                                "Disconnect GitHub, Slack or Sentry",
                                Toolset.AUTOMATIONS,
                                "Delete the provider's signing secret: its webhooks are refused (401) from then on, "
                                        + "and its automations no longer fire. The automations themselves stay.",
                                ProviderInput.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services().integrations().disconnect(ctx.caller(), in.provider());
                                    return Success.OK;
                                })
                        .audited(Audit.<ProviderInput, Success>deleted(
                                        INTEGRATION,
                                        (in, out) -> in.provider(),
                                        (ctx, in) -> listed(ctx, in.provider()))
                                .action("integration.disconnected"))
                        .at(Route.delete("/v1/integrations/{provider}")),
                Operation.readOnly(
                                "list_integrations",
                                "List connected providers",
                                Toolset.AUTOMATIONS,
                                "List the event providers connected to the organization: provider, when it was "
                                        + "connected and a masked hint of its secret (never the secret).",
                                Empty.class,
                                ListOutput.class,
                                (ctx, in) -> new ListOutput(ctx.services().integrations().list(ctx.caller()).stream()
                                        .map(IntegrationView::of)
                                        .toList()))
                        .at(Route.get("/v1/integrations")));
    }
}
