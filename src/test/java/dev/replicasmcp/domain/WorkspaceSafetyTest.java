package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestJson;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server writes stays its owner's and stays inside the workspace: owner-only folders and files
 * whatever the umask, no environment file written through a symbolic link a repository brought, and file
 * paths the file system can hold.
 */
class WorkspaceSafetyTest {

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

    @Test
    void theDataFolderTheDatabaseAndTheWorkspaceFilesAreOwnerOnly() throws Exception {
        Environment env = t.environment("private");
        t.services
                .contents()
                .files()
                .create(t.caller, env.id(), "npmrc", "~/.npmrc", "//registry/:_authToken=s3cr3t\n");
        t.services
                .contents()
                .mcps()
                .create(
                        t.caller,
                        env.id(),
                        "remote",
                        "http",
                        TestJson.values(
                                "{\"url\": \"https://mcp.example.com\", \"headers\": {\"Authorization\": \"Bearer s3cr3t\"}}"));
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("private", "hi", env.id()))
                .replica();
        Path home = t.home(replica.id());

        assertThat(mode(t.dataDir())).isEqualTo("rwx------");
        assertThat(mode(t.dataDir().resolve("workspaces"))).isEqualTo("rwx------");
        assertThat(mode(home)).isEqualTo("rwx------");
        for (String name : new String[] {"replicas.db", "replicas.db-wal", "replicas.db-shm", "secret.key"}) {
            assertThat(mode(t.dataDir().resolve(name))).as(name).isEqualTo("rw-------");
        }
        assertThat(mode(home.resolve(".npmrc"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve(".mcp.json"))).isEqualTo("rw-------");
    }

    @Test
    void environmentFilesAreNotWrittenThroughSymbolicLinksInTheRepository() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path target = Files.writeString(outside.resolve("target.txt"), "untouched");
        Repository repository = t.repository("linked");
        Path source = t.source("linked");
        Files.createSymbolicLink(source.resolve("link"), outside);
        Files.createSymbolicLink(source.resolve("file.env"), target);
        TestRepos.git(source, "add", "link", "file.env");
        TestRepos.commit(source, "links");
        Environment viaFolder =
                t.services.environments().create(t.caller, "via-folder", null, repository.id(), null, null);
        t.services.contents().files().create(t.caller, viaFolder.id(), "x", "~/workspaces/linked/link/x", "escaped");

        assertThatThrownBy(() ->
                        t.services.replicas().create(t.caller, TestCore.create("via-folder", "hi", viaFolder.id())))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("~/workspaces/linked/link is a symbolic link");
        assertThat(outside.resolve("x")).doesNotExist();

        Environment viaFile = t.services.environments().create(t.caller, "via-file", null, repository.id(), null, null);
        t.services.contents().files().create(t.caller, viaFile.id(), "env", "~/workspaces/linked/file.env", "escaped");
        assertThatThrownBy(
                        () -> t.services.replicas().create(t.caller, TestCore.create("via-file", "hi", viaFile.id())))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("~/workspaces/linked/file.env")
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("untouched");
        assertThat(t.services
                        .replicas()
                        .list(t.caller, 1, 100, null, null, null)
                        .replicas())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReplicaStatus.ERROR));
    }

    /** Both ways a repository can stand in a file's way: a symbolic link, and a file where a folder must be. */
    @Test
    void aFileThatCannotBeWrittenFailsOnlyTheReplicasOfItsEnvironmentWithTheReasonInTheirHookLog() throws Exception {
        Repository repository = t.repository("shared");
        Path source = t.source("shared");
        Files.createSymbolicLink(source.resolve("link"), Files.createDirectories(dir.resolve("elsewhere")));
        Files.writeString(source.resolve("notes"), "a file, not a folder\n");
        TestRepos.git(source, "add", "link", "notes");
        TestRepos.commit(source, "a link and a file");
        Environment linked = t.services.environments().create(t.caller, "linked", null, repository.id(), null, null);
        t.services.contents().files().create(t.caller, linked.id(), "x", "~/workspaces/shared/link/x", "x");
        Environment blocked = t.services.environments().create(t.caller, "blocked", null, repository.id(), null, null);
        t.services.contents().files().create(t.caller, blocked.id(), "y", "~/workspaces/shared/notes/y", "y");
        Environment fine = t.services.environments().create(t.caller, "fine", null, repository.id(), null, null);
        t.services.contents().files().create(t.caller, fine.id(), "z", "~/workspaces/shared/z.env", "z");

        assertFailsWithHookLog(linked, "~/workspaces/shared/link is a symbolic link");
        assertFailsWithHookLog(blocked, "~/workspaces/shared/notes/y");

        Replica ok = t.services
                .replicas()
                .create(t.caller, TestCore.create("fine", "hi", fine.id()))
                .replica();
        assertThat(ok.status()).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(t.home(ok.id()).resolve("workspaces/shared/z.env")).hasContent("z");
        assertThat(t.services.replicas().hooks(t.caller, ok.id()).startHooks()).isEmpty();
    }

    private void assertFailsWithHookLog(Environment environment, String reason) {
        assertThatThrownBy(() -> t.services
                        .replicas()
                        .create(t.caller, TestCore.create(environment.name(), "hi", environment.id())))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(reason);
        Replica failed = t.services.replicas().list(t.caller, 1, 100, null, null, null).replicas().stream()
                .filter(r -> r.environmentId().equals(environment.id()))
                .findFirst()
                .orElseThrow();
        assertThat(failed.status()).isEqualTo(ReplicaStatus.ERROR);
        var logs = t.services.replicas().hooks(t.caller, failed.id()).startHooks();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).hookType()).isEqualTo("environment");
        assertThat(logs.get(0).exitCode()).isEqualTo(1);
        assertThat(logs.get(0).output()).contains(reason).contains("Provisioning the workspace failed");
    }

    @Test
    void pathsLongerThanTheFileSystemTakesAreRefusedWhenTheFileIsSaved() throws Exception {
        Environment env = t.environment("long-names");
        String segment = "a".repeat(256);
        Fails.invalid(
                () -> t.services.contents().files().create(t.caller, "global", "long", "~/" + segment, "x"),
                "256 bytes");
        // Counted in bytes: 128 two-byte characters are 256 bytes.
        Fails.invalid(
                () -> t.services.contents().files().create(t.caller, env.id(), "wide", "~/" + "é".repeat(128), "x"),
                "256 bytes");
        String deep = "~/" + ("d".repeat(200) + "/").repeat(20) + "f";
        Fails.invalid(() -> t.services.contents().files().create(t.caller, env.id(), "deep", deep, "x"), "bytes long");
        var saved = t.services.contents().files().create(t.caller, env.id(), "ok", "~/" + "a".repeat(255), "x");
        Fails.invalid(
                () -> t.services.contents().files().update(t.caller, env.id(), saved.id(), null, "~/" + segment, null),
                "256 bytes");
        assertThat(t.services.contents().files().list(t.caller, "global")).isEmpty();
        assertThat(Set.of(t.services
                        .contents()
                        .files()
                        .list(t.caller, env.id())
                        .get(0)
                        .path()))
                .containsExactly("~/" + "a".repeat(255));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
