package dev.replicasmcp.domain.hook;

/** Hears about a running hook about once a second, so a client can show it is alive. */
@FunctionalInterface
public interface HookProgress {

    HookProgress NONE = (elapsedMs, outputChars, lastLine) -> {};

    void update(long elapsedMs, int outputChars, String lastLine);
}
