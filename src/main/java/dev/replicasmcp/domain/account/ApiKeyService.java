package dev.replicasmcp.domain.account;

import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Sha256;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Validation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys `sk_replicas_<random>`: shown once when made, stored as a SHA-256 hash and a short prefix.
 * A key identifies its organization; authenticating answers the caller it acts as.
 */
public final class ApiKeyService {

    public static final String PREFIX = "sk_replicas_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_CHARS = 40;
    private static final int SHOWN_CHARS = PREFIX.length() + 6;

    private final ApiKeyStore store;
    private final Clock clock;
    private final Ids ids;
    private final SecureRandom random = new SecureRandom();

    /** A key just made: the only time its plaintext exists outside the caller's hands. */
    public record Created(ApiKey key, String plaintext) {}

    public ApiKeyService(ApiKeyStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    public Created create(String organizationId, String userId, String name) {
        String finalName = Validation.required("name", name).trim();
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String plaintext = key.toString();
        ApiKey stored = new ApiKey(
                ids.get(),
                organizationId,
                userId,
                finalName,
                plaintext.substring(0, SHOWN_CHARS),
                hash(plaintext),
                Timestamps.now(clock),
                null,
                null);
        store.insert(stored);
        return new Created(stored, plaintext);
    }

    /** The caller a key acts as, or empty for a missing, unknown or revoked key. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return callerOf(hash(presented));
    }

    /**
     * The caller the key with this {@link #fingerprint} acts as, or empty for an unknown or revoked one: for
     * a caller that needs the fingerprint anyway (an MCP session's owner), so the key is hashed once.
     */
    public Optional<Caller> callerOf(String fingerprint) {
        Optional<ApiKey> key = store.findByHash(fingerprint).filter(k -> !k.revoked());
        // last_used_at is for people, minute precision is plenty: no write on every request.
        Instant now = clock.instant();
        key.filter(k -> k.lastUsedAt() == null || k.lastUsedAt().compareTo(Timestamps.format(now.minusSeconds(60))) < 0)
                .ifPresent(k -> store.touch(k.id(), Timestamps.format(now)));
        return key.map(k -> new Caller(k.organizationId(), k.userId(), Actor.apiKey(k.id(), k.name())));
    }

    /**
     * The stored fingerprint (SHA-256) of a presented key: what long-lived things (event streams, MCP
     * sessions) remember their key by, so they never hold the key itself.
     */
    public static String fingerprint(String presented) {
        return hash(presented);
    }

    /** Whether the key with this fingerprint exists and is not revoked; read from the database each time. */
    public boolean active(String fingerprint) {
        return store.findByHash(fingerprint).filter(k -> !k.revoked()).isPresent();
    }

    public List<ApiKey> list() {
        return store.list();
    }

    public void revoke(String idOrPrefix) {
        Validation.required("key", idOrPrefix);
        if (store.revoke(idOrPrefix.trim(), Timestamps.now(clock)) == 0) {
            throw DomainException.notFound("No active key with id or prefix '" + Validation.abbreviate(idOrPrefix, 40)
                    + "'. `keys list` shows them.");
        }
    }

    public boolean anyActive() {
        return store.countActive() > 0;
    }

    static String hash(String plaintext) {
        return Sha256.hex(plaintext);
    }
}
