-- The local Admin API's data model. Times are Unix microseconds (UTC); ids are lowercase UUID
-- text; role lists are comma-separated role names in precedence order.

CREATE TABLE organizations (
    uuid          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    plan          TEXT NOT NULL,
    currency      TEXT NOT NULL,
    -- Monthly usage limit in whole currency units; NULL means no monthly limit.
    monthly_limit INTEGER,
    -- Spend so far this month, for the limits view.
    usage         REAL NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    -- Seeding order, so the first seeded organization stays first.
    position      INTEGER NOT NULL
);

CREATE TABLE admin_keys (
    id         TEXT PRIMARY KEY,
    org_uuid   TEXT NOT NULL REFERENCES organizations(uuid),
    label      TEXT NOT NULL,
    key_hash   BLOB NOT NULL UNIQUE,
    hint       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE users (
    uuid            TEXT PRIMARY KEY,
    org_uuid        TEXT NOT NULL REFERENCES organizations(uuid),
    email           TEXT NOT NULL,
    -- Lower-cased email, for uniqueness and exact-match filtering.
    email_key       TEXT NOT NULL,
    first_name      TEXT,
    last_name       TEXT,
    oid_id          TEXT,
    is_sso_outsider INTEGER,
    org_roles       TEXT NOT NULL,
    -- Product seats, comma-separated (CHAT, MISTRAL_CODE, ...).
    seats           TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    UNIQUE (org_uuid, email_key)
);
CREATE INDEX users_by_org ON users(org_uuid, created_at, uuid);

CREATE TABLE workspaces (
    uuid                        TEXT PRIMARY KEY,
    org_uuid                    TEXT NOT NULL REFERENCES organizations(uuid),
    name                        TEXT NOT NULL,
    -- Folded name (lower case, no accents), for uniqueness among active workspaces.
    name_key                    TEXT NOT NULL,
    description                 TEXT NOT NULL DEFAULT '',
    icon                        TEXT NOT NULL DEFAULT '',
    is_default                  INTEGER NOT NULL DEFAULT 0,
    created_at                  INTEGER NOT NULL,
    archived_at                 INTEGER,
    -- Extension settings (not in the contract).
    members_can_create_api_keys INTEGER NOT NULL DEFAULT 1,
    monthly_spend_cap           INTEGER
);
CREATE INDEX workspaces_by_org ON workspaces(org_uuid, archived_at, created_at);
CREATE UNIQUE INDEX workspaces_active_name ON workspaces(org_uuid, name_key) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX workspaces_one_default ON workspaces(org_uuid) WHERE is_default = 1;

CREATE TABLE workspace_members (
    workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid),
    user_uuid      TEXT NOT NULL REFERENCES users(uuid) ON DELETE CASCADE,
    roles          TEXT NOT NULL,
    added_at       INTEGER NOT NULL,
    PRIMARY KEY (workspace_uuid, user_uuid)
);
CREATE INDEX workspace_members_by_user ON workspace_members(user_uuid);

CREATE TABLE invitations (
    uuid            TEXT PRIMARY KEY,
    org_uuid        TEXT NOT NULL REFERENCES organizations(uuid),
    email           TEXT NOT NULL,
    email_key       TEXT NOT NULL,
    org_roles       TEXT NOT NULL,
    workspace_uuids TEXT NOT NULL DEFAULT '',
    seats           TEXT NOT NULL DEFAULT '',
    language        TEXT,
    created_at      INTEGER NOT NULL,
    -- Set when the invitation is deleted, or when its address becomes a member.
    closed_at       INTEGER
);
CREATE INDEX invitations_by_org ON invitations(org_uuid, closed_at, created_at);

CREATE TABLE api_keys (
    key_id          TEXT PRIMARY KEY,
    org_uuid        TEXT NOT NULL REFERENCES organizations(uuid),
    workspace_uuid  TEXT NOT NULL REFERENCES workspaces(uuid),
    -- The owner; not a foreign key because keys outlive their owner's membership.
    owner_uuid      TEXT NOT NULL,
    name            TEXT,
    key_hash        BLOB NOT NULL UNIQUE,
    hidden_key      TEXT NOT NULL,
    -- The last four characters, for the `name` filter's suffix match.
    key_suffix      TEXT NOT NULL,
    product         TEXT NOT NULL DEFAULT 'API',
    created_by      TEXT,
    created_at      INTEGER NOT NULL,
    -- Calendar dates as YYYY-MM-DD.
    expiration_date TEXT,
    last_used       TEXT,
    deleted_at      INTEGER
);
CREATE INDEX api_keys_by_org ON api_keys(org_uuid, deleted_at, created_at);

CREATE TABLE audit_logs (
    log_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_uuid        TEXT NOT NULL REFERENCES organizations(uuid),
    created_at      INTEGER NOT NULL,
    actor_type      TEXT NOT NULL,
    actor_user_uuid TEXT,
    actor_metadata  TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    event_metadata  TEXT NOT NULL,
    target_type     TEXT NOT NULL,
    target_metadata TEXT NOT NULL,
    workspace_uuid  TEXT
);
CREATE INDEX audit_logs_by_org ON audit_logs(org_uuid, created_at, log_id);
