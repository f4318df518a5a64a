//! Every admin operation once: its method and path template. The local server mounts its
//! routes from this table, the client formats its paths from it, and the tests walk it, so
//! a path cannot be spelled one way in one place and another way elsewhere.
//!
//! Templates are relative to the admin prefix (`/v1/admin`, or the older `/api/admin`) and
//! name their parameters as the contract does, because the server reports a bad parameter
//! under that name (`["path", "workspace_uuid"]`). Operations under `/x-local` are the local
//! server's own extensions, not part of Mistral's API.

use uuid::Uuid;

use super::paths::EXTENSION_SEGMENT;

/// The HTTP methods the Admin API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verb {
    Get,
    Post,
    Patch,
    Delete,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// Declares [`Operation`] and its table in one list, so that adding an operation is one line
/// and the compiler then asks the server's router for its handler.
macro_rules! operations {
    ($($name:ident = $verb:ident $template:literal,)*) => {
        /// One operation of the Admin API (or of the local server's `/x-local` extensions).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Operation {
            $($name,)*
        }

        impl Operation {
            /// Every operation, in the order of the table.
            pub const ALL: &'static [Operation] = &[$(Operation::$name,)*];

            pub fn verb(self) -> Verb {
                match self {
                    $(Operation::$name => Verb::$verb,)*
                }
            }

            /// The path after the admin prefix, with `{parameter}` placeholders.
            pub fn template(self) -> &'static str {
                match self {
                    $(Operation::$name => $template,)*
                }
            }
        }
    };
}

operations! {
    ListUsers = Get "/users",
    CreateUsers = Post "/users",
    GetUser = Get "/users/{user_id}",
    UpdateUser = Patch "/users/{user_id}",
    DeleteUser = Delete "/users/{user_id}",
    ListInvites = Get "/users-invite",
    InviteUsers = Post "/users-invite",
    DeleteInvite = Delete "/users-invite/{invite_uuid}",
    ListRoles = Get "/roles",
    ListWorkspaces = Get "/workspaces",
    CreateWorkspace = Post "/workspaces",
    UpdateWorkspace = Patch "/workspaces/{workspace_uuid}",
    ArchiveWorkspace = Delete "/workspaces/{workspace_uuid}",
    AddWorkspaceMembers = Post "/workspaces/{workspace_uuid}/add-users",
    UpsertWorkspaceMembers = Patch "/workspaces/{workspace_uuid}/users",
    RemoveWorkspaceMembers = Delete "/workspaces/{workspace_uuid}/remove-users",
    ListApiKeys = Get "/api-keys",
    CreateApiKey = Post "/api-keys",
    DeleteApiKey = Delete "/api-keys/{key_id}",
    GetSpendLimit = Get "/spend-limit",
    SetSpendLimit = Post "/spend-limit",
    ListAuditLogs = Get "/audit-logs",
    GetUsage = Get "/usage",
    GetRateLimits = Get "/rate-limit",
    ListGroups = Get "/user-groups",
    CreateGroup = Post "/user-groups",
    ProvisionGroupWorkspace = Post "/user-groups/provision-workspace",
    GetGroup = Get "/user-groups/{group_uuid}",
    UpdateGroup = Patch "/user-groups/{group_uuid}",
    DeleteGroup = Delete "/user-groups/{group_uuid}",
    ListGroupMembers = Get "/user-groups/{group_uuid}/members",
    AddGroupMembers = Post "/user-groups/{group_uuid}/members",
    RemoveGroupMembers = Delete "/user-groups/{group_uuid}/members",
    ListGroupWorkspaces = Get "/user-groups/{group_uuid}/workspaces",
    AssignGroupWorkspace = Post "/user-groups/{group_uuid}/workspaces",
    UpdateGroupWorkspace = Patch "/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
    UnassignGroupWorkspace = Delete "/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
    SetGroupOrganizationRole = Patch "/user-groups/{group_uuid}/organization-role",
    ListNestedGroups = Get "/user-groups/{group_uuid}/nested",
    SetNestedGroups = Patch "/user-groups/{group_uuid}/nested",
    TriggerScimSync = Post "/scim/sync",
    GetScimSyncRun = Get "/scim/sync/{run_id}",
    VibeWorkByUser = Get "/analytics/vibe/work/usage/by_user_stats",
    VibeWorkByAgent = Get "/analytics/vibe/work/usage/by_agent_stats",
    VibeWorkByTime = Get "/analytics/vibe/work/usage/by_time_stats",
    VibeCodeByWorkspace = Get "/analytics/vibe/code/usage/by_workspace",
    VibeCodeByOrganization = Get "/analytics/vibe/code/usage/by_organization",
    GetOrganization = Get "/x-local/organization",
    RenameOrganization = Patch "/x-local/organization",
    GetWorkspaceSettings = Get "/x-local/workspaces/{workspace_uuid}/settings",
    UpdateWorkspaceSettings = Patch "/x-local/workspaces/{workspace_uuid}/settings",
    GetScimDirectory = Get "/x-local/scim",
    UpdateScimProvider = Patch "/x-local/scim",
    CreateScimUser = Post "/x-local/scim/users",
    UpdateScimUser = Patch "/x-local/scim/users/{user_id}",
    DeleteScimUser = Delete "/x-local/scim/users/{user_id}",
    CreateScimGroup = Post "/x-local/scim/groups",
    UpdateScimGroup = Patch "/x-local/scim/groups/{group_id}",
    DeleteScimGroup = Delete "/x-local/scim/groups/{group_id}",
}

