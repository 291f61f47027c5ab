package dev.replicasmcp.domain.pool;

import dev.replicasmcp.domain.Ids;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pass does for one pool: the workspaces it reserved (new WARMING rows) and whether the pool is
 * full enough to retire its stale ones. Decided and reserved in one transaction, see {@link #reserve}.
 */
record PoolFill(WarmPoolConfig config, boolean retireStale, List<PoolWorkspace> started) {

    private static final PoolFill NOTHING = new PoolFill(null, false, List.of());

    /**
     * Reads the pool as it is now and inserts the missing workspaces; call inside a transaction. Read in
     * separate statements, a warm-up finishing between the READY and the WARMING read was counted in
     * neither (the pool grew past its target, and nothing retires a surplus ready workspace), and a
     * change committed after the config was listed made workspaces of the old generation start.
     */
    static PoolFill reserve(WarmPoolStore store, WarmPoolConfig listed, String now, Ids ids) {
        WarmPoolConfig config = store.config(listed.organizationId(), listed.id())
                .filter(WarmPoolConfig::enabled)
                .orElse(null);
        if (config == null
                || config.nextRetryAt() != null && config.nextRetryAt().compareTo(now) > 0) {
            return NOTHING;
        }
        int ready = store.inStatus(config.id(), PoolStatus.READY).size();
        long warming = store.inStatus(config.id(), PoolStatus.WARMING).stream()
                .filter(ws -> ws.generation() == config.generation())
                .count();
        List<PoolWorkspace> started = new ArrayList<>();
        for (long i = ready + warming; i < config.targetSize(); i++) {
            PoolWorkspace ws = new PoolWorkspace(
                    ids.get(),
                    config.organizationId(),
                    config.id(),
                    "local-" + ids.get().substring(0, 8),
                    PoolStatus.WARMING,
                    config.generation(),
                    "",
                    null,
                    now,
                    now);
            store.insertWorkspace(ws);
            started.add(ws);
        }
        return new PoolFill(config, ready >= config.targetSize(), List.copyOf(started));
    }
}
