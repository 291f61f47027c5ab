package dev.replicasmcp.domain.account;

import java.util.Optional;

/** Where the local organization and its user are kept. */
public interface LocalAccountStore {

    Optional<LocalAccount> find();

    void insert(LocalAccount account, String createdAt);
}
