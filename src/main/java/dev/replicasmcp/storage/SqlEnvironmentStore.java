package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.AUTOMATIONS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENTS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_FILES;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_MCPS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_SKILLS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_VARIABLES;
import static dev.replicasmcp.storage.jooq.Tables.REPLICAS;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentStore;
import dev.replicasmcp.storage.jooq.tables.records.EnvironmentsRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Environments in SQLite, each read with the counts of its variables, files, skills and MCP servers. */
public final class SqlEnvironmentStore implements EnvironmentStore {

    private final Database db;

    public SqlEnvironmentStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Environment e) {
        db.run(dsl -> dsl.insertInto(ENVIRONMENTS)
                .set(ENVIRONMENTS.ID, e.id())
                .set(ENVIRONMENTS.ORGANIZATION_ID, e.organizationId())
                .set(ENVIRONMENTS.NAME, e.name())
                .set(ENVIRONMENTS.DESCRIPTION, e.description())
                .set(ENVIRONMENTS.IS_GLOBAL, e.isGlobal() ? 1 : 0)
                .set(ENVIRONMENTS.REPOSITORY_ID, e.repositoryId())
                .set(ENVIRONMENTS.REPOSITORY_SET_ID, e.repositorySetId())
                .set(ENVIRONMENTS.SYSTEM_PROMPT, e.systemPrompt())
                .set(ENVIRONMENTS.CREATED_AT, e.createdAt())
                .set(ENVIRONMENTS.UPDATED_AT, e.updatedAt())
                .execute());
    }

    @Override
    public void update(Environment e) {
        db.run(dsl -> dsl.update(ENVIRONMENTS)
                .set(ENVIRONMENTS.NAME, e.name())
                .set(ENVIRONMENTS.DESCRIPTION, e.description())
                .set(ENVIRONMENTS.REPOSITORY_ID, e.repositoryId())
                .set(ENVIRONMENTS.REPOSITORY_SET_ID, e.repositorySetId())
                .set(ENVIRONMENTS.SYSTEM_PROMPT, e.systemPrompt())
                .set(ENVIRONMENTS.UPDATED_AT, e.updatedAt())
                .where(ENVIRONMENTS.ID.eq(e.id()).and(ENVIRONMENTS.ORGANIZATION_ID.eq(e.organizationId())))
                .execute());
    }

    @Override
    public void delete(String organizationId, String id) {
        db.run(dsl -> {
            // Deleted replicas stay as tombstones that still reference the environment; they go with it
            // (their chats, history and hook logs cascade), or the foreign key would refuse the delete.
            dsl.deleteFrom(REPLICAS)
                    .where(REPLICAS.ORGANIZATION_ID
                            .eq(organizationId)
                            .and(REPLICAS.ENVIRONMENT_ID.eq(id))
                            .and(REPLICAS.DELETED_AT.isNotNull()))
                    .execute();
            dsl.deleteFrom(ENVIRONMENTS)
                    .where(ENVIRONMENTS.ID.eq(id).and(ENVIRONMENTS.ORGANIZATION_ID.eq(organizationId)))
                    .execute();
        });
    }

    @Override
    public List<String> replicasUsing(String organizationId, String environmentId) {
        return db.with(dsl -> dsl.select(REPLICAS.NAME)
                .from(REPLICAS)
                .where(REPLICAS.ORGANIZATION_ID
                        .eq(organizationId)
                        .and(REPLICAS.ENVIRONMENT_ID.eq(environmentId))
                        .and(REPLICAS.DELETED_AT.isNull()))
                .orderBy(REPLICAS.NAME)
                .fetch(REPLICAS.NAME));
    }

    @Override
    public List<String> automationsUsing(String organizationId, String environmentId) {
        return db.with(dsl -> dsl.select(AUTOMATIONS.NAME)
                .from(AUTOMATIONS)
                .where(AUTOMATIONS.ORGANIZATION_ID.eq(organizationId).and(AUTOMATIONS.ENVIRONMENT_ID.eq(environmentId)))
                .orderBy(AUTOMATIONS.NAME)
                .fetch(AUTOMATIONS.NAME));
    }

    @Override
    public Optional<Environment> find(String organizationId, String id) {
        return Sql.BY_ID.fetch(db, Map.of("organization", organizationId, "id", id)).stream()
                .findFirst()
                .map(SqlEnvironmentStore::toEnvironment);
    }

    @Override
    public Optional<Environment> findByName(String organizationId, String name) {
        return first(organizationId, ENVIRONMENTS.NAME.eq(name));
    }

    @Override
    public Optional<Environment> findGlobal(String organizationId) {
        return Sql.GLOBAL.fetch(db, Map.of("organization", organizationId)).stream()
                .findFirst()
                .map(SqlEnvironmentStore::toEnvironment);
    }

    @Override
    public List<Environment> list(String organizationId) {
        return db.with(dsl -> dsl.select(ENVIRONMENTS.fields())
                .select(Sql.VARIABLES, Sql.FILES, Sql.SKILLS, Sql.MCPS)
                .from(ENVIRONMENTS)
                .where(ENVIRONMENTS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ENVIRONMENTS.IS_GLOBAL.desc(), ENVIRONMENTS.NAME)
                .fetch(SqlEnvironmentStore::toEnvironment));
    }

    @Override
    public Optional<Environment> firstBoundToSet(String organizationId, String repositorySetId) {
        return first(organizationId, ENVIRONMENTS.REPOSITORY_SET_ID.eq(repositorySetId));
    }

    @Override
    public Optional<Environment> firstBoundToAnyRepository(String organizationId, Collection<String> repositoryIds) {
        return first(organizationId, ENVIRONMENTS.REPOSITORY_ID.in(repositoryIds));
    }

    /**
     * The earliest created: created_at has millisecond precision, so ties go to insertion order (rowid),
     * never to the random id.
     */
    private Optional<Environment> first(String organizationId, Condition condition) {
        return db.with(dsl -> dsl.fetchOptional(firstWhere(
                        ENVIRONMENTS.ORGANIZATION_ID.eq(organizationId).and(condition)))
                .map(SqlEnvironmentStore::toEnvironment));
    }

    private static ResultQuery<Record> firstWhere(Condition condition) {
        return DSL.select(ENVIRONMENTS.fields())
                .select(Sql.VARIABLES, Sql.FILES, Sql.SKILLS, Sql.MCPS)
                .from(ENVIRONMENTS)
                .where(condition)
                .orderBy(ENVIRONMENTS.CREATED_AT, ENVIRONMENTS.rowid())
                .limit(1);
    }

    private static Field<Integer> count(Table<?> table, Field<String> environmentId, String name) {
        return DSL.field(DSL.selectCount().from(table).where(environmentId.eq(ENVIRONMENTS.ID)))
                .as(name);
    }

    private static Environment toEnvironment(Record row) {
        EnvironmentsRecord r = row.into(ENVIRONMENTS);
        return new Environment(
                r.getId(),
                r.getOrganizationId(),
                r.getName(),
                r.getDescription(),
                r.getIsGlobal() == 1,
                r.getRepositoryId(),
                r.getRepositorySetId(),
                r.getSystemPrompt(),
                row.get(Sql.VARIABLES),
                row.get(Sql.FILES),
                row.get(Sql.SKILLS),
                row.get(Sql.MCPS),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }

    /** Built at their first use, not when the store is made: a start needs no jOOQ ({@link JooqStart}). */
    private static final class Sql {
        /** Every turn reads its replica's environment and Global: built and rendered once (see {@link StaticQuery}). */
        static final StaticQuery BY_ID = StaticQuery.of(() -> firstWhere(ENVIRONMENTS
                .ORGANIZATION_ID
                .eq(StaticQuery.value("organization"))
                .and(ENVIRONMENTS.ID.eq(StaticQuery.value("id")))));

        static final StaticQuery GLOBAL = StaticQuery.of(() -> firstWhere(ENVIRONMENTS
                .ORGANIZATION_ID
                .eq(StaticQuery.value("organization"))
                .and(ENVIRONMENTS.IS_GLOBAL.eq(1))));

        // Named, so that a row read back by name (as StaticQuery's are) tells the four counts apart.
        static final Field<Integer> VARIABLES =
                count(ENVIRONMENT_VARIABLES, ENVIRONMENT_VARIABLES.ENVIRONMENT_ID, "variable_count");
        static final Field<Integer> FILES = count(ENVIRONMENT_FILES, ENVIRONMENT_FILES.ENVIRONMENT_ID, "file_count");
        static final Field<Integer> SKILLS =
                count(ENVIRONMENT_SKILLS, ENVIRONMENT_SKILLS.ENVIRONMENT_ID, "skill_count");
        static final Field<Integer> MCPS = count(ENVIRONMENT_MCPS, ENVIRONMENT_MCPS.ENVIRONMENT_ID, "mcp_count");
    }
}
