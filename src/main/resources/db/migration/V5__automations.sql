-- Automations (spec §2.19, §7, issue 11). triggers_json holds the trigger array as validated JSON
-- ({type, config} objects, snake_case keys). The custom webhook token is kept twice: its SHA-256 hash (hex)
-- to find the automation from a webhook URL without the token ever being compared as text, and its
-- AES-GCM ciphertext (bound to the row id) so that get/list can show it to the organization.
CREATE TABLE automations (
  id                          VARCHAR PRIMARY KEY,
  organization_id             VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name                        VARCHAR NOT NULL,
  description                 VARCHAR,
  triggers_json               TEXT NOT NULL,
  prompt                      TEXT NOT NULL,
  environment_id              VARCHAR NOT NULL REFERENCES environments (id),
  enabled                     INTEGER NOT NULL DEFAULT 1,
  webhook_token_hash          VARCHAR UNIQUE,
  webhook_token_ciphertext    VARCHAR,
  cron_expression             VARCHAR,
  cron_timezone               VARCHAR,
  cron_next_fire_at           VARCHAR,
  created_by                  VARCHAR,
  workspace_lifecycle_policy  VARCHAR NOT NULL DEFAULT 'default',
  workspace_auto_stop_minutes INTEGER,
  agent_provider              VARCHAR,
  model                       VARCHAR,
  thinking_level              VARCHAR,
  consecutive_failures        INTEGER NOT NULL DEFAULT 0,
  created_at                  VARCHAR NOT NULL,
  updated_at                  VARCHAR NOT NULL,
  CHECK ((webhook_token_hash IS NULL) = (webhook_token_ciphertext IS NULL))
);
CREATE INDEX automations_org_created ON automations (organization_id, created_at);
CREATE INDEX automations_next_fire ON automations (cron_next_fire_at);
CREATE INDEX automations_environment ON automations (environment_id);

-- One row per firing. workspace_id has no foreign key: the replica an execution made may be deleted while
-- the execution stays on record. trigger_payload_json is a JSON object.
CREATE TABLE automation_executions (
  id                   VARCHAR PRIMARY KEY,
  automation_id        VARCHAR NOT NULL REFERENCES automations (id) ON DELETE CASCADE,
  organization_id      VARCHAR NOT NULL,
  workspace_id         VARCHAR,
  triggered_at         VARCHAR NOT NULL,
  trigger_payload_json TEXT NOT NULL,
  status               VARCHAR NOT NULL,
  error                TEXT,
  completed_at         VARCHAR
);
CREATE INDEX automation_executions_automation ON automation_executions (automation_id, triggered_at);
CREATE INDEX automation_executions_org ON automation_executions (organization_id, triggered_at);
CREATE INDEX automation_executions_status ON automation_executions (status);
