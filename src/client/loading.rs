//! What commands load side by side before they resolve what they were given: the workspaces
//! (active, and archived too where a name may be an archived workspace's) and the directory
//! of everyone in the organization.

use super::directory::Directory;
use super::error::ClientError;
use super::transport::AdminClient;
use crate::api::WorkspaceOut;

impl AdminClient {
    /// Everyone in the organization with role names resolved: the listing and the role
    /// catalog, fetched side by side.
    pub async fn load_directory(&self) -> Result<Directory, ClientError> {
        let (users, roles) = futures::try_join!(self.list_all_users(), self.roles())?;
        Ok(Directory::new(users.members, users.invites, &roles))
    }

    /// The active workspaces and everyone in the organization, fetched side by side: what a
    /// command that names a workspace and a person resolves both against.
    pub async fn load_workspaces_and_directory(
        &self,
    ) -> Result<(Vec<WorkspaceOut>, Directory), ClientError> {
        futures::try_join!(self.list_all_workspaces(false), self.load_directory())
    }

    /// The active workspaces, then the archived ones, fetched side by side: what a workspace
    /// given by name or UUID is looked up in (an archived one is found, to be refused by name).
    pub async fn list_every_workspace(
        &self,
    ) -> Result<(Vec<WorkspaceOut>, Vec<WorkspaceOut>), ClientError> {
        futures::try_join!(
            self.list_all_workspaces(false),
            self.list_all_workspaces(true)
        )
    }

    /// The active and the archived workspaces and everyone in the organization, fetched side
    /// by side: what a command that names any workspace and people resolves them against.
    pub async fn load_every_workspace_and_directory(
        &self,
    ) -> Result<(Vec<WorkspaceOut>, Vec<WorkspaceOut>, Directory), ClientError> {
        futures::try_join!(
            self.list_all_workspaces(false),
            self.list_all_workspaces(true),
            self.load_directory()
        )
    }
}
