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
import java.util.Set;

/** Creates and reads environments; the Global one is made on first access (spec §1.7, §8.1). */
public final class EnvironmentService {

    public static final String GLOBAL_ALIAS = "global";
    public static final String GLOBAL_NAME = "Global";

    private final EnvironmentStore store;
    private final RepositoryService repositories;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EnvironmentService(
            EnvironmentStore store, RepositoryService repositories, Transactions tx, Clock clock, Ids ids) {
        this.store = store;
        this.repositories = repositories;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    /** Limits of the environment's texts, in characters. */
    public static final int MAX_NAME = 100;

    public static final int MAX_DESCRIPTION = 1_000;
    public static final int MAX_SYSTEM_PROMPT = 100_000;

    public Environment create(
            Caller caller,
            String name,
            String description,
            String repositoryId,
            String repositorySetId,
            String systemPrompt) {
        String finalName = validName(name);
        Validation.limited("description", description, MAX_DESCRIPTION);
        Validation.limited("system_prompt", systemPrompt, MAX_SYSTEM_PROMPT);
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
            Environment environment = new Environment(
                    ids.get(),
                    caller.organizationId(),
                    finalName,
                    Validation.optionalTrimmed(description),
                    false,
                    repoId,
                    setId,
                    Validation.optionalTrimmed(systemPrompt),
                    0,
                    0,
                    0,
                    0,
                    now,
                    now);
            store.insert(environment);
            return environment;
        });
    }

    public Environment update(Caller caller, String id, UpdateEnvironment change) {
        Set<String> clear = change.clear() == null ? Set.of() : change.clear();
        clear.stream()
                .filter(f -> !UpdateEnvironment.CLEARABLE.contains(f))
                .findFirst()
                .ifPresent(f -> {
                    throw DomainException.invalid(
                            "Field 'clear' lists '" + f + "', which cannot be cleared. Clearable: "
                                    + String.join(", ", new java.util.TreeSet<>(UpdateEnvironment.CLEARABLE)) + ".");
                });
        String repoId = Validation.optionalTrimmed(change.repositoryId());
        String setId = Validation.optionalTrimmed(change.repositorySetId());
        if (repoId != null && setId != null) {
            throw DomainException.invalid("Fields 'repository_id' and 'repository_set_id' are mutually exclusive. "
                    + "Bind the environment to one repository or to one repository set.");
        }
        Validation.limited("description", change.description(), MAX_DESCRIPTION);
        Validation.limited("system_prompt", change.systemPrompt(), MAX_SYSTEM_PROMPT);
        Environment updated = tx.inTransaction(() -> {
            Environment current = get(caller, "environment_id", id);
            if (current.isGlobal()) {
                throw DomainException.invalid("The Global environment's name and binding cannot be edited. Change what "
                        + "it holds instead: its variables, files, skills, MCP servers and hooks (the "
                        + "*_environment_variable, *_environment_file, *_environment_skill, *_environment_mcp and "
                        + "*_hook tools with environment_id='global').");
            }
            String name = change.name() == null ? current.name() : validName(change.name());
            if (!name.equals(current.name())) {
                store.findByName(caller.organizationId(), name).ifPresent(other -> {
                    throw DomainException.conflict(
                            "An environment named '" + name + "' already exists (id " + other.id() + ").");
                });
            }
            if (repoId != null) {
                repositories.get(caller, "repository_id", repoId);
            }
            if (setId != null) {
                repositories.getSet(caller, "repository_set_id", setId);
            }
            String newRepo = repoId != null
                    ? repoId
                    : setId != null || clear.contains("repository_id") ? null : current.repositoryId();
            String newSet = setId != null
                    ? setId
                    : repoId != null || clear.contains("repository_set_id") ? null : current.repositorySetId();
            Environment next = new Environment(
                    current.id(),
                    current.organizationId(),
                    name,
                    pick(change.description(), current.description(), clear.contains("description")),
                    false,
                    newRepo,
                    newSet,
                    pick(change.systemPrompt(), current.systemPrompt(), clear.contains("system_prompt")),
                    current.variableCount(),
                    current.fileCount(),
                    current.skillCount(),
                    current.mcpCount(),
                    current.createdAt(),
                    Timestamps.now(clock));
            store.update(next);
            if (!java.util.Objects.equals(next.repositoryId(), current.repositoryId())
                    || !java.util.Objects.equals(next.repositorySetId(), current.repositorySetId())) {
                changed(next);
            }
            return next;
        });
        return updated;
    }

    /** Deletes an environment and everything it holds; Global and environments in use are refused. */
    public void delete(Caller caller, String id) {
        tx.run(() -> {
            Environment current = get(caller, "environment_id", id);
            if (current.isGlobal()) {
                throw DomainException.conflict("The Global environment cannot be deleted; it is layered under every "
                        + "environment. Delete the variables, files, skills or MCP servers it holds instead.");
            }
            List<String> users = store.replicasUsing(caller.organizationId(), current.id());
            if (!users.isEmpty()) {
                throw DomainException.conflict("Environment '" + current.name() + "' is still used by replica(s) "
                        + String.join(", ", users.stream().limit(10).toList())
                        + (users.size() > 10 ? " and " + (users.size() - 10) + " more" : "")
                        + ". Delete those replicas first.");
            }
            List<String> automations = store.automationsUsing(caller.organizationId(), current.id());
            if (!automations.isEmpty()) {
                throw DomainException.conflict("Environment '" + current.name() + "' is used by automation(s) "
                        + String.join(
                                ", ",
                                automations.stream()
                                        .limit(10)
                                        .map(n -> "'" + n + "'")
                                        .toList())
                        + (automations.size() > 10 ? " and " + (automations.size() - 10) + " more" : "")
                        + ". Delete them or move them to another environment (update_automation with "
                        + "environment_id) first.");
            }
            listeners.forEach(listener -> listener.deleting(current));
            store.delete(caller.organizationId(), current.id());
        });
    }

    /** Hears about changes that make an environment's prepared workspaces out of date, and deletions. */
    public interface Listener {
        void changed(Environment environment);

        void deleting(Environment environment);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Tells listeners the environment's contents or binding changed. */
    public void changed(Environment environment) {
        listeners.forEach(listener -> listener.changed(environment));
    }

    private static String pick(String given, String current, boolean clear) {
        if (clear) {
            return null;
        }
        return given == null ? current : Validation.optionalTrimmed(given);
    }

    private static String validName(String name) {
        String trimmed = Validation.limited("name", Validation.required("name", name), MAX_NAME)
                .trim();
        if (trimmed.equalsIgnoreCase(GLOBAL_ALIAS)) {
            throw DomainException.invalid("Field 'name': 'Global' is reserved for the organization's Global "
                    + "environment. Choose another name.");
        }
        return trimmed;
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
        return store.find(caller.organizationId(), idOrGlobal.trim())
                .orElseThrow(() -> DomainException.notFound("No environment with id '" + idOrGlobal + "' (field '"
                        + field + "'). " + "Call list_environments to see the ids."));
    }

    /** The organization's Global environment, created the first time anyone asks for it. */
    public Environment global(Caller caller) {
        return store.findGlobal(caller.organizationId())
                .orElseGet(() -> tx.inTransaction(() -> store.findGlobal(caller.organizationId())
                        .orElseGet(() -> {
                            String now = Timestamps.now(clock);
                            Environment global = new Environment(
                                    ids.get(),
                                    caller.organizationId(),
                                    GLOBAL_NAME,
                                    "Settings layered under every environment of the organization.",
                                    true,
                                    null,
                                    null,
                                    null,
                                    0,
                                    0,
                                    0,
                                    0,
                                    now,
                                    now);
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
