package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.chat.Image;
import java.util.List;

/** A create-replica request as the caller gave it (spec §4.2); the service validates every field. */
public record CreateReplica(
        String name,
        String message,
        String environmentId,
        List<String> repositoryIds,
        String repositorySetId,
        String codingAgent,
        String model,
        List<Image> images,
        String lifecyclePolicy,
        String thinkingLevel,
        Boolean planMode) {}
