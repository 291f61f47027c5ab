-- Coding-agent credentials of an organization (spec §2.21): one per kind, the secret only as AES-GCM
-- ciphertext bound to its row; hint is a masked form that is safe to list.
CREATE TABLE agent_credentials (
  id                VARCHAR PRIMARY KEY,
  organization_id   VARCHAR NOT NULL,
  kind              VARCHAR NOT NULL,
  secret_ciphertext VARCHAR NOT NULL,
  hint              VARCHAR NOT NULL,
  created_at        VARCHAR NOT NULL,
  updated_at        VARCHAR NOT NULL,
  UNIQUE (organization_id, kind)
);
