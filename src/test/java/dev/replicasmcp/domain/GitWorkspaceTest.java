package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.GitDiff;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.RepositoryStatus;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositorySet;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each repository of a replica is a real clone in ~/workspaces/<repo-name> on branch replicas/<name>. */
class GitWorkspaceTest {

    @TempDir
    Path dir;

    TestCore t;

    @BeforeEach
    void start() {
        t = new TestCore(dir, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    Replica create(String name, String environmentId) {
        return t.services
                .replicas()
                .create(t.caller, TestCore.create(name, "hi", environmentId))
                .replica();
    }

    RepositoryStatus status(Replica replica, Set<String> include) {
        return t.services
                .replicas()
                .get(t.caller, replica.id(), include)
                .repositoryStatuses()
                .get(0);
    }

    @Test
    void theRepositoryIsClonedOnANewBranchAndTheSourceIsLeftAlone() throws Exception {
        Repository repository = t.repository("app");
        TestRepos.commitFile(t.source("app"), "src/Main.java", "class Main {}\n");
        Environment env = t.services.environments().create(t.caller, "app-env", null, repository.id(), null, null);

        Replica replica = create("fix:bug~1", env.id());
        Path clone = t.home(replica.id()).resolve("workspaces/app");
        assertThat(clone.resolve(".git")).isDirectory();
        assertThat(clone.resolve("src/Main.java")).hasContent("class Main {}");
        assertThat(TestRepos.git(clone, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("replicas/fix-bug-1");
        assertThat(TestRepos.git(clone, "rev-parse", "HEAD"))
                .isEqualTo(TestRepos.git(t.source("app"), "rev-parse", "main"));
        assertThat(TestRepos.git(t.source("app"), "branch", "--list")).doesNotContain("replicas/");

        RepositoryStatus status = status(replica, Set.of());
        assertThat(status.repository()).isEqualTo("app");
        assertThat(status.branch()).isEqualTo("replicas/fix-bug-1");
        assertThat(status.defaultBranch()).isEqualTo("main");
        assertThat(status.gitDiff()).isEqualTo(new GitDiff(0, 0, ""));

        // The branch reported is the one checked out now.
        TestRepos.git(clone, "checkout", "-q", "-b", "experiment");
        assertThat(status(replica, Set.of()).branch()).isEqualTo("experiment");
    }

    @Test
    void aReplicaOverARepositorySetHasEveryRepositoryClonedAndReported() throws Exception {
        Repository api = t.repository("api");
        Repository web = t.services
                .repositories()
                .add(
                        t.caller,
                        TestRepos.create(dir.resolve("org"), "web", "trunk").toString(),
                        "acme/web",
                        null);
        RepositorySet set = t.services.repositories().createSet(t.caller, "stack", null, List.of(api.id(), web.id()));
        Environment env = t.services.environments().create(t.caller, "stack-env", null, null, set.id(), null);

        Replica replica = create("both", env.id());
        Path home = t.home(replica.id());
        assertThat(TestRepos.git(home.resolve("workspaces/api"), "rev-parse", "--abbrev-ref", "HEAD"))
                .isEqualTo("replicas/both");
        assertThat(TestRepos.git(home.resolve("workspaces/web"), "rev-parse", "--abbrev-ref", "HEAD"))
                .isEqualTo("replicas/both");
        List<RepositoryStatus> statuses =
                t.services.replicas().get(t.caller, replica.id(), Set.of()).repositoryStatuses();
        assertThat(statuses).extracting(RepositoryStatus::repository).containsExactly("api", "acme/web");
        assertThat(statuses).extracting(RepositoryStatus::defaultBranch).containsExactly("main", "trunk");
        assertThat(statuses).allSatisfy(s -> assertThat(s.gitDiff()).isEqualTo(new GitDiff(0, 0, "")));
    }

    @Test
    void diffsCountEditedCommittedAndNewFilesAndTheFullTextOnlyWhenAsked() throws Exception {
        Environment env = t.environment("diffs");
        Replica replica = create("differ", env.id());
        Path clone = t.home(replica.id()).resolve("workspaces/diffs-repo");

        Files.writeString(clone.resolve("README.md"), "# changed title\nsecond line\n");
        Files.writeString(clone.resolve("notes.txt"), "one\ntwo\nthree");
        Files.createDirectories(clone.resolve("docs"));
        Files.writeString(clone.resolve("docs/guide.md"), "guide\n");
        Files.write(clone.resolve("logo.bin"), new byte[] {1, 0, 2, 3});
        Files.writeString(clone.resolve(".gitignore"), "build/\n");
        Files.createDirectories(clone.resolve("build"));
        Files.writeString(clone.resolve("build/out.txt"), "ignored\nlines\n");

        GitDiff counts = status(replica, Set.of()).gitDiff();
        // README: 1 removed, 2 added; notes.txt 3; docs/guide.md 1; .gitignore 1; the binary and ignored files 0.
        assertThat(counts).isEqualTo(new GitDiff(7, 1, ""));

        GitDiff full = status(replica, Set.of("diffs")).gitDiff();
        assertThat(full.added()).isEqualTo(7);
        assertThat(full.fullDiff())
                .contains(
                        "-# diffs-repo",
                        "+# changed title",
                        "+second line",
                        "+++ b/notes.txt",
                        "+three\n\\ No newline at end of file",
                        "+++ b/docs/guide.md",
                        "Binary files /dev/null and b/logo.bin differ")
                .doesNotContain("ignored");

        // A commit on the branch still counts: the base is where the branch started.
        TestRepos.git(clone, "add", "notes.txt");
        TestRepos.commit(clone, "notes");
        assertThat(status(replica, Set.of()).gitDiff()).isEqualTo(new GitDiff(7, 1, ""));
        Files.delete(clone.resolve("notes.txt"));
        assertThat(status(replica, Set.of()).gitDiff()).isEqualTo(new GitDiff(4, 1, ""));
    }

    @Test
    void environmentFilesUnderTheRepositoryFolderLandInTheClone() throws Exception {
        Environment env = t.environment("dotenv");
        t.services.contents().files().create(t.caller, env.id(), "env", "~/workspaces/dotenv-repo/.env", "A=1\n");
        Replica replica = create("with-env", env.id());
        Path clone = t.home(replica.id()).resolve("workspaces/dotenv-repo");
        assertThat(clone.resolve(".env")).hasContent("A=1");
        assertThat(clone.resolve("README.md")).hasContent("# dotenv-repo");
        assertThat(TestRepos.git(clone, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("replicas/with-env");
        assertThat(status(replica, Set.of()).gitDiff().added())
                .as("the .env file is new to git")
                .isEqualTo(1);
    }

    @Test
    void aRepositoryThatCannotBeClonedPutsTheReplicaInErrorAndLeavesNoFolder() throws Exception {
        Environment env = t.environment("vanishing");
        TestRepos.git(t.source("vanishing-repo"), "branch", "-m", "main", "renamed");

        DomainException error = Fails.with(
                DomainException.Kind.UNAVAILABLE,
                () -> t.services.replicas().create(t.caller, TestCore.create("doomed", "hi", env.id())),
                "Cloning",
                "branch main",
                "status 'error'");
        Replica failed = t.services
                .replicas()
                .list(t.caller, null, null, null, null, null)
                .replicas()
                .get(0);
        assertThat(error.getMessage()).contains(failed.id());
        assertThat(failed.status()).isEqualTo(ReplicaStatus.ERROR);
        assertThat(failed.errorMessage()).contains("Cloning").contains("main");
        assertThat(t.home(failed.id())).doesNotExist();
        assertThat(t.services.replicas().get(t.caller, failed.id(), Set.of()).repositoryStatuses())
                .singleElement()
                .satisfies(s -> assertThat(s.gitDiff()).isNull());
    }
}
