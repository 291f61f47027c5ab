package dev.replicasmcp.domain.pool;

import dev.replicasmcp.domain.WireName;

/**
 * Where a pool workspace is: warming (hooks running) → ready (claimable) → assigned (given to a
 * replica); ready → stale when the environment changed; failed when a hook failed; expired when retired.
 */
public enum PoolStatus implements WireName {
    WARMING,
    READY,
    STALE,
    ASSIGNED,
    EXPIRED,
    FAILED
}
