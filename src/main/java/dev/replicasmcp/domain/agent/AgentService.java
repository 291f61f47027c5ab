package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coding agents of this server: which can run (and on which runner), and the organization's
 * credentials for them (spec §2.21, §11.3). Secrets go in encrypted and come out only to agent processes.
 */
public final class AgentService {

    private final AgentCatalog catalog;
    private final AgentCredentialStore store;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;
    private final CredentialValues credentials;

    /** A stored credential, and whether this call created it (else it replaced the previous value). */
    public record Saved(AgentCredential credential, boolean created) {}

    public AgentService(
            AgentCatalog catalog,
            AgentCredentialStore store,
            JsonObjectReader json,
            Transactions tx,
            Clock clock,
            Ids ids) {
        this.catalog = catalog;
        this.credentials = new CredentialValues(json);
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The agent that answers a request naming {@code requested} (null: the server's default). An agent
     * that cannot run is refused, naming the field, the agents that can and how to add one. An agent set
     * to the scripted one (--agent-command NAME=scripted) resolves to scripted, so that is what is recorded.
     */
    public CodingAgent resolve(String field, CodingAgent requested) {
        if (requested == null) {
            return defaultAgent(field);
        }
        RunnerChoice choice = catalog.choice(requested);
        if (!choice.available()) {
            throw DomainException.invalid("Field '" + field + "': the " + requested.wire() + " agent is not "
                    + "available on this server (" + choice.reason() + "). " + availableAndHowToAdd(requested));
        }
        return choice.scripted() ? CodingAgent.SCRIPTED : requested;
    }

    /**
     * The agent used when a request names none: the one set with --default-agent, else the first installed
     * of claude and codex, else the scripted agent.
     */
    public CodingAgent defaultAgent(String field) {
        Optional<CodingAgent> configured = catalog.configuredDefault();
        if (configured.isPresent()) {
            RunnerChoice choice = catalog.choice(configured.get());
            if (!choice.available()) {
                throw DomainException.invalid("Field '" + field + "' was not given and the server's default agent, "
                        + configured.get().wire() + " (--default-agent), is not available (" + choice.reason()
                        + "). Name an agent in '" + field + "'. " + availableAndHowToAdd(configured.get()));
            }
            return choice.scripted() ? CodingAgent.SCRIPTED : configured.get();
        }
        for (CodingAgent agent : List.of(CodingAgent.CLAUDE, CodingAgent.CODEX, CodingAgent.SCRIPTED)) {
            RunnerChoice choice = catalog.choice(agent);
            if (choice.available()) {
                return choice.scripted() ? CodingAgent.SCRIPTED : agent;
            }
        }
        throw DomainException.invalid("Field '" + field + "' was not given and no agent is available on this "
                + "server. " + availableAndHowToAdd(CodingAgent.CLAUDE));
    }

    private String availableAndHowToAdd(CodingAgent wanted) {
        List<String> available = Arrays.stream(CodingAgent.values())
                .map(catalog::choice)
                .filter(RunnerChoice::available)
                .map(c -> c.agent().wire() + " (" + c.runner() + ")")
                .toList();
        String add = switch (wanted) {
            case CLAUDE, CODEX ->
                "To add " + wanted.wire() + ", put its CLI on the server's PATH or start the server "
                        + "with --agent-command " + wanted.wire() + "=/path/to/" + wanted.wire() + ".";
            case SCRIPTED ->
                "The built-in scripted agent is off (--no-scripted-agent); start the server without "
                        + "that flag to use it.";
            default ->
                "To add " + wanted.wire() + ", start the server with --agent-command " + wanted.wire()
                        + "=claude:/path/to/cli (the prefix, claude: or codex:, is the output format the CLI prints).";
        };
        return (available.isEmpty()
                        ? "No agent is available."
                        : "Available agents: " + String.join(", ", available) + ".")
                + " " + add;
    }

    /** Every agent's status for the organization, in the order of the agent enum. */
    public List<AgentStatus> statuses(String organizationId, Collection<String> variableNames) {
        Set<CredentialKind> stored =
                store.list(organizationId).stream().map(AgentCredential::kind).collect(Collectors.toSet());
        return Arrays.stream(CodingAgent.values())
                .map(agent -> status(agent, stored, variableNames))
                .toList();
    }

    private AgentStatus status(CodingAgent agent, Set<CredentialKind> stored, Collection<String> variableNames) {
        RunnerChoice choice = catalog.choice(agent);
        if (!choice.available() || choice.scripted()) {
            return new AgentStatus(choice, choice.runner());
        }
        Optional<CredentialKind> credential = preferred(agent, stored);
        if (credential.isEmpty()) {
            // A key set as an environment variable signs the agent in as well.
            credential = Arrays.stream(CredentialKind.values())
                    .filter(k -> k.agent() == agent)
                    .filter(k -> k.variable() != null && variableNames.contains(k.variable()))
                    .findFirst();
        }
        return new AgentStatus(
                choice, credential.map(CredentialKind::authMethod).orElse("none"));
    }

    /** The agent's preferred stored credential (OAuth, then API key, then Bedrock), decrypted. */
    public Map<CredentialKind, String> credentialsFor(String organizationId, CodingAgent agent) {
        Map<CredentialKind, String> secrets = store.secrets(organizationId);
        Map<CredentialKind, String> chosen = new EnumMap<>(CredentialKind.class);
        preferred(agent, secrets.keySet()).ifPresent(kind -> chosen.put(kind, secrets.get(kind)));
        return chosen;
    }

    private static Optional<CredentialKind> preferred(CodingAgent agent, Set<CredentialKind> stored) {
        return Arrays.stream(CredentialKind.values())
                .filter(k -> k.agent() == agent && stored.contains(k))
                .findFirst();
    }

    public List<AgentCredential> list(Caller caller) {
        return store.list(caller.organizationId());
    }

    public Saved set(Caller caller, String kind, String value) {
        CredentialKind parsed = CredentialKind.parse("kind", Validation.required("kind", kind));
        String secret = credentials.validated(parsed, value);
        String hint = credentials.hint(parsed, secret);
        return tx.inTransaction(() -> {
            String now = Timestamps.now(clock);
            Optional<AgentCredential> current = store.find(caller.organizationId(), parsed);
            AgentCredential saved = current.map(
                            c -> new AgentCredential(c.id(), c.organizationId(), parsed, hint, c.createdAt(), now))
                    .orElseGet(() -> new AgentCredential(ids.get(), caller.organizationId(), parsed, hint, now, now));
            store.save(saved, secret);
            return new Saved(saved, current.isEmpty());
        });
    }

    public void delete(Caller caller, String kind) {
        CredentialKind parsed = CredentialKind.parse("kind", Validation.required("kind", kind));
        if (!store.delete(caller.organizationId(), parsed)) {
            throw DomainException.notFound("No " + parsed.wire() + " credential is stored for this organization "
                    + "(field 'kind'). Call list_agent_credentials to see the stored kinds.");
        }
    }
}
