package dev.replicasmcp.domain.integration;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.agent.JsonObjectReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three providers' webhooks, each checked against the organization's signing secret before anything
 * is read, stored or fired. A verified event is answered at once; matching and firing run on the
 * background executor, so the provider's delivery timeout (10 s at GitHub, 3 s at Slack) is never hit.
 */
public final class EventReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(EventReceiver.class);
    /** How long delivery ids are kept to recognise retries: providers retry within hours, not days. */
    private static final Duration REMEMBER = Duration.ofDays(3);

    private final IntegrationStore store;
    private final Signatures signatures;
    private final JsonObjectReader json;
    private final Supplier<String> localOrganization;
    private final EventSink sink;
    private final Executor background;
    private final Clock clock;

    public EventReceiver(
            IntegrationStore store,
            JsonObjectReader json,
            Supplier<String> localOrganization,
            EventSink sink,
            Executor background,
            Clock clock) {
        this.store = store;
        this.signatures = new Signatures(clock);
        this.json = json;
        this.localOrganization = localOrganization;
        this.sink = sink;
        this.background = background;
        this.clock = clock;
    }

    public Reception receive(Provider provider, Delivery delivery) {
        String organization = localOrganization.get();
        if (delivery.organizationId() != null && !delivery.organizationId().equals(organization)) {
            return Reception.of(
                    Reception.Outcome.UNKNOWN_ORGANIZATION,
                    "error",
                    "No organization with id '" + delivery.organizationId() + "' is served here.");
        }
        Optional<String> secret = store.secret(organization, provider);
        if (secret.isEmpty()) {
            return Reception.of(
                    Reception.Outcome.UNAUTHORIZED,
                    "error",
                    provider.title() + " is not connected: call connect_integration with provider '" + provider.wire()
                            + "' and its signing secret first.");
        }
        try {
            verify(provider, secret.get(), delivery);
        } catch (Signatures.Refused e) {
            LOG.warn("Refused a {} delivery: {}", provider.wire(), e.getMessage());
            return Reception.of(Reception.Outcome.UNAUTHORIZED, "error", e.getMessage());
        }
        Optional<Map<String, Object>> payload = json.readObject(new String(delivery.body(), StandardCharsets.UTF_8));
        if (payload.isEmpty()) {
            return Reception.of(Reception.Outcome.INVALID, "error", "The body must be a JSON object.");
        }
        if (provider == Provider.SLACK && "url_verification".equals(Tree.text(payload.get(), "type"))) {
            return Reception.of(Reception.Outcome.CHALLENGE, "challenge", Tree.text(payload.get(), "challenge"));
        }
        Optional<TriggerEvent> event = normalise(provider, delivery, payload.get());
        if (event.isEmpty()) {
            return Reception.ignored("not an event automations listen for");
        }
        String deliveryId = deliveryId(provider, delivery, payload.get());
        if (deliveryId != null && !firstTime(provider, deliveryId)) {
            return Reception.ignored("a retry of a delivery already taken");
        }
        try {
            background.execute(() -> deliver(organization, event.get()));
        } catch (RejectedExecutionException e) {
            // The server is shutting down; the provider will retry the delivery.
            return Reception.of(Reception.Outcome.UNAVAILABLE, "error", "The server is shutting down; retry later.");
        }
        return Reception.accepted(event.get());
    }

    private void verify(Provider provider, String secret, Delivery d) throws Signatures.Refused {
        switch (provider) {
            case GITHUB -> signatures.github(secret, d.header("x-hub-signature-256"), d.body());
            case SLACK ->
                signatures.slack(
                        secret, d.header("x-slack-request-timestamp"), d.header("x-slack-signature"), d.body());
            case SENTRY -> signatures.sentry(secret, d.header("sentry-hook-signature"), d.body());
        }
    }

    private static Optional<TriggerEvent> normalise(Provider provider, Delivery d, Map<String, Object> payload) {
        return switch (provider) {
            case GITHUB -> GithubEvents.normalise(d.header("x-github-event"), payload);
            case SLACK -> SlackEvents.normalise(payload);
            case SENTRY -> SentryEvents.normalise(d.header("sentry-hook-resource"), payload);
        };
    }

    /**
     * The id the provider keeps across retries: GitHub's X-GitHub-Delivery (the same on a redelivery),
     * Slack's event_id (the same on the retries that carry X-Slack-Retry-Num), Sentry's Request-ID.
     */
    private static String deliveryId(Provider provider, Delivery d, Map<String, Object> payload) {
        return switch (provider) {
            case GITHUB -> d.header("x-github-delivery");
            case SLACK -> Tree.text(payload, "event_id");
            case SENTRY -> d.header("request-id");
        };
    }

    private boolean firstTime(Provider provider, String deliveryId) {
        String now = Timestamps.now(clock);
        String forget = Timestamps.format(clock.instant().minus(REMEMBER));
        return store.firstDelivery(provider, deliveryId, now, forget);
    }

    private void deliver(String organization, TriggerEvent event) {
        try {
            sink.deliver(organization, event);
        } catch (RuntimeException e) {
            LOG.error(
                    "Firing automations for a {} {} event failed",
                    event.provider().wire(),
                    event.event(),
                    e);
        }
    }
}
