package dev.replicasmcp.runtime.agent;

/** Small checks the agent tests share. */
final class AgentTestSupport {

    private AgentTestSupport() {}

    /** A zombie (exited, not yet reaped) counts as gone: it runs nothing. */
    /** Where an agent works: the one repository cloned under ~/workspaces. */
    static java.nio.file.Path workFolder(java.nio.file.Path home) throws java.io.IOException {
        try (var folders = java.nio.file.Files.list(home.resolve("workspaces"))) {
            java.util.List<java.nio.file.Path> all =
                    folders.filter(java.nio.file.Files::isDirectory).toList();
            org.assertj.core.api.Assertions.assertThat(all)
                    .as("cloned repositories")
                    .hasSize(1);
            return all.get(0);
        }
    }

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
