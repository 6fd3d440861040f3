-- Workspaces, members, hashed tokens, and the synced rows with their per-workspace sequence.
-- Shipped migrations are never edited: add 002_….sql instead.

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- Last sequence number given to a change in this workspace. A push locks this row, so pushes to one workspace
  -- commit one after another and every change gets a strictly rising, never reused number.
  seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, email)
);

-- Only the sha256 of a token is kept.
CREATE TABLE tokens (
  hash text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The last applied mutation id of each extension install, per workspace.
CREATE TABLE sync_clients (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  client_id text NOT NULL,
  member_id text NOT NULL REFERENCES members (id),
  last_mutation_id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, client_id)
);

-- One row per synced record: its merge state (lib/sync/merge.ts RowState, as JSON text) and the sequence number of
-- its latest change. Text, not jsonb: jsonb refuses \u0000 in strings, and the server never queries inside a state.
CREATE TABLE sync_rows (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  tbl text NOT NULL,
  key text NOT NULL,
  state text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (workspace_id, tbl, key)
);

CREATE UNIQUE INDEX sync_rows_workspace_seq ON sync_rows (workspace_id, seq);
