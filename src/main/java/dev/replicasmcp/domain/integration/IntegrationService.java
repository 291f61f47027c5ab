package dev.replicasmcp.domain.integration;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The organization's signing secrets for GitHub, Slack and Sentry webhooks (spec §9): set, removed and
 * listed (with a masked hint, never the value). The receivers read them to check signatures.
 */
public final class IntegrationService {

    static final int MAX_SECRET_CHARS = 1024;

    private final IntegrationStore store;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    /** A stored connection, and whether this call created it (else it replaced the previous secret). */
    public record Saved(Integration integration, boolean created) {}

    public IntegrationService(IntegrationStore store, Transactions tx, Clock clock, Ids ids) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    public List<Integration> list(Caller caller) {
        return store.list(caller.organizationId());
    }

    public Saved connect(Caller caller, String provider, String signingSecret) {
        Provider parsed = Provider.parse("provider", provider);
        String secret = validated(parsed, signingSecret);
        String hint = hint(secret);
        return tx.inTransaction(() -> {
            String now = Timestamps.now(clock);
            Optional<Integration> current = store.find(caller.organizationId(), parsed);
            Integration saved = current.map(
                            i -> new Integration(i.id(), i.organizationId(), parsed, hint, i.connectedAt(), now))
                    .orElseGet(() -> new Integration(ids.get(), caller.organizationId(), parsed, hint, now, now));
            store.save(saved, secret);
            return new Saved(saved, current.isEmpty());
        });
    }

    public void disconnect(Caller caller, String provider) {
        Provider parsed = Provider.parse("provider", provider);
        if (!store.delete(caller.organizationId(), parsed)) {
            throw DomainException.notFound(parsed.title() + " is not connected for this organization (field "
                    + "'provider'). Call list_integrations to see the connected providers.");
        }
    }

    /** The secret a delivery's signature is checked with; empty when the provider is not connected. */
    public Optional<String> signingSecret(String organizationId, Provider provider) {
        return store.secret(organizationId, provider);
    }

    private static String validated(Provider provider, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field 'signing_secret' is required: the " + provider.title()
                    + " signing secret (" + where(provider) + ").");
        }
        String secret = value.strip();
        if (secret.length() > MAX_SECRET_CHARS) {
            throw DomainException.invalid("Field 'signing_secret' is " + secret.length() + " characters; the limit is "
                    + MAX_SECRET_CHARS + ".");
        }
        if (secret.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw DomainException.invalid("Field 'signing_secret' holds whitespace or a control character; "
                    + "a signing secret is one token. Copy it again from " + where(provider) + ".");
        }
        return secret;
    }

    /** Where the provider shows the secret, so a refused value can be fetched again. */
    private static String where(Provider provider) {
        return switch (provider) {
            case GITHUB -> "the 'Secret' you typed in the repository's Settings → Webhooks";
            case SLACK -> "your Slack app's Basic Information → App Credentials → Signing Secret";
            case SENTRY -> "your Sentry internal integration's Client Secret";
        };
    }

    /** The last four characters for secrets long enough to keep the rest hidden; else only the length. */
    static String hint(String secret) {
        return secret.length() >= 16
                ? "…" + secret.substring(secret.length() - 4)
                : "(" + secret.length() + " characters)";
    }
}
