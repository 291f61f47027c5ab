package dev.replicasmcp.runtime.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The environment variables every hook and agent process carries, so that it can be found again through
 * /proc/PID/environ even after it left its process group and session (setsid) or was re-parented to init:
 * which data folder's server started it (two servers on one machine never touch each other's processes),
 * the pid of that server (a later run of the same data folder ends what an earlier run left), and the
 * workspace, replica and chat it works for.
 */
public record ProcessMarker(String dataId, long serverPid) {

    public static final String DATA = "REPLICAS_DATA_ID";
    public static final String SERVER_PID = "REPLICAS_SERVER_PID";
    public static final String WORKSPACE = "REPLICAS_WORKSPACE";
    public static final String REPLICA = "REPLICAS_REPLICA_ID";
    public static final String CHAT = "REPLICAS_CHAT_ID";

    /** The marker of this server process on that data folder. */
    public static ProcessMarker of(Path dataDir) {
        return new ProcessMarker(
                digest(dataDir.toAbsolutePath().normalize().toString()),
                ProcessHandle.current().pid());
    }

    /** A marker no other server shares: for parts built without a data folder (tests, one-off commands). */
    public static ProcessMarker unique() {
        return new ProcessMarker(
                digest(UUID.randomUUID().toString()), ProcessHandle.current().pid());
    }

    /** The variables to add to a child's environment; null workspace, replica or chat are left out. */
    public Map<String, String> env(Path workspace, String replicaId, String chatId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DATA, dataId);
        env.put(SERVER_PID, Long.toString(serverPid));
        if (workspace != null) {
            env.put(WORKSPACE, workspace.toAbsolutePath().normalize().toString());
        }
        if (replicaId != null) {
            env.put(REPLICA, replicaId);
        }
        if (chatId != null) {
            env.put(CHAT, chatId);
        }
        return env;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
