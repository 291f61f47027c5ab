package dev.replicasmcp.rest.routes;

import dev.replicasmcp.domain.integration.Delivery;
import dev.replicasmcp.domain.integration.EventReceiver;
import dev.replicasmcp.domain.integration.Provider;
import dev.replicasmcp.domain.integration.Reception;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The providers' webhook receivers. They take no API key: the provider's signature over the body is the
 * authentication, checked by {@link EventReceiver} before anything is stored. Each path also accepts a
 * trailing /{org_id}; with one organization per server it must be that organization's id.
 */
public final class IntegrationRoutes {

    private static final Map<Provider, String> PATHS = Map.of(
            Provider.GITHUB, "/v1/integrations/github/webhook",
            Provider.SLACK, "/v1/integrations/slack/events",
            Provider.SENTRY, "/v1/integrations/sentry/webhook");

    /** The receivers' paths, with or without the organization: the only /v1 paths without an API key. */
    private static final Pattern RECEIVER =
            Pattern.compile("^/v1/integrations/(github/webhook|slack/events|sentry/webhook)(/[^/]+)?/?$");

    private IntegrationRoutes() {}

    public static boolean isReceiver(String path) {
        return RECEIVER.matcher(path).matches();
    }

    public static void register(RoutesConfig routes, EventReceiver receiver) {
        PATHS.forEach((provider, path) -> {
            routes.post(path, ctx -> receive(ctx, receiver, provider, null));
            routes.post(path + "/{org_id}", ctx -> receive(ctx, receiver, provider, ctx.pathParam("org_id")));
        });
    }

    private static void receive(Context ctx, EventReceiver receiver, Provider provider, String organizationId)
            throws IOException {
        // Providers' payloads are far smaller; a larger body is refused before it is read whole.
        byte[] body = Http.webhookBody(ctx, "The body is larger than 256 KB; webhook payloads must be smaller.");
        Map<String, String> headers = new LinkedHashMap<>(ctx.headerMap());
        Reception reception = receiver.receive(provider, new Delivery(organizationId, headers, body));
        Http.json(ctx, status(reception.outcome()), reception.body());
    }

    private static int status(Reception.Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> 202;
            case IGNORED, CHALLENGE -> 200;
            case UNAUTHORIZED -> 401;
            case UNKNOWN_ORGANIZATION -> 404;
            case INVALID -> 400;
            case UNAVAILABLE -> 503;
        };
    }
}
