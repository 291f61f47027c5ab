-- Timestamps are ISO-8601 UTC text with fixed millisecond precision, so text order is time order.
-- Indexed text columns are VARCHAR so jOOQ maps them to String.

CREATE TABLE organizations (
  id                   VARCHAR PRIMARY KEY,
  name                 VARCHAR NOT NULL,
  plan                 VARCHAR NOT NULL DEFAULT 'team',
  default_coding_agent VARCHAR NOT NULL DEFAULT 'claude',
  api_access_allowed   INTEGER NOT NULL DEFAULT 1,
  is_local             INTEGER NOT NULL DEFAULT 0,
  created_at           VARCHAR NOT NULL
);

CREATE TABLE users (
  id           VARCHAR PRIMARY KEY,
  email        VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR,
  created_at   VARCHAR NOT NULL
);

CREATE TABLE memberships (
  organization_id VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id         VARCHAR NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role            VARCHAR NOT NULL,
  PRIMARY KEY (organization_id, user_id)
);

CREATE TABLE api_keys (
  id              VARCHAR PRIMARY KEY,
  organization_id VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id         VARCHAR REFERENCES users (id),
  name            VARCHAR NOT NULL,
  key_prefix      VARCHAR NOT NULL,
  key_hash        VARCHAR NOT NULL UNIQUE,
  created_at      VARCHAR NOT NULL,
  last_used_at    VARCHAR,
  revoked_at      VARCHAR
);

