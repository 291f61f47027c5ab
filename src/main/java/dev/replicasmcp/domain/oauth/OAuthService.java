package dev.replicasmcp.domain.oauth;

import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Sha256;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Validation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth 2.1 sign-in of remote MCP clients, after the HTTP layer has parsed and checked the requests:
 * registers clients, turns an approval into a single-use code bound to client, redirect URI, PKCE
 * challenge and resource, exchanges it for short-lived access tokens and rotated refresh tokens, and
 * answers who an access token acts as. Codes and tokens exist in plaintext only in the answers; the
 * store keeps their SHA-256. A code or refresh token used twice is a sign it leaked: the grant ends.
 */
public final class OAuthService {

    /** How long codes, access tokens and refresh tokens live. */
    public record Lifetimes(Duration code, Duration access, Duration refresh) {
        public static final Lifetimes DEFAULT =
                new Lifetimes(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(30));
    }

    /** An approval: the grant and its code's plaintext, which goes to the client's redirect URI once. */
    public record Approved(Grant grant, String code) {}

    private static final String ACCESS_PREFIX = "rmcp_at_";
    private static final String REFRESH_PREFIX = "rmcp_rt_";
    private static final String CODE_PREFIX = "rmcp_code_";

    private final OAuthStore store;
    private final Clock clock;
    private final Ids ids;
    private final Lifetimes lifetimes;
    private final SecureRandom random = new SecureRandom();

