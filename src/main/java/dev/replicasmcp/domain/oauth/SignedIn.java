package dev.replicasmcp.domain.oauth;

import dev.replicasmcp.domain.Caller;

/** An access token accepted: the caller it acts as, and the grant it belongs to (what its sessions are held by). */
public record SignedIn(Caller caller, String grantId) {}
