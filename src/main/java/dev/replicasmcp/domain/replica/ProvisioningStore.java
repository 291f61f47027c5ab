package dev.replicasmcp.domain.replica;

import java.util.Optional;

/** Persistence of what provisioning applied to each replica. */
public interface ProvisioningStore {

    void save(Provisioning provisioning);

    Optional<Provisioning> find(String replicaId);
}
