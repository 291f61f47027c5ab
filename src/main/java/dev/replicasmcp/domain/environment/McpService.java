package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** MCP servers of an environment, written into the agents' MCP configuration in its workspaces. */
public final class McpService {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    private static final List<String> RESERVED = List.of("relay-", "replicas-");

    private final EnvironmentConfigStore store;
    private final EnvironmentAccess access;

    public McpService(EnvironmentConfigStore store, EnvironmentAccess access) {
        this.store = store;
        this.access = access;
    }

    public List<EnvironmentMcp> list(Caller caller, String environmentId) {
        return store.mcps(access.resolve(caller, environmentId).id());
    }

    /** config is JSON-shaped values (Map, List, String, Number, Boolean) as the front doors read them. */
    public EnvironmentMcp create(Caller caller, String environmentId, String name, String transport, Object config) {
        String finalName = validName(name);
        McpTransport finalTransport = McpTransport.parse("transport", Validation.required("transport", transport));
        McpConfig finalConfig = McpConfigParser.parse(finalTransport, config);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            refuseDuplicate(env, finalName, null);
            String now = access.now();
            EnvironmentMcp mcp = new EnvironmentMcp(
                    access.newId(), env.organizationId(), env.id(), finalName, finalTransport, finalConfig, now, now);
            store.saveMcp(mcp, true);
            access.changed(env);
            return mcp;
        });
    }

    /** A null name, transport or config keeps the current one. */
    public EnvironmentMcp update(
            Caller caller, String environmentId, String id, String name, String transport, Object config) {
        String newName = name == null ? null : validName(name);
        McpTransport newTransport = McpTransport.parse("transport", transport);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            Validation.required("mcp_id", id);
            EnvironmentMcp current = store.mcps(env.id()).stream()
                    .filter(m -> m.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> missing(env, id));
            if (newTransport != null && newTransport != current.transport() && config == null) {
                throw DomainException.invalid(
                        "Changing 'transport' from '" + current.transport().wire() + "' to '" + newTransport.wire()
                                + "' needs a 'config' of the new shape.");
            }
            McpTransport finalTransport = newTransport == null ? current.transport() : newTransport;
            McpConfig finalConfig = config == null ? current.config() : McpConfigParser.parse(finalTransport, config);
            if (newName != null) {
                refuseDuplicate(env, newName, current.id());
            }
            EnvironmentMcp updated = new EnvironmentMcp(
                    current.id(),
                    current.organizationId(),
                    env.id(),
                    newName == null ? current.name() : newName,
                    finalTransport,
                    finalConfig,
                    current.createdAt(),
                    access.now());
            store.saveMcp(updated, false);
            access.changed(env);
            return updated;
        });
    }

    public void delete(Caller caller, String environmentId, String id) {
        access.tx().run(() -> {
            Environment env = access.resolve(caller, environmentId);
            if (!store.delete(EnvironmentConfigStore.Item.MCP, env.id(), Validation.required("mcp_id", id))) {
                throw missing(env, id);
            }
            access.changed(env);
        });
    }

    private static DomainException missing(Environment env, String id) {
        return EnvironmentAccess.missing("MCP server", "mcp_id", id, env, "list_environment_mcps");
    }

    private void refuseDuplicate(Environment env, String name, String exceptId) {
        store.mcps(env.id()).stream()
                .filter(m -> m.name().equals(name) && !m.id().equals(exceptId))
                .findFirst()
                .ifPresent(existing -> {
                    throw DomainException.conflict("Environment '" + env.name() + "' already has an MCP server named '"
                            + name + "' (id " + existing.id() + "). Choose another name or update that one.");
                });
    }

    private static String validName(String name) {
        Validation.required("name", name);
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid("Field 'name' must be 1–64 letters, digits, '-' or '_', starting with a "
                    + "letter or digit (pattern ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$); got '"
                    + Validation.abbreviate(name, 70) + "'.");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : RESERVED) {
            if (lower.startsWith(prefix)) {
                throw DomainException.invalid(
                        "Field 'name' may not start with the reserved prefix '" + prefix + "'. Choose another name.");
            }
        }
        return name;
    }
}
