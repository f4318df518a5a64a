//! Organization members, invitations and the role catalog.

use uuid::Uuid;

use super::error::ClientError;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
use crate::api::{
    AdminOrganizationMemberOut, AdminOrganizationMemberUpdate, AdminUserOut, DeleteOut,
    OrganizationAdminUsersOut, OrganizationInviteIn, OrganizationInvitesCreateOut,
    OrganizationMemberCreate, OrganizationUserInviteOut, OrganizationUsersCreateOut, RolesOut,
};

impl AdminClient {
    /// `GET /users`: one page of members and pending invitations. The server may serve a
    /// smaller page than asked for; the reply says which size it used.
    pub async fn list_users(
        &self,
        page: u32,
        page_size: u32,
        email: Option<&str>,
    ) -> Result<OrganizationAdminUsersOut, ClientError> {
        let call = Call::to(Operation::ListUsers, &[], "Page")
            .page(page, page_size)
            .filter("email", email);
        self.send(call).await
    }

    /// `POST /users`: creates several members at once.
    pub async fn create_users(
        &self,
        users: &[OrganizationMemberCreate],
    ) -> Result<OrganizationUsersCreateOut, ClientError> {
        self.send(Call::to(Operation::CreateUsers, &[], "Organization").json(&users)?)
            .await
    }

    pub async fn get_user(&self, id: Uuid) -> Result<AdminUserOut, ClientError> {
        self.send(Call::to(Operation::GetUser, &[id], "User")).await
    }

    /// `PATCH /users/{id}`: organization roles and seats.
    pub async fn update_user(
        &self,
        id: Uuid,
        update: &AdminOrganizationMemberUpdate,
    ) -> Result<AdminOrganizationMemberOut, ClientError> {
        self.send(Call::to(Operation::UpdateUser, &[id], "User").json(update)?)
            .await
    }

    /// `DELETE /users/{id}`: removes the member from the organization and all its workspaces.
    pub async fn delete_user(&self, id: Uuid) -> Result<DeleteOut, ClientError> {
        self.send(Call::to(Operation::DeleteUser, &[id], "User"))
            .await
    }

    /// `POST /users-invite`: invalid and already-member addresses come back in the reply,
    /// not as an error.
    pub async fn invite_users(
        &self,
        invite: &OrganizationInviteIn,
    ) -> Result<OrganizationInvitesCreateOut, ClientError> {
        self.send(Call::to(Operation::InviteUsers, &[], "Organization").json(invite)?)
            .await
    }

    pub async fn list_invites(&self) -> Result<Vec<OrganizationUserInviteOut>, ClientError> {
        self.send(Call::to(Operation::ListInvites, &[], "Invitation"))
            .await
    }

    pub async fn delete_invite(&self, id: Uuid) -> Result<DeleteOut, ClientError> {
        self.send(Call::to(Operation::DeleteInvite, &[id], "Invitation"))
            .await
    }

    /// `GET /roles`: the only source of which role UUID means which role.
    pub async fn roles(&self) -> Result<RolesOut, ClientError> {
        self.send(Call::to(Operation::ListRoles, &[], "Role catalog"))
            .await
    }
}
