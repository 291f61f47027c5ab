-- What a workspace is created from: variables, files, MCP servers, skills, hooks and the warm pool.
-- Secret material (variable values, file contents, MCP configs) is stored only as AES-GCM ciphertext.

CREATE TABLE environment_variables (
  id               VARCHAR PRIMARY KEY,
  organization_id  VARCHAR NOT NULL,
  environment_id   VARCHAR NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  key              VARCHAR NOT NULL,
  value_ciphertext VARCHAR NOT NULL,
  created_at       VARCHAR NOT NULL,
  updated_at       VARCHAR NOT NULL,
  UNIQUE (environment_id, key)
);

CREATE TABLE environment_files (
  id                 VARCHAR PRIMARY KEY,
  organization_id    VARCHAR NOT NULL,
  environment_id     VARCHAR NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  name               VARCHAR NOT NULL,
  path               VARCHAR NOT NULL,
  content_ciphertext VARCHAR NOT NULL,
  created_at         VARCHAR NOT NULL,
  updated_at         VARCHAR NOT NULL
);
CREATE INDEX environment_files_by_environment ON environment_files (environment_id);

CREATE TABLE environment_mcps (
  id                VARCHAR PRIMARY KEY,
  organization_id   VARCHAR NOT NULL,
  environment_id    VARCHAR NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  name              VARCHAR NOT NULL,
  transport         VARCHAR NOT NULL,
  config_ciphertext VARCHAR NOT NULL,
  created_at        VARCHAR NOT NULL,
  updated_at        VARCHAR NOT NULL,
  UNIQUE (environment_id, name)
);

CREATE TABLE environment_skills (
  id              VARCHAR PRIMARY KEY,
  organization_id VARCHAR NOT NULL,
  environment_id  VARCHAR NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  name            VARCHAR NOT NULL,
  slug            VARCHAR NOT NULL,
  source          VARCHAR NOT NULL,
  created_at      VARCHAR NOT NULL,
  updated_at      VARCHAR NOT NULL,
  UNIQUE (environment_id, slug),
  UNIQUE (environment_id, source)
);

-- Warm and start hooks are versioned scripts; exactly one version per environment and kind is active.
CREATE TABLE environment_hooks (
  id              VARCHAR PRIMARY KEY,
  organization_id VARCHAR NOT NULL,
  environment_id  VARCHAR NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  kind            VARCHAR NOT NULL,
  version         INTEGER NOT NULL,
  content         VARCHAR NOT NULL,
  is_active       INTEGER NOT NULL,
  created_at      VARCHAR NOT NULL,
  UNIQUE (environment_id, kind, version)
);

CREATE TABLE warm_pool_configs (
  id                  VARCHAR PRIMARY KEY,
  organization_id     VARCHAR NOT NULL,
  environment_id      VARCHAR NOT NULL UNIQUE REFERENCES environments (id) ON DELETE CASCADE,
  enabled             INTEGER NOT NULL,
  target_size         INTEGER NOT NULL,
  generation          INTEGER NOT NULL DEFAULT 1,
  error_count         INTEGER NOT NULL DEFAULT 0,
  last_failure_at     VARCHAR,
  last_failure_reason VARCHAR,
  next_retry_at       VARCHAR,
  updated_at          VARCHAR NOT NULL
);

CREATE TABLE warm_pool_workspaces (
  id                  VARCHAR PRIMARY KEY,
  organization_id     VARCHAR NOT NULL,
  warm_pool_config_id VARCHAR NOT NULL REFERENCES warm_pool_configs (id) ON DELETE CASCADE,
  sandbox_id          VARCHAR NOT NULL,
  status              VARCHAR NOT NULL,
  generation          INTEGER NOT NULL,
  path                VARCHAR NOT NULL,
  error_message       VARCHAR,
  created_at          VARCHAR NOT NULL,
  updated_at          VARCHAR NOT NULL
);
CREATE INDEX warm_pool_workspaces_by_config ON warm_pool_workspaces (warm_pool_config_id, status, created_at);

-- What provisioning applied to a replica's workspace: names only, never values.
CREATE TABLE replica_provisioning (
  replica_id       VARCHAR PRIMARY KEY REFERENCES replicas (id) ON DELETE CASCADE,
  workspace_path   VARCHAR NOT NULL,
  warm_source      VARCHAR NOT NULL,
  files_json       VARCHAR NOT NULL,
  env_vars_json    VARCHAR NOT NULL,
  skills_json      VARCHAR NOT NULL,
  mcps_json        VARCHAR NOT NULL,
  warm_hooks_configured INTEGER NOT NULL,
  updated_at       VARCHAR NOT NULL
);
