package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENTS;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentStore;
import dev.replicasmcp.storage.jooq.tables.records.EnvironmentsRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;

/**
 * Environments in SQLite. The variable, file, skill and MCP tables arrive with the environments
 * issue; until then every count is truly zero.
 */
public final class SqlEnvironmentStore implements EnvironmentStore {

    private final Database db;

    public SqlEnvironmentStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Environment e) {
        db.run(dsl -> dsl.insertInto(ENVIRONMENTS).set(ENVIRONMENTS.ID, e.id())
                .set(ENVIRONMENTS.ORGANIZATION_ID, e.organizationId()).set(ENVIRONMENTS.NAME, e.name())
                .set(ENVIRONMENTS.DESCRIPTION, e.description()).set(ENVIRONMENTS.IS_GLOBAL, e.isGlobal() ? 1 : 0)
                .set(ENVIRONMENTS.REPOSITORY_ID, e.repositoryId())
                .set(ENVIRONMENTS.REPOSITORY_SET_ID, e.repositorySetId())
                .set(ENVIRONMENTS.SYSTEM_PROMPT, e.systemPrompt()).set(ENVIRONMENTS.CREATED_AT, e.createdAt())
                .set(ENVIRONMENTS.UPDATED_AT, e.updatedAt()).execute());
    }

    @Override
    public Optional<Environment> find(String organizationId, String id) {
        return first(organizationId, ENVIRONMENTS.ID.eq(id));
    }

    @Override
    public Optional<Environment> findByName(String organizationId, String name) {
        return first(organizationId, ENVIRONMENTS.NAME.eq(name));
    }

    @Override
    public Optional<Environment> findGlobal(String organizationId) {
        return first(organizationId, ENVIRONMENTS.IS_GLOBAL.eq(1));
    }

    @Override
    public List<Environment> list(String organizationId) {
        return db.with(dsl -> dsl.selectFrom(ENVIRONMENTS).where(ENVIRONMENTS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ENVIRONMENTS.IS_GLOBAL.desc(), ENVIRONMENTS.NAME).fetch(SqlEnvironmentStore::toEnvironment));
    }

    @Override
    public Optional<Environment> firstBoundToSet(String organizationId, String repositorySetId) {
        return first(organizationId, ENVIRONMENTS.REPOSITORY_SET_ID.eq(repositorySetId));
    }

    @Override
    public Optional<Environment> firstBoundToAnyRepository(String organizationId, Collection<String> repositoryIds) {
        return first(organizationId, ENVIRONMENTS.REPOSITORY_ID.in(repositoryIds));
    }

    private Optional<Environment> first(String organizationId, Condition condition) {
        return db.with(dsl -> dsl.selectFrom(ENVIRONMENTS)
                .where(ENVIRONMENTS.ORGANIZATION_ID.eq(organizationId).and(condition))
                .orderBy(ENVIRONMENTS.CREATED_AT, ENVIRONMENTS.ID).limit(1)
                .fetchOptional(SqlEnvironmentStore::toEnvironment));
    }

    private static Environment toEnvironment(EnvironmentsRecord r) {
        return new Environment(r.getId(), r.getOrganizationId(), r.getName(), r.getDescription(),
                r.getIsGlobal() == 1, r.getRepositoryId(), r.getRepositorySetId(), r.getSystemPrompt(),
                0, 0, 0, 0, r.getCreatedAt(), r.getUpdatedAt());
    }
}
