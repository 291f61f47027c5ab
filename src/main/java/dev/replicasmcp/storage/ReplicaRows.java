package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.PULL_REQUESTS;
import static dev.replicasmcp.storage.jooq.Tables.REPLICAS;
import static dev.replicasmcp.storage.jooq.Tables.REPLICA_REPOSITORIES;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import dev.replicasmcp.domain.replica.PullRequest;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaRepository;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.Source;
import dev.replicasmcp.storage.jooq.tables.records.ReplicasRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Replicas read from their rows, with their repositories and pull requests. */
final class ReplicaRows {

    private static final Field<String> ID = StaticQuery.value("id");
    private static final Field<String> ORGANIZATION = StaticQuery.value("organization_id");

    /** Every tool call on a replica reads it by id first: these are rendered once (see StaticQuery). */
    private static final StaticQuery BY_ID = StaticQuery.of(
            () -> DSL.selectFrom(REPLICAS).where(REPLICAS.ID.eq(ID).and(REPLICAS.DELETED_AT.isNull())));

    private static final StaticQuery BY_ORGANIZATION_AND_ID = StaticQuery.of(() -> DSL.selectFrom(REPLICAS)
            .where(REPLICAS.ORGANIZATION_ID
                    .eq(ORGANIZATION)
                    .and(REPLICAS.ID.eq(ID))
                    .and(REPLICAS.DELETED_AT.isNull())));
    private static final StaticQuery REPOSITORIES_OF = StaticQuery.of(() -> DSL.selectFrom(REPLICA_REPOSITORIES)
            .where(REPLICA_REPOSITORIES.REPLICA_ID.eq(ID))
            .orderBy(REPLICA_REPOSITORIES.POSITION));
    private static final StaticQuery PULL_REQUESTS_OF = StaticQuery.of(() ->
            DSL.selectFrom(PULL_REQUESTS).where(PULL_REQUESTS.REPLICA_ID.eq(ID)).orderBy(PULL_REQUESTS.CREATED_AT));

    private ReplicaRows() {}

    /** The replica that is not deleted, of the organization unless it is null. */
    static Optional<Replica> one(Database db, String organizationId, String id) {
        // Under the lock for the three reads, so no write comes between them.
        return db.with(dsl -> own(db, organizationId, id)
                .map(replica -> replica.withLinks(
                        REPOSITORIES_OF.fetchRows(db, REPLICA_REPOSITORIES, Map.of("id", id), ReplicaRows::repository),
                        PULL_REQUESTS_OF.fetchRows(db, PULL_REQUESTS, Map.of("id", id), ReplicaRows::pullRequest))));
    }

    /** As {@link #one}, without the replica's repositories and pull requests (left empty). */
    static Optional<Replica> own(Database db, String organizationId, String id) {
        StaticQuery query = organizationId == null ? BY_ID : BY_ORGANIZATION_AND_ID;
        Map<String, String> values =
                organizationId == null ? Map.of("id", id) : Map.of("organization_id", organizationId, "id", id);
        return query.fetchRows(db, REPLICAS, values, ReplicaRows::replica).stream()
                .findFirst();
    }

    /*
     * Rows are read by position, straight from the result set: every tool call on a replica reads it by id,
     * and filling jOOQ's records field by field, with a conversion each, was a tenth of a send's CPU.
     */
    private static final int ID_AT = StaticQuery.column(REPLICAS, REPLICAS.ID);
    private static final int ORGANIZATION_AT = StaticQuery.column(REPLICAS, REPLICAS.ORGANIZATION_ID);
    private static final int NAME_AT = StaticQuery.column(REPLICAS, REPLICAS.NAME);
    private static final int STATUS_AT = StaticQuery.column(REPLICAS, REPLICAS.STATUS);
    private static final int SOURCE_AT = StaticQuery.column(REPLICAS, REPLICAS.SOURCE);
    private static final int USER_AT = StaticQuery.column(REPLICAS, REPLICAS.USER_ID);
    private static final int ENVIRONMENT_AT = StaticQuery.column(REPLICAS, REPLICAS.ENVIRONMENT_ID);
    private static final int AGENT_AT = StaticQuery.column(REPLICAS, REPLICAS.CODING_AGENT);
    private static final int MODEL_AT = StaticQuery.column(REPLICAS, REPLICAS.MODEL);
    private static final int THINKING_AT = StaticQuery.column(REPLICAS, REPLICAS.THINKING_LEVEL);
    private static final int POLICY_AT = StaticQuery.column(REPLICAS, REPLICAS.LIFECYCLE_POLICY);
    private static final int AUTO_STOP_AT = StaticQuery.column(REPLICAS, REPLICAS.AUTO_STOP_MINUTES);
    private static final int WAKING_AT = StaticQuery.column(REPLICAS, REPLICAS.WAKING);
    private static final int ERROR_AT = StaticQuery.column(REPLICAS, REPLICAS.ERROR_MESSAGE);
    private static final int CREATED_AT = StaticQuery.column(REPLICAS, REPLICAS.CREATED_AT);
    private static final int ACTIVITY_AT = StaticQuery.column(REPLICAS, REPLICAS.LAST_ACTIVITY_AT);

