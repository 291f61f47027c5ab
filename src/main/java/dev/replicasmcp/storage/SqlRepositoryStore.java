package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENTS;
import static dev.replicasmcp.storage.jooq.Tables.REPOSITORIES;
import static dev.replicasmcp.storage.jooq.Tables.REPOSITORY_SETS;
import static dev.replicasmcp.storage.jooq.Tables.REPOSITORY_SET_MEMBERS;

import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositorySet;
import dev.replicasmcp.domain.repository.RepositoryStore;
import dev.replicasmcp.storage.jooq.tables.records.RepositoriesRecord;
import dev.replicasmcp.storage.jooq.tables.records.RepositorySetsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Repositories and repository sets in SQLite. */
public final class SqlRepositoryStore implements RepositoryStore {

    private final Database db;

    public SqlRepositoryStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(String organizationId, Repository r) {
        db.run(dsl -> dsl.insertInto(REPOSITORIES)
                .set(REPOSITORIES.ID, r.id())
                .set(REPOSITORIES.ORGANIZATION_ID, organizationId)
                .set(REPOSITORIES.NAME, r.name())
                .set(REPOSITORIES.URL, r.url())
                .set(REPOSITORIES.DEFAULT_BRANCH, r.defaultBranch())
                .set(REPOSITORIES.CREATED_AT, r.createdAt())
                .execute());
    }

    @Override
    public Optional<Repository> find(String organizationId, String id) {
        return one(organizationId, REPOSITORIES.ID.eq(id));
    }

    @Override
    public Optional<Repository> findByName(String organizationId, String name) {
        return one(organizationId, REPOSITORIES.NAME.eq(name));
    }

    @Override
    public Optional<Repository> findByUrl(String organizationId, String url) {
        return one(organizationId, REPOSITORIES.URL.eq(url));
    }

    private Optional<Repository> one(String organizationId, Condition condition) {
        return db.with(dsl -> dsl.selectFrom(REPOSITORIES)
                .where(REPOSITORIES.ORGANIZATION_ID.eq(organizationId).and(condition))
                .fetchOptional(SqlRepositoryStore::toRepository));
    }

    @Override
    public List<Repository> list(String organizationId) {
        return db.with(dsl -> dsl.selectFrom(REPOSITORIES)
                .where(REPOSITORIES.ORGANIZATION_ID.eq(organizationId))
                .orderBy(REPOSITORIES.NAME)
                .fetch(SqlRepositoryStore::toRepository));
    }

    @Override
    public void delete(String organizationId, String id) {
        db.run(dsl -> dsl.deleteFrom(REPOSITORIES)
                .where(REPOSITORIES.ORGANIZATION_ID.eq(organizationId).and(REPOSITORIES.ID.eq(id)))
                .execute());
    }

    @Override
    public List<String> environmentsBoundTo(String organizationId, String repositoryId) {
        return db.with(dsl -> dsl.select(ENVIRONMENTS.NAME)
                .from(ENVIRONMENTS)
                .where(ENVIRONMENTS.ORGANIZATION_ID.eq(organizationId).and(ENVIRONMENTS.REPOSITORY_ID.eq(repositoryId)))
                .orderBy(ENVIRONMENTS.NAME)
                .fetch(ENVIRONMENTS.NAME));
    }

    @Override
    public void insertSet(String organizationId, RepositorySet set, String createdAt) {
        db.run(dsl -> {
            dsl.insertInto(REPOSITORY_SETS)
                    .set(REPOSITORY_SETS.ID, set.id())
                    .set(REPOSITORY_SETS.ORGANIZATION_ID, organizationId)
                    .set(REPOSITORY_SETS.NAME, set.name())
                    .set(REPOSITORY_SETS.DESCRIPTION, set.description())
                    .set(REPOSITORY_SETS.CREATED_AT, createdAt)
                    .execute();
            int position = 0;
            for (Repository member : set.repositories()) {
                dsl.insertInto(REPOSITORY_SET_MEMBERS)
                        .set(REPOSITORY_SET_MEMBERS.REPOSITORY_SET_ID, set.id())
                        .set(REPOSITORY_SET_MEMBERS.REPOSITORY_ID, member.id())
                        .set(REPOSITORY_SET_MEMBERS.POSITION, position++)
                        .execute();
            }
        });
    }

    @Override
    public Optional<RepositorySet> findSet(String organizationId, String id) {
        return oneSet(organizationId, REPOSITORY_SETS.ID.eq(id));
    }

    @Override
    public Optional<RepositorySet> findSetByName(String organizationId, String name) {
        return oneSet(organizationId, REPOSITORY_SETS.NAME.eq(name));
    }

    private Optional<RepositorySet> oneSet(String organizationId, Condition condition) {
        return db.with(dsl -> dsl.selectFrom(REPOSITORY_SETS)
                .where(REPOSITORY_SETS.ORGANIZATION_ID.eq(organizationId).and(condition))
                .fetchOptional()
                .map(r -> toSet(dsl, r)));
    }

    @Override
    public List<RepositorySet> listSets(String organizationId) {
        return db.with(dsl -> dsl.selectFrom(REPOSITORY_SETS)
                .where(REPOSITORY_SETS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(REPOSITORY_SETS.NAME)
                .fetch()
                .map(r -> toSet(dsl, r)));
    }

    private static RepositorySet toSet(DSLContext dsl, RepositorySetsRecord r) {
        List<Repository> members = dsl.select(REPOSITORIES.fields())
                .from(REPOSITORY_SET_MEMBERS)
                .join(REPOSITORIES)
                .on(REPOSITORIES.ID.eq(REPOSITORY_SET_MEMBERS.REPOSITORY_ID))
                .where(REPOSITORY_SET_MEMBERS.REPOSITORY_SET_ID.eq(r.getId()))
                .orderBy(REPOSITORY_SET_MEMBERS.POSITION)
                .fetchInto(REPOSITORIES)
                .map(SqlRepositoryStore::toRepository);
        return new RepositorySet(r.getId(), r.getName(), r.getDescription(), members);
    }

    static Repository toRepository(RepositoriesRecord r) {
        return new Repository(r.getId(), r.getName(), r.getUrl(), r.getDefaultBranch(), r.getCreatedAt());
    }
}
