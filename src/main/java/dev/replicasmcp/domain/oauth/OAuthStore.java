package dev.replicasmcp.domain.oauth;

import java.util.List;
import java.util.Optional;

/** Clients, grants and token hashes of OAuth sign-in. */
public interface OAuthStore {

    void insertClient(OAuthClient client);

    Optional<OAuthClient> findClient(String id);

    void insertGrant(Grant grant);

    Optional<Grant> findGrant(String id);

    Optional<Grant> findGrantByCode(String codeHash);

    /** Marks the code of a grant used, once: 1 when this call did, 0 when it was used already. */
    int useCode(String grantId, String at);

    /** Every grant, newest first. */
    List<Grant> grants();

    /** Revokes a grant not yet revoked; returns how many changed. */
    int revokeGrant(String id, String at);

    void touchGrant(String id, String at);

    void insertToken(Token token);

    Optional<Token> findToken(String hash);

    /** Retires a refresh token not yet retired: 1 when this call did, 0 when it was retired already. */
    int retireToken(String hash, String at);
}
