package dev.replicasmcp.domain.audit;

import java.util.List;

/** Where audit entries are kept; written inside the caller's transaction when there is one. */
public interface AuditStore {

    void insert(AuditEntry entry);

    int count(String organizationId, AuditQuery query);

    List<AuditEntry> page(String organizationId, AuditQuery query, int offset, int limit);
}
