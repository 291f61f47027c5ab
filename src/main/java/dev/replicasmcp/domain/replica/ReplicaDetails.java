package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.chat.Chat;
import java.util.List;

/** A replica with its engine-derived state, as get_replica returns it. */
public record ReplicaDetails(
        Replica replica,
        List<RepositoryStatus> repositoryStatuses,
        Boolean waking,
        List<Chat> chats,
        ReplicaEnvironment environment) {}
