package dev.replicasmcp.storage;

import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the key that encrypts secrets at rest comes from: the REPLICAS_SECRET_KEY environment variable
 * (base64 of 32 bytes) when set, else a key file in the data folder that only its owner can read,
 * created on first use.
 */
public final class SecretKeys {

    public static final String ENV = "REPLICAS_SECRET_KEY";
    static final String FILE = "secret.key";

    private SecretKeys() {}

    public static byte[] load(Path dataDir, String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return decode(fromEnvironment.trim(), ENV);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnly.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; use theirs
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String base64, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below without echoing the value
        }
        throw new IllegalStateException("The secret key in " + where + " must be base64 of exactly 32 bytes "
                + "(e.g. `openssl rand -base64 32`).");
    }
}
