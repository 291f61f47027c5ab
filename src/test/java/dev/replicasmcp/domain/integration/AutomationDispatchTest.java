package dev.replicasmcp.domain.integration;

import static dev.replicasmcp.domain.integration.EventsFixtures.automation;
import static dev.replicasmcp.domain.integration.EventsFixtures.gh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.automation.Automation;
import dev.replicasmcp.domain.automation.TriggerConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grouping (spec §7.3 step 2): later events of a PR or thread go to the live replica of the first. */
class AutomationDispatchTest {

    private final List<String> fired = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final Set<String> deleted = new HashSet<>();
    private final Map<String, String> groups = new HashMap<>();

    private AutomationDispatch dispatch(Automation... automations) {
        IntegrationStore store = new InMemoryGroups(groups);
        return new AutomationDispatch(
                org -> List.of(automations),
                org -> Map.of(),
                store,
                (automation, payload) -> {
                    String replica = "replica-" + (fired.size() + 1);
                    fired.add(automation.id() + ":" + payload.get("event"));
                    return Optional.of(replica);
                },
                (org, replica, text) -> {
                    if (deleted.contains(replica)) {
                        return false;
                    }
                    messages.add(replica + ":" + text);
                    return true;
                },
                summary -> "event " + summary.get("event"),
                Clock.systemUTC());
    }

    @Test
    void groupPrEventsSendsSynchronizeToTheOpenedReplica() {
        AutomationDispatch d = dispatch(automation(
                "a",
                true,
                gh("pull_request.opened", List.of(), true, List.of()),
                gh("pull_request.synchronize", List.of(), true, List.of())));
        d.deliver("org", EventsFixtures.github("github-pull_request-opened.json"));
        d.deliver("org", EventsFixtures.github("github-pull_request-synchronize.json"));
        assertThat(fired).containsExactly("a:pull_request.opened");
        assertThat(messages).containsExactly("replica-1:event pull_request.synchronize");
    }

    @Test
    void withoutGroupingOrWithTheReplicaGoneANewRunStarts() {
        AutomationDispatch off = dispatch(automation(
                "b",
                true,
                gh("pull_request.opened", List.of(), false, List.of()),
                gh("pull_request.synchronize", List.of(), false, List.of())));
        off.deliver("org", EventsFixtures.github("github-pull_request-opened.json"));
        off.deliver("org", EventsFixtures.github("github-pull_request-synchronize.json"));
        assertThat(fired).containsExactly("b:pull_request.opened", "b:pull_request.synchronize");
        assertThat(messages).isEmpty();

        fired.clear();
        groups.clear();
        AutomationDispatch on = dispatch(automation(
                "c",
                true,
                gh("pull_request.opened", List.of(), true, List.of()),
                gh("pull_request.synchronize", List.of(), true, List.of())));
        on.deliver("org", EventsFixtures.github("github-pull_request-opened.json"));
        deleted.add("replica-1");
        on.deliver("org", EventsFixtures.github("github-pull_request-synchronize.json"));
        assertThat(fired).containsExactly("c:pull_request.opened", "c:pull_request.synchronize");
    }

    @Test
    void twoEventsOfOnePrArrivingTogetherStartOneRun() throws Exception {
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> followed = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, String> remembered = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AutomationDispatch d = new AutomationDispatch(
                org -> List.of(automation(
                        "p",
                        true,
                        gh("pull_request.opened", List.of(), true, List.of()),
                        gh("pull_request.synchronize", List.of(), true, List.of()))),
                org -> Map.of(),
                new InMemoryGroups(remembered),
                (automation, payload) -> {
                    started.add(String.valueOf(payload.get("event")));
                    try {
                        // The first run's replica takes a while to exist; the second event arrives meanwhile.
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.of("replica-" + started.size());
                },
                (org, replica, text) -> followed.add(replica + ":" + text),
                summary -> "event " + summary.get("event"),
                Clock.systemUTC());
        Thread opened = new Thread(() -> d.deliver("org", EventsFixtures.github("github-pull_request-opened.json")));
        Thread synchronize =
                new Thread(() -> d.deliver("org", EventsFixtures.github("github-pull_request-synchronize.json")));
        opened.start();
        org.awaitility.Awaitility.await().until(() -> started.size() == 1);
        synchronize.start();
        org.awaitility.Awaitility.await().until(() -> synchronize.getState() == Thread.State.BLOCKED);
        release.countDown();
        opened.join(10_000);
        synchronize.join(10_000);
        assertThat(started).containsExactly("pull_request.opened");
        assertThat(followed).containsExactly("replica-1:event pull_request.synchronize");
    }

    @Test
    void slackThreadRepliesGoToTheRootsReplicaByDefault() {
        AutomationDispatch d =
                dispatch(automation("s", true, new TriggerConfig.SlackConfig("message", List.of(), true)));
        d.deliver("org", EventsFixtures.slack("slack-message.json"));
        d.deliver("org", EventsFixtures.slack("slack-message-thread-reply.json"));
        assertThat(fired).containsExactly("s:message");
        assertThat(messages).containsExactly("replica-1:event message");
    }

    @Test
    void slackWithoutThreadGroupingStartsARunPerReply() {
        AutomationDispatch d =
                dispatch(automation("t", true, new TriggerConfig.SlackConfig("message", List.of(), false)));
        d.deliver("org", EventsFixtures.slack("slack-message.json"));
        d.deliver("org", EventsFixtures.slack("slack-message-thread-reply.json"));
        assertThat(fired).containsExactly("t:message", "t:message");
    }

    /** Only the group memory of the store matters here. */
    private record InMemoryGroups(Map<String, String> groups) implements IntegrationStore {
        @Override
        public List<Integration> list(String organizationId) {
            return List.of();
        }

        @Override
        public Optional<Integration> find(String organizationId, Provider provider) {
            return Optional.empty();
        }

        @Override
        public void save(Integration integration, String secret) {}

        @Override
        public boolean delete(String organizationId, Provider provider) {
            return false;
        }

        @Override
        public Optional<String> secret(String organizationId, Provider provider) {
            return Optional.empty();
        }

        @Override
        public boolean firstDelivery(Provider provider, String deliveryId, String now, String forgetBefore) {
            return true;
        }

        @Override
        public Optional<String> groupReplica(String automationId, String groupKey) {
            return Optional.ofNullable(groups.get(automationId + "|" + groupKey));
        }

        @Override
        public void rememberGroup(String automationId, String groupKey, String replicaId, String now) {
            groups.put(automationId + "|" + groupKey, replicaId);
        }
    }
}
