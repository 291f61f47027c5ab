package dev.replicasmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.audit.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One audit entry on the wire: before and after are the stored (redacted) JSON, as objects. */
public record AuditView(
        String id,
        String at,
        ActorView actor,
        String action,
        String resourceType,
        @Nullable String resourceId,
        @Nullable JsonNode before,
        @Nullable JsonNode after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who made the change: type api_key (with the key's id and name), stdio or system. */
    public record ActorView(
            @AllowedValues(Actor.Kind.class) String type,
            @Nullable String id,
            @Nullable String name) {}

    public static AuditView of(AuditEntry e) {
        return new AuditView(
                e.id(),
                e.at(),
                new ActorView(e.actorType(), e.actorId(), e.actorName()),
                e.action(),
                e.resourceType(),
                e.resourceId(),
                tree(e.before()),
                tree(e.after()));
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("An audit entry holds JSON that does not parse", e);
        }
    }
}
