package dev.replicasmcp.domain.pool;

import java.util.List;
import java.util.Optional;

/** Persistence of warm pool configs and their workspaces. */
public interface WarmPoolStore {

    Optional<WarmPoolConfig> configForEnvironment(String environmentId);

    Optional<WarmPoolConfig> config(String organizationId, String configId);

    void saveConfig(WarmPoolConfig config, boolean isNew);

    List<WarmPoolConfig> enabledConfigs();

    void insertWorkspace(PoolWorkspace workspace);

    void updateWorkspace(String id, PoolStatus status, String errorMessage, String at);

    void setPath(String id, String path);

    /** Moves a workspace from one status to another only if it is still in the first; true when it moved. */
    boolean transition(String id, PoolStatus from, PoolStatus to, String at);

    Optional<PoolWorkspace> workspace(String id);

    /** Newest first. */
    List<PoolWorkspace> workspaces(String configId, int limit);

    List<PoolWorkspace> inStatus(String configId, PoolStatus status);

    PoolCounts counts(String configId);

    /** Every workspace in the status, across pools (for recovery after a restart). */
    List<PoolWorkspace> allInStatus(PoolStatus status);
}
