-- A number that moves on with every change the API can make, in any process: the serialized
-- pages of the organization listings that the server keeps (ops/page_cache.rs) are filed under
-- it, so a kept page is only ever served for exactly the data it was made from, and the next
-- read after any change builds its page afresh. The large append-only histories that only the
-- seeds write (usage records, Vibe activity) are left out: no listing reads them, and their
-- rows number in the hundreds of thousands.
ALTER TABLE database_identity ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER organizations_generation_in AFTER INSERT ON organizations BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER organizations_generation_changed AFTER UPDATE ON organizations BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER organizations_generation_out AFTER DELETE ON organizations BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER users_generation_in AFTER INSERT ON users BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER users_generation_changed AFTER UPDATE ON users BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER users_generation_out AFTER DELETE ON users BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER workspaces_generation_in AFTER INSERT ON workspaces BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER workspaces_generation_changed AFTER UPDATE ON workspaces BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER workspaces_generation_out AFTER DELETE ON workspaces BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER workspace_members_generation_in AFTER INSERT ON workspace_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER workspace_members_generation_changed AFTER UPDATE ON workspace_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER workspace_members_generation_out AFTER DELETE ON workspace_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER invitations_generation_in AFTER INSERT ON invitations BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER invitations_generation_changed AFTER UPDATE ON invitations BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER invitations_generation_out AFTER DELETE ON invitations BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_groups_generation_in AFTER INSERT ON user_groups BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_groups_generation_changed AFTER UPDATE ON user_groups BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_groups_generation_out AFTER DELETE ON user_groups BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_group_members_generation_in AFTER INSERT ON user_group_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_group_members_generation_changed AFTER UPDATE ON user_group_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_group_members_generation_out AFTER DELETE ON user_group_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_group_nesting_generation_in AFTER INSERT ON user_group_nesting BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_group_nesting_generation_changed AFTER UPDATE ON user_group_nesting BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER user_group_nesting_generation_out AFTER DELETE ON user_group_nesting BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER group_workspace_assignments_generation_in AFTER INSERT ON group_workspace_assignments BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER group_workspace_assignments_generation_changed AFTER UPDATE ON group_workspace_assignments BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER group_workspace_assignments_generation_out AFTER DELETE ON group_workspace_assignments BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER api_keys_generation_in AFTER INSERT ON api_keys BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER api_keys_generation_changed AFTER UPDATE ON api_keys BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER api_keys_generation_out AFTER DELETE ON api_keys BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER admin_keys_generation_in AFTER INSERT ON admin_keys BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER admin_keys_generation_changed AFTER UPDATE ON admin_keys BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER admin_keys_generation_out AFTER DELETE ON admin_keys BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER audit_logs_generation_in AFTER INSERT ON audit_logs BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER audit_logs_generation_changed AFTER UPDATE ON audit_logs BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER audit_logs_generation_out AFTER DELETE ON audit_logs BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_providers_generation_in AFTER INSERT ON scim_providers BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_providers_generation_changed AFTER UPDATE ON scim_providers BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_providers_generation_out AFTER DELETE ON scim_providers BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_users_generation_in AFTER INSERT ON scim_users BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_users_generation_changed AFTER UPDATE ON scim_users BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_users_generation_out AFTER DELETE ON scim_users BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_groups_generation_in AFTER INSERT ON scim_groups BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_groups_generation_changed AFTER UPDATE ON scim_groups BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_groups_generation_out AFTER DELETE ON scim_groups BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_group_members_generation_in AFTER INSERT ON scim_group_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_group_members_generation_changed AFTER UPDATE ON scim_group_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_group_members_generation_out AFTER DELETE ON scim_group_members BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_sync_runs_generation_in AFTER INSERT ON scim_sync_runs BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_sync_runs_generation_changed AFTER UPDATE ON scim_sync_runs BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
CREATE TRIGGER scim_sync_runs_generation_out AFTER DELETE ON scim_sync_runs BEGIN
    UPDATE database_identity SET generation = generation + 1;
END;
