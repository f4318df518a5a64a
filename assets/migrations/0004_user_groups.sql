-- User groups: members, nesting, workspace assignments and an organization role. A member's
-- access is the union of their direct grants and the grants of every group they belong to,
-- directly or through groups nested inside it.

CREATE TABLE user_groups (
    uuid              TEXT PRIMARY KEY,
    org_uuid          TEXT NOT NULL REFERENCES organizations(uuid),
    name              TEXT NOT NULL,
    -- Folded name (lower case, no accents): unique within the organization, and searched.
    name_key          TEXT NOT NULL,
    description       TEXT,
    -- 'W', 'O' or NULL (UserGroupTargetType).
    target_type       TEXT,
    -- An organization role name granted to every member, or NULL.
    organization_role TEXT,
    -- The identity provider's id when the group came from SCIM; its name and members are
    -- then owned by the provider and read-only here.
    external_id       TEXT,
    created_at        INTEGER NOT NULL
);
CREATE INDEX user_groups_by_org ON user_groups(org_uuid, created_at, uuid);
CREATE UNIQUE INDEX user_groups_name ON user_groups(org_uuid, name_key);
CREATE UNIQUE INDEX user_groups_external ON user_groups(org_uuid, external_id)
    WHERE external_id IS NOT NULL;

CREATE TABLE user_group_members (
    group_uuid TEXT NOT NULL REFERENCES user_groups(uuid) ON DELETE CASCADE,
    user_uuid  TEXT NOT NULL REFERENCES users(uuid) ON DELETE CASCADE,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (group_uuid, user_uuid)
) WITHOUT ROWID;
CREATE INDEX user_group_members_by_user ON user_group_members(user_uuid);

-- `child` is nested inside `parent`: the child's members are members of the parent too.
CREATE TABLE user_group_nesting (
    parent_uuid TEXT NOT NULL REFERENCES user_groups(uuid) ON DELETE CASCADE,
    child_uuid  TEXT NOT NULL REFERENCES user_groups(uuid) ON DELETE CASCADE,
    PRIMARY KEY (parent_uuid, child_uuid)
) WITHOUT ROWID;
CREATE INDEX user_group_nesting_by_child ON user_group_nesting(child_uuid);

CREATE TABLE group_workspace_assignments (
    group_uuid     TEXT NOT NULL REFERENCES user_groups(uuid) ON DELETE CASCADE,
    workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid),
    -- Comma-separated workspace role names in precedence order.
    roles          TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (group_uuid, workspace_uuid)
) WITHOUT ROWID;
CREATE INDEX group_workspace_assignments_by_workspace
    ON group_workspace_assignments(workspace_uuid);
