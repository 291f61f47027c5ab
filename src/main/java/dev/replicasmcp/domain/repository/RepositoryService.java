package dev.replicasmcp.domain.repository;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.audit.ChangeRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Registers repositories and groups them into sets. */
public final class RepositoryService {

    private static final Pattern BRANCH = Pattern.compile("^[A-Za-z0-9._/-]{1,200}$");

    private final RepositoryStore store;
    private final RepositoryInspector inspector;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    public RepositoryService(
            RepositoryStore store, RepositoryInspector inspector, Transactions tx, Clock clock, Ids ids) {
        this.store = store;
        this.inspector = inspector;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    public Repository add(Caller caller, String location, String name, String defaultBranch) {
        return add(caller, location, name, defaultBranch, ChangeRecorder.none());
    }

    /** As above; the new repository is recorded in the transaction that stores it, after git has looked. */
    public Repository add(
            Caller caller,
            String location,
            String name,
            String defaultBranch,
            ChangeRecorder<? super Repository> changes) {
        Validation.required("location", location);
        RepositoryLocation found = inspector.inspect("location", location.trim());
        String finalName = Validation.optionalTrimmed(name) == null ? found.suggestedName() : name.trim();
        String branch =
                Validation.optionalTrimmed(defaultBranch) == null ? found.defaultBranch() : defaultBranch.trim();
        if (!BRANCH.matcher(branch).matches()) {
            throw DomainException.invalid(
                    "Field 'default_branch' is not a valid branch name: '" + Validation.abbreviate(branch, 60) + "'.");
        }
        return tx.inTransaction(() -> {
            store.findByName(caller.organizationId(), finalName).ifPresent(existing -> {
                throw DomainException.conflict("A repository named '" + finalName + "' is already registered (id "
                        + existing.id() + "). Pass a different 'name' or use the existing repository.");
            });
            store.findByUrl(caller.organizationId(), found.url()).ifPresent(existing -> {
                throw DomainException.conflict("The repository at '" + found.url() + "' is already registered as '"
                        + existing.name() + "' (id " + existing.id() + ").");
            });
            Repository repository = new Repository(ids.get(), finalName, found.url(), branch, Timestamps.now(clock));
            store.insert(caller.organizationId(), repository);
            changes.record(repository.id(), null, repository);
            return repository;
        });
    }

    public List<Repository> list(Caller caller) {
        return store.list(caller.organizationId());
    }

    public Repository get(Caller caller, String field, String id) {
        Validation.required(field, id);
        return store.find(caller.organizationId(), id)
                .orElseThrow(() -> DomainException.notFound("No repository with id '" + id + "' (field '" + field
                        + "'). Call list_repositories to see the ids."));
    }

    public void delete(Caller caller, String id) {
        tx.run(() -> {
            Repository repository = get(caller, "repository_id", id);
            List<String> bound = store.environmentsBoundTo(caller.organizationId(), repository.id());
            if (!bound.isEmpty()) {
                throw DomainException.conflict("Repository '" + repository.name()
                        + "' is still bound to environment(s) " + String.join(", ", bound)
                        + ". Bind those environments elsewhere or delete them first.");
            }
            store.delete(caller.organizationId(), repository.id());
        });
    }

    public RepositorySet createSet(Caller caller, String name, String description, List<String> repositoryIds) {
        String finalName = Validation.required("name", name).trim();
        if (repositoryIds == null || repositoryIds.isEmpty()) {
            throw DomainException.invalid("Field 'repository_ids' must list at least one repository id. "
                    + "Call list_repositories to see the ids.");
        }
        return tx.inTransaction(() -> {
            store.findSetByName(caller.organizationId(), finalName).ifPresent(existing -> {
                throw DomainException.conflict(
                        "A repository set named '" + finalName + "' already exists (id " + existing.id() + ").");
            });
            List<Repository> members = new ArrayList<>();
            for (String id : new LinkedHashSet<>(repositoryIds)) {
                members.add(get(caller, "repository_ids", id));
            }
            RepositorySet set = new RepositorySet(
                    ids.get(), finalName, Validation.optionalTrimmed(description), List.copyOf(members));
            store.insertSet(caller.organizationId(), set, Timestamps.now(clock));
            return set;
        });
    }

    public List<RepositorySet> listSets(Caller caller) {
        return store.listSets(caller.organizationId());
    }

    public RepositorySet getSet(Caller caller, String field, String id) {
        Validation.required(field, id);
        return store.findSet(caller.organizationId(), id)
                .orElseThrow(() -> DomainException.notFound("No repository set with id '" + id + "' (field '" + field
                        + "'). Call list_repository_sets to see the ids."));
    }
}
