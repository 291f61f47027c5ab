package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.WireName;

/** Warm hooks run while a pool workspace is prepared; start hooks when a workspace boots. */
public enum HookKind implements WireName {
    WARM,
    START
}
