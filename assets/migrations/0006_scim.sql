-- A simulated identity provider per organization, which `POST /scim/sync` reads from, and the
-- sync runs. Provider users are matched to members by address (`user_name`); once matched or
-- provisioned, a member's `oid_id` holds the provider's id for them.

CREATE TABLE scim_providers (
    org_uuid  TEXT PRIMARY KEY REFERENCES organizations(uuid),
    -- 0 makes every run fail as if the provider could not be reached.
    reachable INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE scim_users (
    id            TEXT PRIMARY KEY,
    org_uuid      TEXT NOT NULL REFERENCES organizations(uuid),
    user_name     TEXT NOT NULL,
    user_name_key TEXT NOT NULL,
    given_name    TEXT,
    family_name   TEXT,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    UNIQUE (org_uuid, user_name_key)
);

CREATE TABLE scim_groups (
    id           TEXT PRIMARY KEY,
    org_uuid     TEXT NOT NULL REFERENCES organizations(uuid),
    display_name TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX scim_groups_by_org ON scim_groups(org_uuid, created_at);

CREATE TABLE scim_group_members (
    group_id TEXT NOT NULL REFERENCES scim_groups(id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES scim_users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;

CREATE TABLE scim_sync_runs (
    run_id        TEXT PRIMARY KEY,
    org_uuid      TEXT NOT NULL REFERENCES organizations(uuid),
    dry_run       INTEGER NOT NULL,
    -- AdminScimSyncConfig as JSON, or NULL.
    sync_config   TEXT,
    -- PENDING, RUNNING, SUCCESS, SKIPPED or FAILED.
    status        TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    started_at    INTEGER,
    finished_at   INTEGER,
    -- ScimSyncSummaryOut as JSON, once the plan is built.
    summary       TEXT,
    error_message TEXT
);
CREATE INDEX scim_sync_runs_by_org ON scim_sync_runs(org_uuid, status);
