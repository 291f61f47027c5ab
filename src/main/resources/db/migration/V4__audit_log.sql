-- The audit log (spec §11.1, issue 10): one row per configuration change, written in the change's own
-- transaction where it can be. before_json and after_json are already redacted: no secret reaches this table.
CREATE TABLE audit_log (
  id              VARCHAR PRIMARY KEY,
  organization_id VARCHAR NOT NULL,
  at              VARCHAR NOT NULL,
  actor_type      VARCHAR NOT NULL,
  actor_id        VARCHAR,
  actor_name      VARCHAR,
  action          VARCHAR NOT NULL,
  resource_type   VARCHAR NOT NULL,
  resource_id     VARCHAR,
  before_json     TEXT,
  after_json      TEXT
);
CREATE INDEX audit_log_org_at ON audit_log (organization_id, at);
