package dev.replicasmcp.domain.integration;

import java.util.List;
import java.util.Optional;

/** Where the signing secrets live; the secret goes in encrypted and comes out only to check signatures. */
public interface IntegrationStore {

    List<Integration> list(String organizationId);

    Optional<Integration> find(String organizationId, Provider provider);

    /** Inserts, or replaces the secret and hint of the row with this id. */
    void save(Integration integration, String secret);

    boolean delete(String organizationId, Provider provider);

    /** The decrypted signing secret, if the provider is connected. */
    Optional<String> secret(String organizationId, Provider provider);

    /**
     * Records a delivery id; false when it was recorded before (a retry or redelivery). Entries older
     * than {@code forgetBefore} are dropped first, so the table stays small.
     */
    boolean firstDelivery(Provider provider, String deliveryId, String now, String forgetBefore);

    /** The replica an automation started for a group (a pull request, a Slack thread), if any. */
    Optional<String> groupReplica(String automationId, String groupKey);

    void rememberGroup(String automationId, String groupKey, String replicaId, String now);
}
