package dev.replicasmcp.domain.hook;

import java.util.List;

/** All hook runs of a replica, in execution order. */
public record HookLogs(List<WarmHookLog> warmHooks, List<StartHookLog> startHooks) {}
