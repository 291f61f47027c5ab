package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Variables of an environment: exported to hooks and agents; encrypted at rest, read back in plaintext. */
public final class VariableService {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,255}$");
    static final int MAX_VALUE_BYTES = 65_536;

    private final EnvironmentConfigStore store;
    private final EnvironmentAccess access;

    public VariableService(EnvironmentConfigStore store, EnvironmentAccess access) {
        this.store = store;
        this.access = access;
    }

    public List<EnvironmentVariable> list(Caller caller, String environmentId) {
        return store.variables(access.resolve(caller, environmentId).id());
    }

    public EnvironmentVariable create(Caller caller, String environmentId, String key, String value) {
        String finalKey = validKey(key);
        String finalValue = validValue(value);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            refuseDuplicate(env, finalKey, null);
            String now = access.now();
            EnvironmentVariable variable = new EnvironmentVariable(
                    access.newId(), env.organizationId(), env.id(), finalKey, finalValue, now, now);
            store.saveVariable(variable, true);
            access.changed(env);
            return variable;
        });
    }

    public EnvironmentVariable update(Caller caller, String environmentId, String id, String key, String value) {
        String newKey = key == null ? null : validKey(key);
        String newValue = value == null ? null : validValue(value);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            EnvironmentVariable current = find(env, id);
            if (newKey != null) {
                refuseDuplicate(env, newKey, current.id());
            }
            EnvironmentVariable updated = new EnvironmentVariable(
                    current.id(),
                    current.organizationId(),
                    env.id(),
                    newKey == null ? current.key() : newKey,
                    newValue == null ? current.value() : newValue,
                    current.createdAt(),
                    access.now());
            store.saveVariable(updated, false);
            access.changed(env);
            return updated;
        });
    }

    public void delete(Caller caller, String environmentId, String id) {
        access.tx().run(() -> {
            Environment env = access.resolve(caller, environmentId);
            if (!store.delete(EnvironmentConfigStore.Item.VARIABLE, env.id(), Validation.required("variable_id", id))) {
                throw missingVariable(env, id);
            }
            access.changed(env);
        });
    }

    private EnvironmentVariable find(Environment env, String id) {
        Validation.required("variable_id", id);
        return store.variables(env.id()).stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> missingVariable(env, id));
    }

    private static DomainException missingVariable(Environment env, String id) {
        return EnvironmentAccess.missing("variable", "variable_id", id, env, "list_environment_variables");
    }

    private void refuseDuplicate(Environment env, String key, String exceptId) {
        store.variables(env.id()).stream()
                .filter(v -> v.key().equals(key) && !v.id().equals(exceptId))
                .findFirst()
                .ifPresent(existing -> {
                    throw DomainException.conflict("Environment '" + env.name() + "' already has a variable '" + key
                            + "' (id " + existing.id() + "). Update that one with update_environment_variable.");
                });
    }

    private static String validKey(String key) {
        Validation.required("key", key);
        if (!KEY.matcher(key).matches()) {
            throw DomainException.invalid("Field 'key' must be a shell variable name: letters, digits and _ , not "
                    + "starting with a digit (e.g. DATABASE_URL); got '" + Validation.abbreviate(key, 60) + "'.");
        }
        return key;
    }

    private static String validValue(String value) {
        if (value == null) {
            throw DomainException.invalid("Field 'value' is required (it may be an empty string).");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            throw DomainException.invalid("Field 'value' is " + bytes + " bytes; the limit is " + MAX_VALUE_BYTES
                    + " bytes. Put large content in an environment file instead.");
        }
        if (value.indexOf('\0') >= 0) {
            throw DomainException.invalid(
                    "Field 'value' contains a NUL byte, which an environment variable cannot hold.");
        }
        return value;
    }
}
