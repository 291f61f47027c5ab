package dev.replicasmcp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.domain.oauth.Grant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of OAuth grants (oauth_client.granted, oauth_client.revoked), like the keys'
 * api_key.created and api_key.revoked: a grant appears by id, client, approver, resource and dates;
 * its code and tokens (hashes) are never written.
 */
public final class GrantAudit {

    private static final ObjectMapper JSON = WireJson.mapper();

    private GrantAudit() {}

    public static void record(AuditLog audit, Caller by, String action, Grant before, Grant after, String clientName) {
        Grant grant = after != null ? after : before;
        audit.record(
                new Caller(grant.organizationId(), by.userId(), by.actor()),
                action,
                "oauth_client",
                grant.id(),
                json(before, clientName),
                json(after, clientName));
    }

    private static String json(Grant grant, String clientName) {
        if (grant == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", grant.id());
        shown.put("client_id", grant.clientId());
        shown.put("client_name", clientName);
        shown.put("redirect_uri", grant.redirectUri());
        shown.put("resource", grant.resource());
        shown.put("approved_by", grant.approvedBy());
        shown.put("created_at", grant.createdAt());
        shown.put("revoked_at", grant.revokedAt());
        try {
            return JSON.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an OAuth grant as JSON", e);
        }
    }
}
