package dev.replicasmcp.app;

import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key an HTTP server makes on its first start, when no key is active: written once to
 * {@code <data dir>/api-key}, readable by its owner only. Logs say where it is, never what it is.
 */
public final class ApiKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFile.class);
    public static final String NAME = "api-key";

    private ApiKeyFile() {}

    /** Makes and stores a key when none is active; answers the file when one was written now. */
    public static Optional<Path> ensure(ApiKeyService keys, LocalAccount account, AuditLog audit, Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (keys.anyActive()) {
            if (Files.exists(file)) {
                LOG.info("API keys are active; the key made on first start is in {} (if not revoked since)", file);
            } else {
                LOG.info("API keys are active; `keys create --name NAME` makes another");
            }
            return Optional.empty();
        }
        ApiKeyService.Created created = keys.create(account.organizationId(), null, "first start");
        KeyAudit.record(audit, KeyAudit.FIRST_START, account.organizationId(), "api_key.created", null, created.key());
        write(file, created.plaintext() + "\n");
        LOG.info(
                "No API key was active, so one was made: it is in {} (readable only by you). Send it as "
                        + "'Authorization: Bearer <key>'. `keys create --name NAME` makes more.",
                file);
        return Optional.of(file);
    }

    static void write(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            OwnerOnly.createFile(file);
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the API key file " + file + ": " + e.getMessage(), e);
        }
    }
}
