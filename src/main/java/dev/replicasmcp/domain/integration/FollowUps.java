package dev.replicasmcp.domain.integration;

/** Sends a later event of a pull request or thread to the replica its first event started. */
@FunctionalInterface
public interface FollowUps {

    /** False when that replica is gone (deleted) or broken (status error), so a new run is started instead. */
    boolean send(String organizationId, String replicaId, String text);
}
