package dev.replicasmcp.runtime.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this server process runs as root (uid 0), which some agent options cannot be used with. */
public final class RootCheck {

    private RootCheck() {}

    /** Reads the effective uid from /proc; where there is none, the user name decides. */
    public static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // Uid: real effective saved filesystem
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux): fall back to the name below.
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
