package dev.replicasmcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The library's copy is found by a name made of the JVM's own platform properties. */
class NativeSqliteTest {

    @Test
    void theCopysFolderIsNamedByVersionAndPlatformAsAFileName() {
        assertThat(NativeSqlite.folderName("3.53.4.0", "Linux", "amd64")).isEqualTo("sqlite-jdbc-3.53.4.0-Linux-amd64");
        assertThat(NativeSqlite.folderName("3.53.4.0", "Mac OS X", "aarch64"))
                .isEqualTo("sqlite-jdbc-3.53.4.0-Mac_OS_X-aarch64");
        assertThat(NativeSqlite.folderName("3.53.4.0", "Windows 11", "x86/64")).doesNotContain("/", " ");
    }
}