    public OAuthService(OAuthStore store, Clock clock, Ids ids, Lifetimes lifetimes) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.lifetimes = lifetimes;
    }

    /** A public client with these (already checked) redirect URIs; name defaults to its first redirect host. */
    public OAuthClient register(String name, List<String> redirectUris) {
        if (redirectUris.isEmpty()) {
            throw DomainException.invalid("redirect_uris: give at least one redirect URI.");
        }
        String shown = name == null || name.isBlank() ? "unnamed client" : Validation.abbreviate(name.trim(), 100);
        OAuthClient client = new OAuthClient(ids.get(), shown, redirectUris, Timestamps.now(clock));
        store.insertClient(client);
        return client;
    }

    public Optional<OAuthClient> client(String id) {
        return id == null ? Optional.empty() : store.findClient(id);
    }

    /** The owner approved this client (checked by the caller): a grant and its single-use code. */
    public Approved approve(
            Caller approver,
            OAuthClient client,
            String redirectUri,
            String codeChallenge,
            String resource,
            String scope) {
        String code = CODE_PREFIX + secret();
        Instant now = clock.instant();
        Grant grant = new Grant(
                ids.get(),
                client.id(),
                approver.organizationId(),
                approver.actor().name()
                        + (approver.actor().id() == null
                                ? ""
                                : " (" + approver.actor().id() + ")"),
                resource,
                scope,
                Sha256.hex(code),
                codeChallenge,
                redirectUri,
                Timestamps.format(now.plus(lifetimes.code())),
                null,
                Timestamps.format(now),
                null,
                null);
        store.insertGrant(grant);
        return new Approved(grant, code);
    }

    /**
     * Exchanges a code: it must be unused, unexpired, and given by its client with its redirect URI, the
     * verifier whose S256 challenge (computed by the caller) was sent with it, and its resource if one is named.
     */
    public Exchanged exchange(
            String code, String clientId, String redirectUri, String challengeOfVerifier, String resource) {
        Grant grant = store.findGrantByCode(Sha256.hex(Objects.requireNonNullElse(code, "")))
                .orElseThrow(() -> OAuthRefusal.invalidGrant("Unknown authorization code."));
        if (grant.codeUsedAt() != null || grant.revoked()) {
            revokeQuietly(grant.id());
            throw OAuthRefusal.invalidGrant("This authorization code was already used; the grant it made is revoked.");
        }
        if (!clock.instant().isBefore(Timestamps.parse(grant.codeExpiresAt()))) {
            throw OAuthRefusal.invalidGrant("The authorization code expired; sign in again.");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthRefusal.invalidGrant("The authorization code was issued to another client.");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw OAuthRefusal.invalidGrant("redirect_uri does not match the one of the authorization request.");
        }
        if (!grant.codeChallenge().equals(challengeOfVerifier)) {
            throw OAuthRefusal.invalidGrant("code_verifier does not match the code_challenge (PKCE S256).");
        }
        if (resource != null && !resource.equals(grant.resource())) {
            throw new OAuthRefusal("invalid_target", "resource does not match the one the code was issued for.");
        }
        if (store.useCode(grant.id(), Timestamps.now(clock)) == 0) {
            revokeQuietly(grant.id());
            throw OAuthRefusal.invalidGrant("This authorization code was already used; the grant it made is revoked.");
        }
        return new Exchanged(grant, issue(grant));
    }

    /** A refresh: the old refresh token is retired and a new pair issued; a retired one used again ends the grant. */
    public Exchanged refresh(String refreshToken, String clientId, String resource) {
        Token old = store.findToken(Sha256.hex(Objects.requireNonNullElse(refreshToken, "")))
                .filter(t -> t.kind() == Token.Kind.REFRESH)
                .orElseThrow(() -> OAuthRefusal.invalidGrant("Unknown refresh token."));
        Grant grant = store.findGrant(old.grantId()).orElseThrow(() -> OAuthRefusal.invalidGrant("Unknown grant."));
        if (grant.revoked()) {
            throw OAuthRefusal.invalidGrant("This grant was revoked; sign in again.");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthRefusal.invalidGrant("The refresh token was issued to another client.");
        }
        if (old.retiredAt() != null || store.retireToken(old.hash(), Timestamps.now(clock)) == 0) {
            revokeQuietly(grant.id());
            throw OAuthRefusal.invalidGrant(
                    "This refresh token was already used; the grant is revoked. Sign in again.");
        }
        if (!clock.instant().isBefore(Timestamps.parse(old.expiresAt()))) {
            throw OAuthRefusal.invalidGrant("The refresh token expired; sign in again.");
        }
        if (resource != null && !resource.equals(grant.resource())) {
            throw new OAuthRefusal("invalid_target", "resource does not match the one the grant was issued for.");
        }
        return new Exchanged(grant, issue(grant));
    }

    /** Tokens issued for a grant. */
    public record Exchanged(Grant grant, TokenPair tokens) {}

    /** Who an unexpired access token of an active grant, bound to this resource, acts as. */
    public Optional<SignedIn> authenticate(String accessToken, String resource) {
        if (accessToken == null || !accessToken.startsWith(ACCESS_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Token> token = store.findToken(Sha256.hex(accessToken))
                .filter(t -> t.kind() == Token.Kind.ACCESS)
                .filter(t -> now.isBefore(Timestamps.parse(t.expiresAt())));
        Optional<Grant> grant = token.flatMap(t -> store.findGrant(t.grantId()))
                .filter(g -> !g.revoked())
                .filter(g -> g.resource().equals(resource));
        grant.filter(g ->
                        g.lastUsedAt() == null || g.lastUsedAt().compareTo(Timestamps.format(now.minusSeconds(60))) < 0)
                .ifPresent(g -> store.touchGrant(g.id(), Timestamps.format(now)));
        return grant.map(g -> new SignedIn(
                new Caller(g.organizationId(), null, Actor.oauthClient(g.id(), clientName(g.clientId()))), g.id()));
    }

    /** Whether a grant exists and is not revoked; read from the database each time. */
    public boolean active(String grantId) {
        return store.findGrant(grantId).filter(g -> !g.revoked()).isPresent();
    }

    /** RFC 7009: a token of this client ends its grant (both tokens); an unknown token is no error. */
    public Optional<Grant> revokeToken(String token, String clientId) {
        Optional<Grant> grant = store.findToken(Sha256.hex(Objects.requireNonNullElse(token, "")))
                .flatMap(t -> store.findGrant(t.grantId()))
                .filter(g -> g.clientId().equals(clientId) && !g.revoked());
        grant.ifPresent(g -> store.revokeGrant(g.id(), Timestamps.now(clock)));
        return grant.flatMap(g -> store.findGrant(g.id()));
    }

    public List<GrantListing> list() {
        return store.grants().stream()
                .map(g -> new GrantListing(g, clientName(g.clientId())))
                .toList();
    }

    /** Revokes a grant by its id, or every active grant of a client id; answers the grants revoked. */
    public List<Grant> revoke(String grantOrClientId) {
        String id = Validation.required("id", grantOrClientId).trim();
        List<Grant> matching = store.grants().stream()
                .filter(g -> !g.revoked() && (g.id().equals(id) || g.clientId().equals(id)))
                .toList();
        if (matching.isEmpty()) {
            throw DomainException.notFound("No active grant or client with id '" + Validation.abbreviate(id, 40)
                    + "'. `clients list` shows them.");
        }
        String now = Timestamps.now(clock);
        matching.forEach(g -> store.revokeGrant(g.id(), now));
        return matching.stream().map(g -> store.findGrant(g.id()).orElseThrow()).toList();
    }

    private TokenPair issue(Grant grant) {
        Instant now = clock.instant();
        String access = ACCESS_PREFIX + secret();
        String refresh = REFRESH_PREFIX + secret();
        String created = Timestamps.format(now);
        store.insertToken(new Token(
                Sha256.hex(access),
                grant.id(),
                Token.Kind.ACCESS,
                Timestamps.format(now.plus(lifetimes.access())),
                created,
                null));
        store.insertToken(new Token(
                Sha256.hex(refresh),
                grant.id(),
                Token.Kind.REFRESH,
                Timestamps.format(now.plus(lifetimes.refresh())),
                created,
                null));
        return new TokenPair(access, lifetimes.access(), refresh, grant.scope());
    }

    private void revokeQuietly(String grantId) {
        store.revokeGrant(grantId, Timestamps.now(clock));
    }

    private String clientName(String clientId) {
        return store.findClient(clientId).map(OAuthClient::name).orElse("unknown client");
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
