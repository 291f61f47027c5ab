package dev.replicasmcp.domain.environment;

import java.util.Set;

/**
 * A partial update: null fields stay as they are; fields named in `clear` become null. Setting one
 * repository binding clears the other, so an environment never has both.
 */
public record UpdateEnvironment(
        String name,
        String description,
        String repositoryId,
        String repositorySetId,
        String systemPrompt,
        Set<String> clear) {

    public static final Set<String> CLEARABLE =
            Set.of("description", "repository_id", "repository_set_id", "system_prompt");
}
