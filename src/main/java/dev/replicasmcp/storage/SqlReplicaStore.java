package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.REPLICAS;
import static dev.replicasmcp.storage.jooq.Tables.REPLICA_REPOSITORIES;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaFilter;
import dev.replicasmcp.domain.replica.ReplicaRepository;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.ReplicaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Replicas, their repositories and pull requests in SQLite; deletion is a timestamp. */
public final class SqlReplicaStore implements ReplicaStore {

    private final Database db;

    public SqlReplicaStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Replica r) {
        db.run(dsl -> {
            dsl.insertInto(REPLICAS)
                    .set(REPLICAS.ID, r.id())
                    .set(REPLICAS.ORGANIZATION_ID, r.organizationId())
                    .set(REPLICAS.NAME, r.name())
                    .set(REPLICAS.STATUS, r.status().wire())
                    .set(REPLICAS.SOURCE, r.source().wire())
                    .set(REPLICAS.USER_ID, r.userId())
                    .set(REPLICAS.ENVIRONMENT_ID, r.environmentId())
                    .set(
                            REPLICAS.CODING_AGENT,
                            r.codingAgent() == null ? null : r.codingAgent().wire())
                    .set(REPLICAS.MODEL, r.model())
                    .set(
                            REPLICAS.THINKING_LEVEL,
                            r.thinkingLevel() == null ? null : r.thinkingLevel().wire())
                    .set(REPLICAS.LIFECYCLE_POLICY, r.lifecyclePolicy().wire())
                    .set(REPLICAS.AUTO_STOP_MINUTES, r.autoStopMinutes())
                    .set(REPLICAS.CREATED_AT, r.createdAt())
                    .set(REPLICAS.LAST_ACTIVITY_AT, r.lastActivityAt())
                    .execute();
            int position = 0;
            for (ReplicaRepository repo : r.repositories()) {
                dsl.insertInto(REPLICA_REPOSITORIES)
                        .set(REPLICA_REPOSITORIES.REPLICA_ID, r.id())
                        .set(REPLICA_REPOSITORIES.REPOSITORY_ID, repo.repositoryId())
                        .set(REPLICA_REPOSITORIES.NAME, repo.name())
                        .set(REPLICA_REPOSITORIES.URL, repo.url())
                        .set(REPLICA_REPOSITORIES.DEFAULT_BRANCH, repo.defaultBranch())
                        .set(REPLICA_REPOSITORIES.BRANCH, repo.branch())
                        .set(REPLICA_REPOSITORIES.START_HOOKS_COMPLETED, repo.startHooksCompleted() ? 1 : 0)
                        .set(REPLICA_REPOSITORIES.POSITION, position++)
                        .execute();
            }
        });
    }

    @Override
    public Optional<Replica> find(String organizationId, String id) {
        return ReplicaRows.one(db, organizationId, id);
    }

    @Override
    public Optional<Replica> findWithoutLinks(String organizationId, String id) {
        return ReplicaRows.own(db, organizationId, id);
    }

    @Override
    public Optional<Replica> findById(String id) {
        return ReplicaRows.one(db, null, id);
    }

    @Override
    public List<Replica> page(String organizationId, ReplicaFilter filter, int offset, int limit) {
        SortField<?>[] order = filter.status() == ReplicaStatus.ARCHIVED
                ? new SortField<?>[] {
                    DSL.coalesce(REPLICAS.LAST_ACTIVITY_AT, REPLICAS.CREATED_AT).desc(),
                    REPLICAS.rowid().desc()
                }
                : new SortField<?>[] {
                    REPLICAS.CREATED_AT.desc(), REPLICAS.rowid().desc()
                };
        return db.with(dsl -> ReplicaRows.assemble(
                dsl,
                dsl.selectFrom(REPLICAS)
                        .where(filtered(organizationId, filter))
                        .orderBy(order)
                        .limit(limit)
                        .offset(offset)));
    }

    @Override
    public int count(String organizationId, ReplicaFilter filter) {
        // Every list_replicas counts, a first one included: plain SQL without jOOQ's tables (see Database.count
        // and JooqStart), the same filter as filtered() below; StorageTest holds the names to the schema.
        StringBuilder sql =
                new StringBuilder("SELECT count(*) FROM replicas WHERE organization_id = ? AND deleted_at IS NULL");
        List<Object> args = new ArrayList<>(List.of(organizationId));
        equal(sql, args, "user_id", filter.userId());
        equal(
                sql,
                args,
                "source",
                filter.source() == null ? null : filter.source().wire());
        equal(
                sql,
                args,
                "status",
                filter.status() == null ? null : filter.status().wire());
        return db.count(sql.toString(), args.toArray());
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Condition filtered(String organizationId, ReplicaFilter filter) {
        Condition condition = REPLICAS.ORGANIZATION_ID.eq(organizationId).and(REPLICAS.DELETED_AT.isNull());
        if (filter.userId() != null) {
            condition = condition.and(REPLICAS.USER_ID.eq(filter.userId()));
        }
        if (filter.source() != null) {
            condition = condition.and(REPLICAS.SOURCE.eq(filter.source().wire()));
        }
        if (filter.status() != null) {
            condition = condition.and(REPLICAS.STATUS.eq(filter.status().wire()));
        }
        return condition;
    }

    @Override
    public void updateStatus(String id, ReplicaStatus status, boolean waking, String at) {
        db.run(dsl -> dsl.update(REPLICAS)
                .set(REPLICAS.STATUS, status.wire())
                .set(REPLICAS.WAKING, waking ? 1 : 0)
                .set(REPLICAS.SLEEPING_SINCE, status == ReplicaStatus.SLEEPING ? at : null)
                .set(REPLICAS.ARCHIVED_AT, status == ReplicaStatus.ARCHIVED ? at : null)
                .where(REPLICAS.ID.eq(id))
                .execute());
    }

    @Override
    public void touch(String id, String at) {
        db.update(Sql.TOUCH, at, id);
    }

    /**
     * Plain SQL (see {@link PlainSql}): every message sent makes both. Written at their first use, not when
     * the store is made: jOOQ's tables are not needed to start ({@link JooqStart}).
     */
    private static final class Sql {
        static final String TOUCH = PlainSql.update(REPLICAS, REPLICAS.ID, REPLICAS.LAST_ACTIVITY_AT);
        static final String SET_CODING_AGENT = PlainSql.update(REPLICAS, REPLICAS.ID, REPLICAS.CODING_AGENT);
    }

    @Override
    public void setCodingAgent(String id, CodingAgent agent) {
        db.update(Sql.SET_CODING_AGENT, agent.wire(), id);
    }

    @Override
    public void markDeleted(String id, String at) {
        db.run(dsl -> dsl.update(REPLICAS)
                .set(REPLICAS.DELETED_AT, at)
                .where(REPLICAS.ID.eq(id))
                .execute());
    }

    @Override
    public void markError(String id, String message, String at) {
        db.run(dsl -> dsl.update(REPLICAS)
                .set(REPLICAS.STATUS, ReplicaStatus.ERROR.wire())
                .set(REPLICAS.ERROR_MESSAGE, message)
                .set(REPLICAS.WAKING, 0)
                .set(REPLICAS.LAST_ACTIVITY_AT, at)
                .where(REPLICAS.ID.eq(id))
                .execute());
    }

    @Override
    public void markStartHooksCompleted(String id) {
        db.run(dsl -> dsl.update(REPLICA_REPOSITORIES)
                .set(REPLICA_REPOSITORIES.START_HOOKS_COMPLETED, 1)
                .where(REPLICA_REPOSITORIES.REPLICA_ID.eq(id))
                .execute());
    }

    @Override
    public void markStartHooksCompleted(String id, String repositoryId) {
        db.run(dsl -> dsl.update(REPLICA_REPOSITORIES)
                .set(REPLICA_REPOSITORIES.START_HOOKS_COMPLETED, 1)
                .where(REPLICA_REPOSITORIES.REPLICA_ID.eq(id).and(REPLICA_REPOSITORIES.REPOSITORY_ID.eq(repositoryId)))
                .execute());
    }

    @Override
    public List<Replica> idleActive(String defaultBefore, String shortestBefore) {
        var lastActivity = DSL.coalesce(REPLICAS.LAST_ACTIVITY_AT, REPLICAS.CREATED_AT);
        return db.with(dsl -> ReplicaRows.assemble(
                dsl,
                dsl.selectFrom(REPLICAS)
                        .where(REPLICAS.STATUS
                                .eq(ReplicaStatus.ACTIVE.wire())
                                .and(REPLICAS.WAKING.eq(0))
                                .and(REPLICAS.DELETED_AT.isNull())
                                .and(lastActivity.lt(shortestBefore))
                                .and(REPLICAS.AUTO_STOP_MINUTES.isNotNull().or(lastActivity.lt(defaultBefore))))));
    }

    @Override
    public List<String> sleepingBefore(String sleepingSinceBefore) {
        return db.with(dsl -> dsl.select(REPLICAS.ID)
                .from(REPLICAS)
                .where(REPLICAS.STATUS
                        .eq(ReplicaStatus.SLEEPING.wire())
                        .and(REPLICAS.WAKING.eq(0))
                        .and(REPLICAS.DELETED_AT.isNull())
                        .and(REPLICAS.SLEEPING_SINCE.lt(sleepingSinceBefore)))
                .fetch(REPLICAS.ID));
    }

    @Override
    public List<Replica> inStatus(ReplicaStatus status) {
        return db.with(dsl -> ReplicaRows.assemble(
                dsl,
                dsl.selectFrom(REPLICAS).where(REPLICAS.STATUS.eq(status.wire()).and(REPLICAS.DELETED_AT.isNull()))));
    }
}
