package dev.replicasmcp.domain.audit;

import java.util.List;

/** A page of audit entries, newest first. */
public record AuditPage(List<AuditEntry> entries, int total, int page, int limit, int totalPages) {}
