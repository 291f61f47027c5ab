package dev.replicasmcp.domain.account;

import java.util.List;
import java.util.Optional;

/** Persistence of API keys. */
public interface ApiKeyStore {

    void insert(ApiKey key);

    Optional<ApiKey> findByHash(String keyHash);

    /** Every key of every organization, newest first. */
    List<ApiKey> list();

    /** Revokes keys whose id or prefix is given; returns how many changed. */
    int revoke(String idOrPrefix, String at);

    void touch(String id, String at);

    int countActive();
}
