package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.OAUTH_CLIENTS;
import static dev.replicasmcp.storage.jooq.Tables.OAUTH_GRANTS;
import static dev.replicasmcp.storage.jooq.Tables.OAUTH_TOKENS;

import dev.replicasmcp.domain.oauth.Grant;
import dev.replicasmcp.domain.oauth.OAuthClient;
import dev.replicasmcp.domain.oauth.OAuthStore;
import dev.replicasmcp.domain.oauth.Token;
import dev.replicasmcp.storage.jooq.tables.records.OauthClientsRecord;
import dev.replicasmcp.storage.jooq.tables.records.OauthGrantsRecord;
import dev.replicasmcp.storage.jooq.tables.records.OauthTokensRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** OAuth clients, grants and tokens in SQLite: codes and tokens as hashes only. */
public final class SqlOAuthStore implements OAuthStore {

    private final Database db;

    public SqlOAuthStore(Database db) {
        this.db = db;
    }

    @Override
    public void insertClient(OAuthClient c) {
        db.run(dsl -> dsl.insertInto(OAUTH_CLIENTS)
                .set(OAUTH_CLIENTS.ID, c.id())
                .set(OAUTH_CLIENTS.NAME, c.name())
                .set(OAUTH_CLIENTS.REDIRECT_URIS, String.join("\n", c.redirectUris()))
                .set(OAUTH_CLIENTS.CREATED_AT, c.createdAt())
                .execute());
    }

    @Override
    public Optional<OAuthClient> findClient(String id) {
        return db.with(dsl ->
                dsl.selectFrom(OAUTH_CLIENTS).where(OAUTH_CLIENTS.ID.eq(id)).fetchOptional(SqlOAuthStore::toClient));
    }

    @Override
    public void insertGrant(Grant g) {
        db.run(dsl -> dsl.insertInto(OAUTH_GRANTS)
                .set(OAUTH_GRANTS.ID, g.id())
                .set(OAUTH_GRANTS.CLIENT_ID, g.clientId())
                .set(OAUTH_GRANTS.ORGANIZATION_ID, g.organizationId())
                .set(OAUTH_GRANTS.APPROVED_BY, g.approvedBy())
                .set(OAUTH_GRANTS.RESOURCE, g.resource())
                .set(OAUTH_GRANTS.SCOPE, g.scope())
                .set(OAUTH_GRANTS.CODE_HASH, g.codeHash())
                .set(OAUTH_GRANTS.CODE_CHALLENGE, g.codeChallenge())
                .set(OAUTH_GRANTS.REDIRECT_URI, g.redirectUri())
                .set(OAUTH_GRANTS.CODE_EXPIRES_AT, g.codeExpiresAt())
                .set(OAUTH_GRANTS.CREATED_AT, g.createdAt())
                .execute());
    }

    @Override
    public Optional<Grant> findGrant(String id) {
        return db.with(dsl ->
                dsl.selectFrom(OAUTH_GRANTS).where(OAUTH_GRANTS.ID.eq(id)).fetchOptional(SqlOAuthStore::toGrant));
    }

    @Override
    public Optional<Grant> findGrantByCode(String codeHash) {
        return db.with(dsl -> dsl.selectFrom(OAUTH_GRANTS)
                .where(OAUTH_GRANTS.CODE_HASH.eq(codeHash))
                .fetchOptional(SqlOAuthStore::toGrant));
    }

    @Override
    public int useCode(String grantId, String at) {
        return db.with(dsl -> dsl.update(OAUTH_GRANTS)
                .set(OAUTH_GRANTS.CODE_USED_AT, at)
                .where(OAUTH_GRANTS.ID.eq(grantId))
                .and(OAUTH_GRANTS.CODE_USED_AT.isNull())
                .execute());
    }

    @Override
    public List<Grant> grants() {
        return db.with(dsl -> dsl.selectFrom(OAUTH_GRANTS)
                .orderBy(OAUTH_GRANTS.CREATED_AT.desc())
                .fetch(SqlOAuthStore::toGrant));
    }

    @Override
    public int revokeGrant(String id, String at) {
        return db.with(dsl -> dsl.update(OAUTH_GRANTS)
                .set(OAUTH_GRANTS.REVOKED_AT, at)
                .where(OAUTH_GRANTS.ID.eq(id))
                .and(OAUTH_GRANTS.REVOKED_AT.isNull())
                .execute());
    }

    @Override
    public void touchGrant(String id, String at) {
        db.run(dsl -> dsl.update(OAUTH_GRANTS)
                .set(OAUTH_GRANTS.LAST_USED_AT, at)
                .where(OAUTH_GRANTS.ID.eq(id))
                .execute());
    }

    @Override
    public void insertToken(Token t) {
        db.run(dsl -> dsl.insertInto(OAUTH_TOKENS)
                .set(OAUTH_TOKENS.TOKEN_HASH, t.hash())
                .set(OAUTH_TOKENS.GRANT_ID, t.grantId())
                .set(OAUTH_TOKENS.KIND, t.kind().name().toLowerCase(Locale.ROOT))
                .set(OAUTH_TOKENS.EXPIRES_AT, t.expiresAt())
                .set(OAUTH_TOKENS.CREATED_AT, t.createdAt())
                .execute());
    }

    @Override
    public Optional<Token> findToken(String hash) {
        return db.with(dsl -> dsl.selectFrom(OAUTH_TOKENS)
                .where(OAUTH_TOKENS.TOKEN_HASH.eq(hash))
                .fetchOptional(SqlOAuthStore::toToken));
    }

    @Override
    public int retireToken(String hash, String at) {
        return db.with(dsl -> dsl.update(OAUTH_TOKENS)
                .set(OAUTH_TOKENS.RETIRED_AT, at)
                .where(OAUTH_TOKENS.TOKEN_HASH.eq(hash))
                .and(OAUTH_TOKENS.RETIRED_AT.isNull())
                .execute());
    }

    private static OAuthClient toClient(OauthClientsRecord r) {
        return new OAuthClient(
                r.getId(), r.getName(), Arrays.asList(r.getRedirectUris().split("\n")), r.getCreatedAt());
    }

    private static Grant toGrant(OauthGrantsRecord r) {
        return new Grant(
                r.getId(),
                r.getClientId(),
                r.getOrganizationId(),
                r.getApprovedBy(),
                r.getResource(),
                r.getScope(),
                r.getCodeHash(),
                r.getCodeChallenge(),
                r.getRedirectUri(),
                r.getCodeExpiresAt(),
                r.getCodeUsedAt(),
                r.getCreatedAt(),
                r.getLastUsedAt(),
                r.getRevokedAt());
    }

    private static Token toToken(OauthTokensRecord r) {
        return new Token(
                r.getTokenHash(),
                r.getGrantId(),
                Token.Kind.valueOf(r.getKind().toUpperCase(Locale.ROOT)),
                r.getExpiresAt(),
                r.getCreatedAt(),
                r.getRetiredAt());
    }
}
