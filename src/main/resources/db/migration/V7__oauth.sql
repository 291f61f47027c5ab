-- OAuth 2.1 for remote MCP clients (README "Remote clients and OAuth"). Clients register themselves
-- (RFC 7591, public clients only); a grant is one approval by the owner on the consent page, with the
-- authorization code it produced; tokens belong to a grant. Codes and tokens are kept only as SHA-256.
CREATE TABLE oauth_clients (
  id            VARCHAR PRIMARY KEY,
  name          VARCHAR NOT NULL,
  redirect_uris VARCHAR NOT NULL, -- one URI a line
  created_at    VARCHAR NOT NULL
);

CREATE TABLE oauth_grants (
  id              VARCHAR PRIMARY KEY,
  client_id       VARCHAR NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
  organization_id VARCHAR NOT NULL,
  approved_by     VARCHAR NOT NULL,
  resource        VARCHAR NOT NULL,
  scope           VARCHAR,
  code_hash       VARCHAR NOT NULL UNIQUE,
  code_challenge  VARCHAR NOT NULL,
  redirect_uri    VARCHAR NOT NULL,
  code_expires_at VARCHAR NOT NULL,
  code_used_at    VARCHAR,
  created_at      VARCHAR NOT NULL,
  last_used_at    VARCHAR,
  revoked_at      VARCHAR
);

CREATE TABLE oauth_tokens (
  token_hash VARCHAR PRIMARY KEY,
  grant_id   VARCHAR NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
  kind       VARCHAR NOT NULL, -- access or refresh
  expires_at VARCHAR NOT NULL,
  created_at VARCHAR NOT NULL,
  retired_at VARCHAR -- a refresh token used once (rotation); using it again revokes the grant
);

CREATE INDEX oauth_tokens_grant ON oauth_tokens (grant_id);
