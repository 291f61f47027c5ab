package dev.replicasmcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.support.TestCore;
import dev.replicasmcp.support.TestJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach the disk in plaintext: the raw bytes of the SQLite file and its write-ahead log
 * hold only ciphertext, and the key that decrypts them is readable by its owner alone.
 */
class SecretsAtRestTest {

    static final String VARIABLE_SECRET = "var-secret-6d1f0b9a-plaintext";
    static final String FILE_SECRET = "file-secret-c47e2a51-plaintext";
    static final String HEADER_SECRET = "header-secret-93b8e7d2-plaintext";
    static final String UPDATED_SECRET = "updated-secret-1a2b3c4d-plaintext";

    @TempDir
    Path dir;

    @Test
    void theDatabaseAndItsWalHoldOnlyCiphertext() throws Exception {
        Path data = dir.resolve("data");
        try (TestCore t = new TestCore(dir, Duration.ZERO)) {
            Environment env = t.environment("secrets");
            var contents = t.services.contents();
            var variable = contents.variables().create(t.caller, env.id(), "API_TOKEN", VARIABLE_SECRET);
            contents.files().create(t.caller, env.id(), "creds", "~/.creds", "token=" + FILE_SECRET + "\n");
            contents.mcps()
                    .create(
                            t.caller,
                            "global",
                            "remote",
                            "http",
                            TestJson.values("{\"url\": \"https://mcp.example.com\", \"headers\": {\"Authorization\": \""
                                    + HEADER_SECRET + "\"}}"));
            contents.variables().update(t.caller, env.id(), variable.id(), null, UPDATED_SECRET);

            // While the server runs, recent writes live in the -wal file.
            Path wal = data.resolve("replicas.db-wal");
            assertThat(wal).exists();
            String walBytes = raw(wal);
            String dbBytes = raw(data.resolve("replicas.db"));
            assertThat(walBytes + dbBytes).contains("v1:");
            for (String secret : new String[] {VARIABLE_SECRET, FILE_SECRET, HEADER_SECRET, UPDATED_SECRET}) {
                assertThat(walBytes).as("-wal file").doesNotContain(secret);
                assertThat(dbBytes).as("database file").doesNotContain(secret);
            }
            // ... and reads give the plaintext back.
            assertThat(contents.variables().list(t.caller, env.id()))
                    .singleElement()
                    .satisfies(v -> assertThat(v.value()).isEqualTo(UPDATED_SECRET));
            assertThat(contents.files().list(t.caller, env.id()).get(0).content())
                    .contains(FILE_SECRET);
        }
        // After a clean close the log is checkpointed into the database file: still no plaintext there.
        String afterClose = raw(data.resolve("replicas.db"));
        assertThat(afterClose)
                .contains("v1:")
                .doesNotContain(VARIABLE_SECRET, FILE_SECRET, HEADER_SECRET, UPDATED_SECRET);
        if (Files.exists(data.resolve("replicas.db-wal"))) {
            assertThat(raw(data.resolve("replicas.db-wal"))).doesNotContain(VARIABLE_SECRET, UPDATED_SECRET);
        }
    }

    @Test
    void theKeyFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        try (TestCore t = new TestCore(dir, Duration.ZERO)) {
            Path key = data.resolve("secret.key");
            assertThat(key).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(java.util.Base64.getDecoder()
                            .decode(Files.readString(key).trim()))
                    .hasSize(32);
            t.services.contents().variables().create(t.caller, "global", "K", "kept across restarts");
        }
        // The same key file decrypts the values after a restart.
        try (TestCore t = new TestCore(dir, Duration.ZERO)) {
            assertThat(t.services.contents().variables().list(t.caller, "global"))
                    .singleElement()
                    .satisfies(v -> assertThat(v.value()).isEqualTo("kept across restarts"));
        }
    }

    @Test
    void aWrongKeyFailsToDecryptWithoutEchoingAnything() {
        SecretCipher one = new SecretCipher(new byte[32]);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String sealed = one.encrypt(VARIABLE_SECRET, "variable:1");
        assertThat(sealed).startsWith("v1:").doesNotContain(VARIABLE_SECRET);
        assertThat(one.encrypt(VARIABLE_SECRET, "variable:1"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(one.decrypt(sealed, "variable:1")).isEqualTo(VARIABLE_SECRET);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SecretCipher(otherKey).decrypt(sealed, "variable:1"))
                .hasMessageContaining("variable:1")
                .hasMessageNotContaining(VARIABLE_SECRET)
                .hasMessageNotContaining(sealed.substring(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> one.decrypt(sealed, "variable:2"))
                .as("a ciphertext moved to another row does not decrypt")
                .hasMessageContaining("variable:2");
    }

    /** The file's bytes as Latin-1, so every byte maps to one character and ASCII text is found as is. */
    private static String raw(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
