-- Counts kept as rows change, so that listings read them instead of counting per request:
-- an organization's members (the `total` of `GET /users`) and each workspace's direct members
-- (the bulk of `members_count`). Triggers keep them, so every path that adds or removes a row,
-- foreign-key cascades and other processes included, keeps them right.

ALTER TABLE organizations ADD COLUMN users_count INTEGER NOT NULL DEFAULT 0;
-- Changes whenever the order of the organization's members changes (someone joins or leaves):
-- what a cached description of that order (see ops/member_pages.rs) is checked against.
ALTER TABLE organizations ADD COLUMN users_version INTEGER NOT NULL DEFAULT 0;
UPDATE organizations
SET users_count = (SELECT COUNT(*) FROM users u WHERE u.org_uuid = organizations.uuid);

ALTER TABLE workspaces ADD COLUMN direct_members_count INTEGER NOT NULL DEFAULT 0;
UPDATE workspaces
SET direct_members_count =
    (SELECT COUNT(*) FROM workspace_members m WHERE m.workspace_uuid = workspaces.uuid);

CREATE TRIGGER users_counted_in AFTER INSERT ON users BEGIN
    UPDATE organizations SET users_count = users_count + 1, users_version = users_version + 1
    WHERE uuid = NEW.org_uuid;
END;
CREATE TRIGGER users_counted_out AFTER DELETE ON users BEGIN
    UPDATE organizations SET users_count = users_count - 1, users_version = users_version + 1
    WHERE uuid = OLD.org_uuid;
END;
-- Nothing moves a member today; if something ever does, the counts and the order follow.
CREATE TRIGGER users_moved AFTER UPDATE OF org_uuid, created_at ON users BEGIN
    UPDATE organizations SET users_count = users_count - 1, users_version = users_version + 1
    WHERE uuid = OLD.org_uuid;
    UPDATE organizations SET users_count = users_count + 1, users_version = users_version + 1
    WHERE uuid = NEW.org_uuid;
END;

CREATE TRIGGER workspace_members_counted_in AFTER INSERT ON workspace_members BEGIN
    UPDATE workspaces SET direct_members_count = direct_members_count + 1
    WHERE uuid = NEW.workspace_uuid;
END;
CREATE TRIGGER workspace_members_counted_out AFTER DELETE ON workspace_members BEGIN
    UPDATE workspaces SET direct_members_count = direct_members_count - 1
    WHERE uuid = OLD.workspace_uuid;
END;
CREATE TRIGGER workspace_members_moved AFTER UPDATE OF workspace_uuid ON workspace_members BEGIN
    UPDATE workspaces SET direct_members_count = direct_members_count - 1
    WHERE uuid = OLD.workspace_uuid;
    UPDATE workspaces SET direct_members_count = direct_members_count + 1
    WHERE uuid = NEW.workspace_uuid;
END;

-- Changes whenever a workspace of the organization is created, renamed, archived or otherwise
-- changes what members' listings say of it: what the cached list of its active workspaces
-- (ops/active_workspaces.rs) is checked against. Member counts are not part of it.
ALTER TABLE organizations ADD COLUMN workspaces_version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER workspaces_versioned_in AFTER INSERT ON workspaces BEGIN
    UPDATE organizations SET workspaces_version = workspaces_version + 1
    WHERE uuid = NEW.org_uuid;
END;
CREATE TRIGGER workspaces_versioned
AFTER UPDATE OF org_uuid, name, is_default, created_at, archived_at ON workspaces BEGIN
    UPDATE organizations SET workspaces_version = workspaces_version + 1
    WHERE uuid IN (OLD.org_uuid, NEW.org_uuid);
END;
CREATE TRIGGER workspaces_versioned_out AFTER DELETE ON workspaces BEGIN
    UPDATE organizations SET workspaces_version = workspaces_version + 1
    WHERE uuid = OLD.org_uuid;
END;

-- Members in listing order (oldest first, then in insertion order): every index entry ends
-- with the rowid, so this one is exactly `ORDER BY created_at, rowid`, and a page can start
-- from any member's place in it without reading the members before.
CREATE INDEX users_in_listing_order ON users(org_uuid, created_at);

-- Active workspaces in listing order (the default first, then oldest first), so a page of
-- them is read in order rather than sorted from all of them on every request.
CREATE INDEX workspaces_in_listing_order
    ON workspaces(org_uuid, archived_at, is_default DESC, created_at, uuid);

-- A page of members lists each one's workspaces: read from these two indexes alone, without
-- visiting the membership and workspace rows (half the lookups of `GET /users`).
DROP INDEX workspace_members_by_user;
CREATE INDEX workspace_members_by_user ON workspace_members(user_uuid, workspace_uuid, roles);
CREATE INDEX workspaces_as_listed_for_members
    ON workspaces(uuid, archived_at, is_default, created_at, name);

-- Which database this is, made once: caches in the process tell two databases apart by it even
-- when they hold the same organizations (seeds are deterministic).
CREATE TABLE database_identity (id BLOB NOT NULL);
INSERT INTO database_identity (id) VALUES (randomblob(16));
