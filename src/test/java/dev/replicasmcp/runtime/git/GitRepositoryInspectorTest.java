package dev.replicasmcp.runtime.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.repository.RepositoryLocation;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryInspectorTest {

    @TempDir
    Path dir;

    final GitRepositoryInspector inspector = new GitRepositoryInspector();

    @Test
    void aLocalRepositoryGivesItsUrlNameAndHeadBranch() throws Exception {
        Path repo = TestRepos.create(dir, "service", "trunk");
        RepositoryLocation found = inspector.inspect("location", repo.toString());
        assertThat(found.url()).isEqualTo("file://" + repo.toRealPath());
        assertThat(found.suggestedName()).isEqualTo("service");
        assertThat(found.defaultBranch()).isEqualTo("trunk");
    }

    @Test
    void remoteUrlsAreNamedOwnerSlashRepo() {
        assertThat(inspector
                        .inspect("location", "https://github.com/acme/api.git")
                        .suggestedName())
                .isEqualTo("acme/api");
        assertThat(inspector.inspect("location", "git@github.com:acme/web.git").suggestedName())
                .isEqualTo("acme/web");
    }

    @Test
    void foldersThatAreNotRepositoriesAndRelativePathsAreRefused() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> inspector.inspect("location", plain.toString()))
                .hasMessageContaining("not a git repository")
                .hasMessageContaining("'location'");
        assertThatThrownBy(() -> inspector.inspect("location", "relative/path")).hasMessageContaining("absolute");
        assertThatThrownBy(() ->
                        inspector.inspect("location", dir.resolve("missing").toString()))
                .hasMessageContaining("no folder");
    }
}
