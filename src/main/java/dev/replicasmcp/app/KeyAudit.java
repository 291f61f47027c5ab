package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.account.ApiKey;
import dev.replicasmcp.domain.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of the keys command (api_key.created, api_key.revoked). The command is run by whoever
 * owns the data folder, so its actor is the server itself (system, named 'keys command'; the key made at
 * first start is 'first start'). A key appears
 * by id, name, prefix and dates: its hash is never written.
 */
final class KeyAudit {

    private static final ObjectMapper JSON = WireJson.mapper();
    static final Actor COMMAND = new Actor(Actor.Kind.SYSTEM, null, "keys command");
    static final Actor FIRST_START = new Actor(Actor.Kind.SYSTEM, null, "first start");

    private KeyAudit() {}

    static void record(AuditLog audit, Actor actor, String organizationId, String action, ApiKey before, ApiKey after) {
        audit.record(
                new Caller(organizationId, null, actor),
                action,
                "api_key",
                after != null ? after.id() : before.id(),
                json(before),
                json(after));
    }

    private static String json(ApiKey key) {
        if (key == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", key.id());
        shown.put("name", key.name());
        shown.put("key_prefix", key.keyPrefix());
        shown.put("created_at", key.createdAt());
        shown.put("revoked_at", key.revokedAt());
        try {
            return JSON.writeValueAsString(shown);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an API key as JSON", e);
        }
    }
}