CREATE TABLE repositories (
  id              VARCHAR PRIMARY KEY,
  organization_id VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name            VARCHAR NOT NULL,
  url             VARCHAR NOT NULL,
  default_branch  VARCHAR NOT NULL,
  provider        VARCHAR NOT NULL DEFAULT 'local',
  created_at      VARCHAR NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE repository_sets (
  id              VARCHAR PRIMARY KEY,
  organization_id VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name            VARCHAR NOT NULL,
  description     VARCHAR,
  created_at      VARCHAR NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE repository_set_members (
  repository_set_id VARCHAR NOT NULL REFERENCES repository_sets (id) ON DELETE CASCADE,
  repository_id     VARCHAR NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  PRIMARY KEY (repository_set_id, repository_id)
);

CREATE TABLE environments (
  id                VARCHAR PRIMARY KEY,
  organization_id   VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name              VARCHAR NOT NULL,
  description       VARCHAR,
  is_global         INTEGER NOT NULL DEFAULT 0,
  repository_id     VARCHAR REFERENCES repositories (id),
  repository_set_id VARCHAR REFERENCES repository_sets (id),
  system_prompt     VARCHAR,
  created_at        VARCHAR NOT NULL,
  updated_at        VARCHAR NOT NULL,
  UNIQUE (organization_id, name),
  CHECK (repository_id IS NULL OR repository_set_id IS NULL)
);
CREATE UNIQUE INDEX environments_one_global ON environments (organization_id) WHERE is_global = 1;
CREATE INDEX environments_by_repository ON environments (repository_id);
CREATE INDEX environments_by_repository_set ON environments (repository_set_id);

CREATE TABLE replicas (
  id               VARCHAR PRIMARY KEY,
  organization_id  VARCHAR NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name             VARCHAR NOT NULL,
  status           VARCHAR NOT NULL,
  source           VARCHAR NOT NULL,
  user_id          VARCHAR,
  environment_id   VARCHAR NOT NULL REFERENCES environments (id),
  coding_agent     VARCHAR,
  model            VARCHAR,
  thinking_level   VARCHAR,
  lifecycle_policy VARCHAR NOT NULL,
  auto_stop_minutes INTEGER,
  waking           INTEGER NOT NULL DEFAULT 0,
  error_message    VARCHAR,
  created_at       VARCHAR NOT NULL,
  last_activity_at VARCHAR,
  sleeping_since   VARCHAR,
  archived_at      VARCHAR,
  deleted_at       VARCHAR
);
CREATE INDEX replicas_by_org_created ON replicas (organization_id, deleted_at, created_at);
CREATE INDEX replicas_by_environment ON replicas (environment_id);

-- The repositories a replica was created with, copied so later edits of the environment do not move it.
CREATE TABLE replica_repositories (
  replica_id     VARCHAR NOT NULL REFERENCES replicas (id) ON DELETE CASCADE,
  repository_id  VARCHAR NOT NULL,
  name           VARCHAR NOT NULL,
  url            VARCHAR NOT NULL,
  default_branch VARCHAR NOT NULL,
  branch         VARCHAR NOT NULL,
  position       INTEGER NOT NULL,
  start_hooks_completed INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (replica_id, repository_id)
);

CREATE TABLE pull_requests (
  id         VARCHAR PRIMARY KEY,
  replica_id VARCHAR NOT NULL REFERENCES replicas (id) ON DELETE CASCADE,
  repository VARCHAR NOT NULL,
  number     INTEGER NOT NULL,
  url        VARCHAR NOT NULL,
  created_at VARCHAR NOT NULL
);
CREATE INDEX pull_requests_by_replica ON pull_requests (replica_id);

CREATE TABLE chats (
  id         VARCHAR PRIMARY KEY,
  replica_id VARCHAR NOT NULL REFERENCES replicas (id) ON DELETE CASCADE,
  provider   VARCHAR NOT NULL,
  title      VARCHAR NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  thread_id  VARCHAR,
  created_at VARCHAR NOT NULL,
  updated_at VARCHAR NOT NULL
);
CREATE INDEX chats_by_replica ON chats (replica_id, created_at);

-- One FIFO queue per chat: queue_seq orders it; state says where a message is.
CREATE TABLE messages (
  id             VARCHAR PRIMARY KEY,
  chat_id        VARCHAR NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  replica_id     VARCHAR NOT NULL,
  text           VARCHAR NOT NULL,
  images_json    VARCHAR,
  model          VARCHAR,
  thinking_level VARCHAR,
  plan_mode      INTEGER NOT NULL DEFAULT 0,
  state          VARCHAR NOT NULL,
  queue_seq      INTEGER NOT NULL,
  position       INTEGER,
  sender_user_id VARCHAR,
  queued_at      VARCHAR NOT NULL,
  started_at     VARCHAR,
  finished_at    VARCHAR,
  error          VARCHAR
);
CREATE INDEX messages_by_chat_state ON messages (chat_id, state, queue_seq);
CREATE INDEX messages_by_state ON messages (state);

-- History is paged from the end: (chat_id, seq) is both the key and the keyset index.
CREATE TABLE history_events (
  chat_id      VARCHAR NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  timestamp    VARCHAR NOT NULL,
  type         VARCHAR NOT NULL,
  payload_json VARCHAR NOT NULL,
  PRIMARY KEY (chat_id, seq)
) WITHOUT ROWID;

-- Engine events keep a monotonic id so an event stream can resume after it.
CREATE TABLE engine_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  replica_id   VARCHAR NOT NULL,
  ts           VARCHAR NOT NULL,
  type         VARCHAR NOT NULL,
  payload_json VARCHAR NOT NULL
);
CREATE INDEX engine_events_by_replica ON engine_events (replica_id, id);

CREATE TABLE hook_logs (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  replica_id         VARCHAR NOT NULL REFERENCES replicas (id) ON DELETE CASCADE,
  phase              VARCHAR NOT NULL,
  hook_type          VARCHAR NOT NULL,
  hook_name          VARCHAR NOT NULL,
  script             VARCHAR,
  commands_json      VARCHAR,
  output             VARCHAR NOT NULL,
  output_truncated   INTEGER NOT NULL,
  output_total_chars INTEGER NOT NULL,
  exit_code          INTEGER NOT NULL,
  timed_out          INTEGER NOT NULL,
  executed_at        VARCHAR NOT NULL
);
CREATE INDEX hook_logs_by_replica ON hook_logs (replica_id, id);
