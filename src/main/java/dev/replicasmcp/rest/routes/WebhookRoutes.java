package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.automation.Execution;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * POST /v1/automations/webhook/{token} (spec §4.4, §7.5): no API key, the token in the path is the secret.
 * The body (at most 256 KB, read no further) becomes the trigger payload: a JSON object as is, anything
 * else as {"raw": text}, nothing as {}. Answers 202 once the execution is recorded; the run goes on.
 */
public final class WebhookRoutes {

    public static final String PATH = "/v1/automations/webhook/{token}";
    private static final String PREFIX = "/v1/automations/webhook/";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    record Accepted(boolean accepted, String executionId) {}

    private WebhookRoutes() {}

    /** Whether the path is a webhook URL: the one /v1 path served without an API key. */
    public static boolean isWebhook(String path) {
        return path.startsWith(PREFIX) && path.length() > PREFIX.length() && path.indexOf('/', PREFIX.length()) < 0;
    }

    public static void register(RoutesConfig routes, Services services) {
        routes.post(PATH, ctx -> {
            byte[] body = Http.webhookBody(
                    ctx,
                    "The webhook body is larger than " + Http.MAX_WEBHOOK_BYTES
                            + " bytes (256 KB); send a smaller payload.");
            Execution execution = services.runs().webhook(ctx.pathParam("token"), payload(ctx, body));
            Http.json(ctx, 202, new Accepted(true, execution.id()));
        });
    }

    static Map<String, Object> payload(Context ctx, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Map.of();
        }
        String type = ctx.contentType();
        if (type == null || type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            try {
                JsonNode tree = Http.JSON.readTree(text);
                if (tree != null && tree.isObject()) {
                    return Http.JSON.convertValue(tree, OBJECT);
                }
            } catch (JsonProcessingException e) {
                // Not JSON: embedded as raw text below.
            }
        }
        return Map.of("raw", text);
    }
}
