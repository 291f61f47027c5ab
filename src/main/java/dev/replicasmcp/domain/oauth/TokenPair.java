package dev.replicasmcp.domain.oauth;

import java.time.Duration;

/** What a token request answers: the plaintext tokens (never stored), the access token's lifetime, the scope. */
public record TokenPair(String accessToken, Duration accessLifetime, String refreshToken, String scope) {}
