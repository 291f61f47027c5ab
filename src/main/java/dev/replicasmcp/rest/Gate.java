package dev.replicasmcp.rest;

import dev.replicasmcp.api.BearerToken;
import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.rest.routes.Http;
import dev.replicasmcp.rest.routes.IntegrationRoutes;
import dev.replicasmcp.rest.routes.WebhookRoutes;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/** Runs before every route: the Host and Origin must name this server, and /v1 needs an API key (but custom webhooks and signed provider events). */
final class Gate {

    private final HostPolicy hosts;
    private final ApiKeyService keys;
    private final SiteUrls urls;

    Gate(HostPolicy hosts, ApiKeyService keys, SiteUrls urls) {
        this.hosts = hosts;
        this.keys = keys;
        this.urls = urls;
    }

    void checkOrigin(Context ctx) {
        if (!hosts.hostAllowed(ctx.header("Host"))) {
            throw new ForbiddenResponse("Host '" + ctx.header("Host") + "' is not served here. Use localhost, or "
                    + "start the server with --allowed-host for this name.");
        }
        // A page of this server itself (the consent page, reached through a tunnel) posts with its own origin.
        String origin = ctx.header("Origin");
        if (!hosts.originAllowed(origin) && !urls.base(ctx.req()).equalsIgnoreCase(origin)) {
            throw new ForbiddenResponse("Origin '" + ctx.header("Origin") + "' is not allowed. Start the server "
                    + "with --allowed-origin to allow it.");
        }
    }

    void authenticate(Context ctx) {
        if (IntegrationRoutes.isReceiver(ctx.path())) {
            return; // a provider's webhook: its signature, checked by the receiver, is the authentication
        }
        if ("POST".equals(ctx.method().name()) && WebhookRoutes.isWebhook(ctx.path())) {
            // A custom webhook URL carries its own secret (spec §7.5): the one /v1 path without a key.
            return;
        }
        Optional<String> presented = BearerToken.from(ctx.header("Authorization"));
        if (presented.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Missing API key. Send 'Authorization: Bearer sk_replicas_...'; "
                    + "`scripts/run keys create --name NAME` makes one.");
        }
        Caller caller = keys.authenticate(presented.get()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new UnauthorizedResponse(
                    "Invalid or revoked API key. `scripts/run keys list` shows the active " + "keys.");
        });
        ctx.attribute(Http.CALLER, caller);
        ctx.attribute(Http.KEY, ApiKeyService.fingerprint(presented.get()));
    }
}
