package dev.replicasmcp.domain.integration;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.automation.Automation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the automations an event matches (spec §7.3): each either starts a run, or, when grouping applies
 * and its pull request or thread already has a live replica from that automation, becomes a follow-up
 * message to that replica. The first run of a group is remembered for the events after it.
 */
public final class AutomationDispatch implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationDispatch.class);

    /** Striped, so that groups need no lock objects of their own and unrelated groups rarely wait. */
    private static final Object[] GROUP_LOCKS = locks(64);

    private final Function<String, List<Automation>> automations;
    private final Function<String, Map<String, String>> repositoryUrls;
    private final IntegrationStore groups;
    private final TriggerFiring firing;
    private final FollowUps followUps;
    private final Function<Map<String, Object>, String> followUpText;
    private final Clock clock;

    /**
     * @param automations an organization's automations
     * @param repositoryUrls an organization's registered repositories, id → URL
     * @param followUpText the message a grouped event sends (the summary under a Trigger Payload heading)
     */
    public AutomationDispatch(
            Function<String, List<Automation>> automations,
            Function<String, Map<String, String>> repositoryUrls,
            IntegrationStore groups,
            TriggerFiring firing,
            FollowUps followUps,
            Function<Map<String, Object>, String> followUpText,
            Clock clock) {
        this.automations = automations;
        this.repositoryUrls = repositoryUrls;
        this.groups = groups;
        this.firing = firing;
        this.followUps = followUps;
        this.followUpText = followUpText;
        this.clock = clock;
    }

    private static Object[] locks(int count) {
        Object[] locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    @Override
    public void deliver(String organizationId, TriggerEvent event) {
        List<AutomationMatcher.Match> matches =
                AutomationMatcher.match(automations.apply(organizationId), event, repositoryUrls.apply(organizationId));
        for (AutomationMatcher.Match match : matches) {
            try {
                dispatch(organizationId, event, match);
            } catch (RuntimeException e) {
                // One automation's failure (recorded on its execution) must not keep the others from firing.
                LOG.error(
                        "Automation {} could not be fired for {}",
                        match.automation().id(),
                        event.event(),
                        e);
            }
        }
    }

    private void dispatch(String organizationId, TriggerEvent event, AutomationMatcher.Match match) {
        Automation automation = match.automation();
        String key = event.groupKey();
        if (key == null) {
            firing.fire(automation, event.summary());
            return;
        }
        // Two events of one pull request or thread arriving together must not both start a run: the second
        // waits until the first has recorded its replica (firing answers once the replica exists).
        synchronized (GROUP_LOCKS[Math.floorMod((automation.id() + key).hashCode(), GROUP_LOCKS.length)]) {
            Optional<String> replica =
                    match.groups(event) ? groups.groupReplica(automation.id(), key) : Optional.empty();
            if (replica.isPresent()
                    && followUps.send(organizationId, replica.get(), followUpText.apply(event.summary()))) {
                return;
            }
            firing.fire(automation, event.summary())
                    .ifPresent(started -> groups.rememberGroup(automation.id(), key, started, Timestamps.now(clock)));
        }
    }
}
