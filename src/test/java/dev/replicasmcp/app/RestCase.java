package dev.replicasmcp.app;

/** One hostile REST request: method, path with query, and body (null: none). */
record RestCase(String method, String path, String body) {}
