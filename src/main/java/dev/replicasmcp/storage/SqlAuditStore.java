package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.AUDIT_LOG;

import dev.replicasmcp.domain.audit.AuditEntry;
import dev.replicasmcp.domain.audit.AuditQuery;
import dev.replicasmcp.domain.audit.AuditStore;
import dev.replicasmcp.storage.jooq.tables.records.AuditLogRecord;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The audit log in SQLite, newest first (rowid breaks ties within a millisecond). */
public final class SqlAuditStore implements AuditStore {

    private final Database db;

    public SqlAuditStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(AuditEntry e) {
        db.run(dsl -> {
            AuditLogRecord row = dsl.newRecord(AUDIT_LOG);
            row.setId(e.id());
            row.setOrganizationId(e.organizationId());
            row.setAt(e.at());
            row.setActorType(e.actorType());
            row.setActorId(e.actorId());
            row.setActorName(e.actorName());
            row.setAction(e.action());
            row.setResourceType(e.resourceType());
            row.setResourceId(e.resourceId());
            row.setBeforeJson(e.before());
            row.setAfterJson(e.after());
            row.store();
        });
    }

    @Override
    public int count(String organizationId, AuditQuery query) {
        return db.with(dsl -> dsl.fetchCount(AUDIT_LOG, where(organizationId, query)));
    }

    @Override
    public List<AuditEntry> page(String organizationId, AuditQuery query, int offset, int limit) {
        return db.with(dsl -> dsl.selectFrom(AUDIT_LOG)
                .where(where(organizationId, query))
                .orderBy(AUDIT_LOG.AT.desc(), DSL.field("rowid").desc())
                .limit(limit)
                .offset(offset)
                .fetch(SqlAuditStore::toEntry));
    }

    private static Condition where(String organizationId, AuditQuery q) {
        Condition where = AUDIT_LOG.ORGANIZATION_ID.eq(organizationId);
        if (q.action() != null) {
            where = where.and(AUDIT_LOG.ACTION.eq(q.action()));
        }
        if (q.resourceType() != null) {
            where = where.and(AUDIT_LOG.RESOURCE_TYPE.eq(q.resourceType()));
        }
        if (q.actor() != null) {
            where = where.and(AUDIT_LOG
                    .ACTOR_TYPE
                    .eq(q.actor())
                    .or(AUDIT_LOG.ACTOR_ID.eq(q.actor()))
                    .or(AUDIT_LOG.ACTOR_NAME.eq(q.actor())));
        }
        if (q.from() != null) {
            where = where.and(AUDIT_LOG.AT.ge(q.from()));
        }
        if (q.to() != null) {
            where = where.and(AUDIT_LOG.AT.lt(q.to()));
        }
        return where;
    }

    private static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(
                r.getId(),
                r.getOrganizationId(),
                r.getAt(),
                r.getActorType(),
                r.getActorId(),
                r.getActorName(),
                r.getAction(),
                r.getResourceType(),
                r.getResourceId(),
                r.getBeforeJson(),
                r.getAfterJson());
    }
}
