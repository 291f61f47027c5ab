package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.repository.RepositoryService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Creates and reads environments; the Global one is made on first access (spec §1.7, §8.1). */
public final class EnvironmentService {

    public static final String GLOBAL_ALIAS = "global";
    public static final String GLOBAL_NAME = "Global";

    private final EnvironmentStore store;
    private final RepositoryService repositories;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    public EnvironmentService(EnvironmentStore store, RepositoryService repositories, Transactions tx, Clock clock,
                              Ids ids) {
        this.store = store;
        this.repositories = repositories;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    public Environment create(Caller caller, String name, String description, String repositoryId,
                              String repositorySetId, String systemPrompt) {
        String finalName = Validation.required("name", name).trim();
        if (finalName.toLowerCase(Locale.ROOT).equals(GLOBAL_ALIAS)) {
            throw DomainException.invalid("Field 'name': 'Global' is reserved for the organization's Global "
                    + "environment. Choose another name.");
        }
        String repoId = Validation.optionalTrimmed(repositoryId);
        String setId = Validation.optionalTrimmed(repositorySetId);
        if (repoId != null && setId != null) {
            throw DomainException.invalid("Fields 'repository_id' and 'repository_set_id' are mutually exclusive. "
                    + "Bind the environment to one repository or to one repository set.");
        }
        return tx.inTransaction(() -> {
            if (repoId != null) {
                repositories.get(caller, "repository_id", repoId);
            }
            if (setId != null) {
                repositories.getSet(caller, "repository_set_id", setId);
            }
            global(caller);
            store.findByName(caller.organizationId(), finalName).ifPresent(existing -> {
                throw DomainException.conflict("An environment named '" + finalName + "' already exists (id "
                        + existing.id() + "). Choose another name or use get_environment.");
            });
            String now = Timestamps.now(clock);
            Environment environment = new Environment(ids.get(), caller.organizationId(), finalName,
                    Validation.optionalTrimmed(description), false, repoId, setId,
                    Validation.optionalTrimmed(systemPrompt), 0, 0, 0, 0, now, now);
            store.insert(environment);
            return environment;
        });
    }

    public List<Environment> list(Caller caller) {
        global(caller);
        return store.list(caller.organizationId());
    }

    /** Reads an environment by UUID or by the literal 'global'. */
    public Environment get(Caller caller, String field, String idOrGlobal) {
        Validation.required(field, idOrGlobal);
        if (idOrGlobal.trim().equalsIgnoreCase(GLOBAL_ALIAS)) {
            return global(caller);
        }
        Validation.uuid(field, idOrGlobal.trim());
        return store.find(caller.organizationId(), idOrGlobal.trim()).orElseThrow(() -> DomainException.notFound(
                "No environment with id '" + idOrGlobal + "' (field '" + field + "'). "
                        + "Call list_environments to see the ids."));
    }

    /** The organization's Global environment, created the first time anyone asks for it. */
    public Environment global(Caller caller) {
        return store.findGlobal(caller.organizationId()).orElseGet(() -> tx.inTransaction(() ->
                store.findGlobal(caller.organizationId()).orElseGet(() -> {
                    String now = Timestamps.now(clock);
                    Environment global = new Environment(ids.get(), caller.organizationId(), GLOBAL_NAME,
                            "Settings layered under every environment of the organization.", true, null, null,
                            null, 0, 0, 0, 0, now, now);
                    store.insert(global);
                    return global;
                })));
    }

    public java.util.Optional<Environment> firstBoundToSet(Caller caller, String setId) {
        return store.firstBoundToSet(caller.organizationId(), setId);
    }

    public java.util.Optional<Environment> firstBoundToAnyRepository(Caller caller, java.util.Collection<String> ids) {
        return store.firstBoundToAnyRepository(caller.organizationId(), ids);
    }
}
