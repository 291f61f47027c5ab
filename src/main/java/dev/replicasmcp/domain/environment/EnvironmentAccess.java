package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import java.time.Clock;

/**
 * What every service of an environment's contents shares: finding the environment (by id or
 * 'global'), the clock and ids, and telling listeners (the warm pool) that its contents changed.
 */
public final class EnvironmentAccess {

    private final EnvironmentService environments;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    public EnvironmentAccess(EnvironmentService environments, Transactions tx, Clock clock, Ids ids) {
        this.environments = environments;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    public Environment resolve(Caller caller, String environmentId) {
        return environments.get(caller, "environment_id", environmentId);
    }

    public Transactions tx() {
        return tx;
    }

    public String now() {
        return Timestamps.now(clock);
    }

    public String newId() {
        return ids.get();
    }

    /** Called after a change that makes prepared workspaces out of date. */
    public void changed(Environment environment) {
        environments.changed(environment);
    }

    public static DomainException missing(
            String what, String field, String id, Environment environment, String listTool) {
        return DomainException.notFound("No " + what + " with id '" + Validation.abbreviate(String.valueOf(id), 60)
                + "' in environment '" + environment.name() + "' (field '" + field + "'). Call " + listTool
                + " to see the ids.");
    }
}
