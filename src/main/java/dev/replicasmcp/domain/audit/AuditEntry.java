package dev.replicasmcp.domain.audit;

/**
 * One change as the audit log keeps it. before and after are JSON texts with every secret already
 * replaced by [redacted] (null where there is no state: before a creation, after a deletion).
 */
public record AuditEntry(
        String id,
        String organizationId,
        String at,
        String actorType,
        String actorId,
        String actorName,
        String action,
        String resourceType,
        String resourceId,
        String before,
        String after) {}