impl Operation {
    /// Whether this is the local server's own extension rather than an operation of the
    /// contract; a real Mistral server answers 404 there.
    pub fn is_extension(self) -> bool {
        self.template().starts_with(EXTENSION_SEGMENT)
    }

    /// The names of the template's parameters, in order (`["group_uuid", "workspace_uuid"]`).
    pub fn parameters(self) -> impl Iterator<Item = &'static str> {
        self.template()
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
    }

    /// The path with each parameter replaced by the next of `ids`, in the template's order.
    ///
    /// # Panics
    /// When `ids` does not hold exactly one id per parameter: a caller that gets this wrong
    /// would otherwise send a request to another operation's path.
    pub fn path(self, ids: &[Uuid]) -> String {
        assert_eq!(
            ids.len(),
            self.parameters().count(),
            "{self:?} ({}) takes one id per parameter",
            self.template()
        );
        let mut ids = ids.iter();
        self.template()
            .split('/')
            .map(|segment| {
                if segment.starts_with('{') {
                    ids.next().map(Uuid::to_string).unwrap_or_default()
                } else {
                    segment.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_method_and_template_appear_twice() {
        let pairs: HashSet<_> = Operation::ALL
            .iter()
            .map(|op| (op.verb(), op.template()))
            .collect();
        assert_eq!(pairs.len(), Operation::ALL.len());
    }

    #[test]
    fn the_table_holds_the_contracts_47_operations_and_12_extensions() {
        let extensions = Operation::ALL.iter().filter(|op| op.is_extension()).count();
        assert_eq!(Operation::ALL.len() - extensions, 47);
        assert_eq!(extensions, 12);
    }

    #[test]
    fn paths_fill_each_parameter_in_order() {
        let (group, workspace) = (Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(
            Operation::UpdateGroupWorkspace.path(&[group, workspace]),
            format!("/user-groups/{group}/workspaces/{workspace}")
        );
        assert_eq!(
            Operation::UpdateGroupWorkspace
                .parameters()
                .collect::<Vec<_>>(),
            ["group_uuid", "workspace_uuid"]
        );
        assert_eq!(Operation::ListUsers.path(&[]), "/users");
        for op in Operation::ALL {
            let ids: Vec<Uuid> = op.parameters().map(|_| Uuid::new_v4()).collect();
            let path = op.path(&ids);
            assert!(!path.contains('{'), "{op:?}: {path}");
            assert!(path.starts_with('/'), "{op:?}: {path}");
        }
    }

    #[test]
    #[should_panic(expected = "takes one id per parameter")]
    fn a_missing_id_is_a_bug_not_another_path() {
        Operation::GetUser.path(&[]);
    }
}
