package dev.replicasmcp.domain.audit;

/** Filters of an audit-log read (each null means any) and the page wanted. */
public record AuditQuery(
        String action, String resourceType, String actor, String from, String to, int page, int limit) {}
