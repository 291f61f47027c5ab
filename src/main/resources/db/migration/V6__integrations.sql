-- Signing secrets of the event providers (spec §9): one per organization and provider, the secret only
-- as AES-GCM ciphertext bound to its row; hint is a masked form that is safe to list.
CREATE TABLE integrations (
  id                VARCHAR PRIMARY KEY,
  organization_id   VARCHAR NOT NULL,
  provider          VARCHAR NOT NULL,
  secret_ciphertext VARCHAR NOT NULL,
  hint              VARCHAR NOT NULL,
  connected_at      VARCHAR NOT NULL,
  updated_at        VARCHAR NOT NULL,
  UNIQUE (organization_id, provider)
);

-- Deliveries already taken, by the provider's delivery id (X-GitHub-Delivery, Slack's event_id,
-- Sentry's Request-ID): a retried or redelivered event is answered but not fired twice.
CREATE TABLE integration_deliveries (
  provider    VARCHAR NOT NULL,
  delivery_id VARCHAR NOT NULL,
  received_at VARCHAR NOT NULL,
  PRIMARY KEY (provider, delivery_id)
);

-- The replica an automation started for a pull request or Slack thread, so that later events of the
-- same group go to it as messages (group_pr_events, group_thread_replies).
CREATE TABLE integration_groups (
  automation_id VARCHAR NOT NULL,
  group_key     VARCHAR NOT NULL,
  replica_id    VARCHAR NOT NULL,
  created_at    VARCHAR NOT NULL,
  PRIMARY KEY (automation_id, group_key)
);
