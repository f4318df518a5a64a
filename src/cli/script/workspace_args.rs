//! Arguments that several commands about a workspace's members take alike: which members of
//! which workspace, and the roles someone gains there.

use clap::Args;

/// The workspace and some of its members.
#[derive(Debug, Args)]
pub struct WorkspaceMembers {
    /// The workspace: its name or UUID.
    pub workspace: String,
    /// Members of the workspace: emails, names or UUIDs.
    #[arg(required = true, value_name = "PERSON")]
    pub people: Vec<String>,
}

/// The workspace roles given to whoever joins a workspace.
#[derive(Debug, Args)]
pub struct GrantedRoles {
    /// A workspace role they gain there (repeat for several).
    #[arg(
        long = "role",
        value_name = "ROLE",
        default_value = "workspace_contributor"
    )]
    pub roles: Vec<String>,
}
