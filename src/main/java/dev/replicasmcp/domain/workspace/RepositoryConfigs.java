package dev.replicasmcp.domain.workspace;

import java.nio.file.Path;
import java.util.Optional;

/** Reads a repository's configuration file from its working copy; the runtime layer implements it. */
public interface RepositoryConfigs {

    /** Empty when the repository has no config file; throws {@link RepositoryConfig.Invalid} for a bad one. */
    Optional<RepositoryConfig> read(Path repositoryFolder);
}
