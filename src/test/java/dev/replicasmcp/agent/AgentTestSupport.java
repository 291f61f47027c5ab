package dev.replicasmcp.agent;

/** Small checks the agent tests share. */
final class AgentTestSupport {

    private AgentTestSupport() {
    }

    /** A zombie (exited, not yet reaped) counts as gone: it runs nothing. */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(p -> p.isAlive() && !zombie(pid)).orElse(false);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
