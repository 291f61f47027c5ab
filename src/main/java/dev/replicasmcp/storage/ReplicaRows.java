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
import dev.replicasmcp.storage.jooq.tables.records.PullRequestsRecord;
import dev.replicasmcp.storage.jooq.tables.records.ReplicaRepositoriesRecord;
import dev.replicasmcp.storage.jooq.tables.records.ReplicasRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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
        return db.with(dsl -> {
            StaticQuery query = organizationId == null ? BY_ID : BY_ORGANIZATION_AND_ID;
            Map<String, String> values =
                    organizationId == null ? Map.of("id", id) : Map.of("organization_id", organizationId, "id", id);
            Optional<ReplicasRecord> row =
                    query.fetchInto(db, REPLICAS, values).stream().findFirst();
            return row.map(r -> replica(
                    r,
                    REPOSITORIES_OF.fetchInto(db, REPLICA_REPOSITORIES, Map.of("id", id)).stream()
                            .map(ReplicaRows::repository)
                            .toList(),
                    PULL_REQUESTS_OF.fetchInto(db, PULL_REQUESTS, Map.of("id", id)).stream()
                            .map(ReplicaRows::pullRequest)
                            .toList()));
        });
    }

    /** Loads repositories and pull requests of all rows with one query each. */
    static List<Replica> assemble(DSLContext dsl, List<ReplicasRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(ReplicasRecord::getId).toList();
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
        for (ReplicasRecord r : rows) {
            result.add(replica(r, repos.getOrDefault(r.getId(), List.of()), prs.getOrDefault(r.getId(), List.of())));
        }
        return result;
    }

    /** The rows of a replica's child table for all the ids, in order, grouped by replica. */
    private static <R extends Record, T> Map<String, List<T>> byReplica(
            DSLContext dsl,
            Table<R> table,
            Field<String> replicaId,
            Field<?> order,
            List<String> ids,
            Function<R, T> toValue) {
        return dsl.selectFrom(table).where(replicaId.in(ids)).orderBy(order).fetch().stream()
                .collect(
                        Collectors.groupingBy(r -> r.get(replicaId), Collectors.mapping(toValue, Collectors.toList())));
    }

    private static ReplicaRepository repository(ReplicaRepositoriesRecord r) {
        return new ReplicaRepository(
                r.getRepositoryId(),
                r.getName(),
                r.getUrl(),
                r.getDefaultBranch(),
                r.getBranch(),
                r.getStartHooksCompleted() == 1);
    }

    private static PullRequest pullRequest(PullRequestsRecord r) {
        return new PullRequest(r.getRepository(), r.getNumber(), r.getUrl());
    }

    private static Replica replica(ReplicasRecord r, List<ReplicaRepository> repos, List<PullRequest> prs) {
        return new Replica(
                r.getId(),
                r.getOrganizationId(),
                r.getName(),
                ReplicaStatus.valueOf(r.getStatus().toUpperCase(Locale.ROOT)),
                Source.valueOf(r.getSource().toUpperCase(Locale.ROOT)),
                r.getUserId(),
                r.getEnvironmentId(),
                r.getCodingAgent() == null
                        ? null
                        : CodingAgent.valueOf(r.getCodingAgent().toUpperCase(Locale.ROOT)),
                r.getModel(),
                r.getThinkingLevel() == null
                        ? null
                        : ThinkingLevel.valueOf(r.getThinkingLevel().toUpperCase(Locale.ROOT)),
                LifecyclePolicy.valueOf(r.getLifecyclePolicy().toUpperCase(Locale.ROOT)),
                r.getAutoStopMinutes(),
                r.getWaking() == 1,
                r.getErrorMessage(),
                r.getCreatedAt(),
                r.getLastActivityAt(),
                repos,
                prs);
    }
}