    private static final int REPO_ID_AT = StaticQuery.column(REPLICA_REPOSITORIES, REPLICA_REPOSITORIES.REPOSITORY_ID);
    private static final int REPO_NAME_AT = StaticQuery.column(REPLICA_REPOSITORIES, REPLICA_REPOSITORIES.NAME);
    private static final int REPO_URL_AT = StaticQuery.column(REPLICA_REPOSITORIES, REPLICA_REPOSITORIES.URL);
    private static final int REPO_DEFAULT_AT =
            StaticQuery.column(REPLICA_REPOSITORIES, REPLICA_REPOSITORIES.DEFAULT_BRANCH);
    private static final int REPO_BRANCH_AT = StaticQuery.column(REPLICA_REPOSITORIES, REPLICA_REPOSITORIES.BRANCH);
    private static final int REPO_HOOKS_AT =
            StaticQuery.column(REPLICA_REPOSITORIES, REPLICA_REPOSITORIES.START_HOOKS_COMPLETED);

    private static final int PR_REPOSITORY_AT = StaticQuery.column(PULL_REQUESTS, PULL_REQUESTS.REPOSITORY);
    private static final int PR_NUMBER_AT = StaticQuery.column(PULL_REQUESTS, PULL_REQUESTS.NUMBER);
    private static final int PR_URL_AT = StaticQuery.column(PULL_REQUESTS, PULL_REQUESTS.URL);

    /** The replica of the row, without its repositories and pull requests (read by their own queries). */
    private static Replica replica(ResultSet r) throws SQLException {
        int autoStop = r.getInt(AUTO_STOP_AT);
        Integer autoStopMinutes = r.wasNull() ? null : autoStop;
        return new Replica(
                r.getString(ID_AT),
                r.getString(ORGANIZATION_AT),
                r.getString(NAME_AT),
                ReplicaStatus.valueOf(r.getString(STATUS_AT).toUpperCase(Locale.ROOT)),
                Source.valueOf(r.getString(SOURCE_AT).toUpperCase(Locale.ROOT)),
                r.getString(USER_AT),
                r.getString(ENVIRONMENT_AT),
                upper(r.getString(AGENT_AT), CodingAgent.class),
                r.getString(MODEL_AT),
                upper(r.getString(THINKING_AT), ThinkingLevel.class),
                LifecyclePolicy.valueOf(r.getString(POLICY_AT).toUpperCase(Locale.ROOT)),
                autoStopMinutes,
                r.getInt(WAKING_AT) == 1,
                r.getString(ERROR_AT),
                r.getString(CREATED_AT),
                r.getString(ACTIVITY_AT),
                List.of(),
                List.of());
    }

    private static <E extends Enum<E>> E upper(String value, Class<E> type) {
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private static ReplicaRepository repository(ResultSet r) throws SQLException {
        return new ReplicaRepository(
                r.getString(REPO_ID_AT),
                r.getString(REPO_NAME_AT),
                r.getString(REPO_URL_AT),
                r.getString(REPO_DEFAULT_AT),
                r.getString(REPO_BRANCH_AT),
                r.getInt(REPO_HOOKS_AT) == 1);
    }

    private static PullRequest pullRequest(ResultSet r) throws SQLException {
        return new PullRequest(r.getString(PR_REPOSITORY_AT), r.getInt(PR_NUMBER_AT), r.getString(PR_URL_AT));
    }

    /** The replicas of a selectFrom(REPLICAS) query, with the repositories and pull requests of all in one query each. */
    static List<Replica> assemble(DSLContext dsl, ResultQuery<ReplicasRecord> query) {
        List<Replica> rows = rows(query, ReplicaRows::replica);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Replica::id).toList();
        Map<String, List<ReplicaRepository>> repos = byReplica(
                dsl,
                REPLICA_REPOSITORIES,
                REPLICA_REPOSITORIES.REPLICA_ID,
                REPLICA_REPOSITORIES.POSITION,
                ids,
                ReplicaRows::repository);
        Map<String, List<PullRequest>> prs = byReplica(
                dsl, PULL_REQUESTS, PULL_REQUESTS.REPLICA_ID, PULL_REQUESTS.CREATED_AT, ids, ReplicaRows::pullRequest);
        List<Replica> result = new ArrayList<>(rows.size());
        for (Replica r : rows) {
            result.add(r.withLinks(repos.getOrDefault(r.id(), List.of()), prs.getOrDefault(r.id(), List.of())));
        }
        return result;
    }

    /** The rows of a replica's child table for all the ids, in order, grouped by replica. */
    private static <T> Map<String, List<T>> byReplica(
            DSLContext dsl,
            Table<?> table,
            Field<String> replicaId,
            Field<?> order,
            List<String> ids,
            PlainQueries.Row<T> toValue) {
        int replicaAt = StaticQuery.column(table, replicaId);
        return rows(
                        dsl.selectFrom(table).where(replicaId.in(ids)).orderBy(order),
                        row -> Map.entry(row.getString(replicaAt), toValue.read(row)))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** A selectFrom(table) query's rows, read by position (the table's columns, in its order). */
    private static <T> List<T> rows(ResultQuery<?> query, PlainQueries.Row<T> row) {
        try (ResultSet result = query.fetchResultSet()) {
            return PlainQueries.rows(result, row);
        } catch (SQLException e) {
            throw new IllegalStateException("Database query failed: " + e.getMessage(), e);
        }
    }
}
