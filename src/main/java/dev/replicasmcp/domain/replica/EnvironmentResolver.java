package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositoryService;
import java.util.List;

/**
 * Finds the environment a new replica runs in (spec §4.2): environment_id if given; else the first
 * environment bound to repository_set_id; else the first bound to any of repository_ids.
 */
public final class EnvironmentResolver {

    private final EnvironmentService environments;
    private final RepositoryService repositories;

    public EnvironmentResolver(EnvironmentService environments, RepositoryService repositories) {
        this.environments = environments;
        this.repositories = repositories;
    }

    public Environment resolve(Caller caller, CreateReplica command) {
        Environment environment = find(caller, command);
        if (environment.isGlobal()) {
            throw DomainException.invalid("Field 'environment_id': the Global environment only holds shared "
                    + "settings and cannot back a replica. Pass an environment bound to a repository.");
        }
        if (environment.isUnbound()) {
            throw DomainException.invalid("Field 'environment_id': environment '" + environment.name()
                    + "' is not bound to a repository or repository set, so a replica has nothing to work on. "
                    + "Create an environment with repository_id or repository_set_id.");
        }
        return environment;
    }

    private Environment find(Caller caller, CreateReplica command) {
        String environmentId = Validation.optionalTrimmed(command.environmentId());
        if (environmentId != null) {
            return environments.get(caller, "environment_id", environmentId);
        }
        String setId = Validation.optionalTrimmed(command.repositorySetId());
        List<String> repositoryIds = command.repositoryIds() == null ? List.of() : command.repositoryIds();
        if (setId != null && !repositoryIds.isEmpty()) {
            throw DomainException.invalid("Fields 'repository_ids' and 'repository_set_id' are mutually exclusive. "
                    + "Better: pass 'environment_id' (see list_environments).");
        }
        if (setId != null) {
            repositories.getSet(caller, "repository_set_id", setId);
            return environments
                    .firstBoundToSet(caller, setId)
                    .orElseThrow(() -> DomainException.notFound("No environment is bound to repository set " + setId
                            + ". Create one with create_environment "
                            + "and repository_set_id, then pass its environment_id."));
        }
        if (!repositoryIds.isEmpty()) {
            repositoryIds.forEach(id -> repositories.get(caller, "repository_ids", id));
            return environments
                    .firstBoundToAnyRepository(caller, repositoryIds)
                    .orElseThrow(() -> DomainException.notFound(
                            "No environment is bound to the given repositories. Create one with "
                                    + "create_environment and repository_id, then pass its environment_id."));
        }
        throw DomainException.invalid("Field 'environment_id' is required. Call list_environments to pick one, or "
                + "create_environment to make one bound to a repository.");
    }

    /** The repositories a replica of this environment works on, in a stable order. */
    public List<Repository> repositoriesOf(Caller caller, Environment environment) {
        if (environment.repositoryId() != null) {
            return List.of(repositories.get(caller, "repository_id", environment.repositoryId()));
        }
        return repositories
                .getSet(caller, "repository_set_id", environment.repositorySetId())
                .repositories();
    }
}
