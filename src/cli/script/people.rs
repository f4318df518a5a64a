//! `mistral-admin people invite|set-roles|remove` and `mistral-admin invites revoke|resend`.

use clap::{Args, Subcommand};

use super::change::{self, ChangeArgs, ConfirmArgs};
use super::exit::Failure;
use super::session::Session;
use crate::actions::{invites, people, resolve, roles};
use crate::domain::OrgRole;

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// Invite people to the organization by email; each address is checked first.
    Invite(InviteArgs),
    /// Set a person's organization roles (member, billing_manager, organization_admin).
    SetRoles(SetRolesArgs),
    /// Remove a person from the organization and every workspace, for good.
    Remove(RemoveArgs),
}

#[derive(Debug, Subcommand)]
pub enum InvitesCommand {
    /// Withdraw pending invitations (by email or UUID).
    Revoke(RevokeArgs),
    /// Send invitations again with the same roles and workspaces (the old one is revoked and a
    /// new one sent, valid for 7 days): named ones, or every expired one with --expired.
    Resend(ResendArgs),
}

impl PeopleCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Invite(args) => &args.change,
            Self::SetRoles(args) => &args.change,
            Self::Remove(args) => &args.change,
        }
    }
}

impl InvitesCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Revoke(args) => &args.change,
            Self::Resend(args) => &args.change,
        }
    }
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    /// Email addresses (an argument may hold several, separated by commas).
    #[arg(required = true, value_name = "EMAIL")]
    pub emails: Vec<String>,
    /// Their organization role (repeat for several; default: member).
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// A workspace they join once they accept (repeatable).
    #[arg(long = "workspace", value_name = "WORKSPACE")]
    pub workspaces: Vec<String>,
    /// Language of the invitation email.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::api::EMAIL_LANGUAGES))]
    pub language: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct SetRolesArgs {
    /// The person: email, name or UUID.
    pub person: String,
    /// Exactly these organization roles (repeat for several).
    #[arg(long = "role", value_name = "ROLE", required = true)]
    pub roles: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The person: email, name or UUID.
    pub person: String,
    /// Also delete the API keys they own: those the audit log's key creation says are theirs,
    /// else those it says nothing of whose creator is their email. Without it, they keep working.
    #[arg(long)]
    pub delete_keys: bool,
    #[command(flatten)]
    pub confirm: ConfirmArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// Invitations: the invited email or the invitation's UUID.
    #[arg(required = true, value_name = "INVITE")]
    pub invites: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct ResendArgs {
    /// Invitations: the invited email or the invitation's UUID.
    #[arg(value_name = "INVITE", required_unless_present = "expired")]
    pub invites: Vec<String>,
    /// Every expired invitation (with named ones, those too).
    #[arg(long)]
    pub expired: bool,
    /// Language of the new invitation emails (the API does not report the old one's).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::api::EMAIL_LANGUAGES))]
    pub language: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

fn org_roles(given: &[String]) -> Result<Vec<OrgRole>, Failure> {
    Ok(given
        .iter()
        .map(|r| roles::organization_role(r))
        .collect::<Result<_, _>>()?)
}

pub async fn run(session: &Session, command: &PeopleCommand) -> Result<(), Failure> {
    let client = &session.client;
    match command {
        PeopleCommand::Invite(args) => {
            let (active, archived, directory) = client.load_every_workspace_and_directory().await?;
            let mut workspaces = Vec::new();
            for given in &args.workspaces {
                let found = resolve::workspace(&active, &archived, given)?;
                workspaces.push((found.uuid, found.name.clone()));
            }
            let invitation = invites::Invitation {
                addresses: args.emails.clone(),
                roles: org_roles(&args.roles)?,
                workspaces,
                language: args.language.clone(),
            };
            let known: Vec<_> = active
                .iter()
                .chain(&archived)
                .map(|w| (w.uuid, w.name.clone()))
                .collect();
            let plan = invites::invite(&invitation, &directory, &known)?;
            change::apply(session, &args.change, &[], &plan).await
        }
        PeopleCommand::SetRoles(args) => {
            let (directory, access) = futures::try_join!(
                client.load_directory(),
                crate::actions::org_live::group_access(client)
            )?;
            let person = resolve::person(&directory, &args.person)?;
            let through = access.organization_roles_through(person.uuid);
            let plan = people::set_roles(person, &org_roles(&args.roles)?, &directory, &through)?;
            change::apply(session, &args.change, &[], &plan).await
        }
        PeopleCommand::Remove(args) => {
            let (directory, keys, owners) = futures::try_join!(
                async { Ok(client.load_directory().await?) },
                async { Ok::<_, Failure>(client.list_all_api_keys().await?) },
                super::keys::key_owners(client)
            )?;
            let person = resolve::person(&directory, &args.person)?;
            let owned = people::owned_keys(person, &keys, &owners);
            let plan = people::remove(person, &directory, &owned, args.delete_keys)?;
            change::apply(session, &args.change, &args.confirm.confirm, &plan).await
        }
    }
}

pub async fn run_invites(session: &Session, command: &InvitesCommand) -> Result<(), Failure> {
    match command {
        InvitesCommand::Revoke(args) => {
            let directory = session.client.load_directory().await?;
            let chosen = resolve::each(
                &args.invites,
                |given| resolve::invite(directory.invites(), given),
                |invite| invite.uuid,
            )?;
            let plan = invites::revoke_invites(&chosen)?;
            change::apply(session, &args.change, &[], &plan).await
        }
        InvitesCommand::Resend(args) => {
            let directory = session.client.load_directory().await?;
            let mut chosen = resolve::each(
                &args.invites,
                |given| resolve::invite(directory.invites(), given),
                |invite| invite.uuid,
            )?;
            if args.expired {
                let expired = directory.invites().iter().filter(|i| i.expired);
                for invite in expired {
                    if !chosen.iter().any(|c| c.uuid == invite.uuid) {
                        chosen.push(invite);
                    }
                }
            }
            let plan = if chosen.is_empty() {
                invites::nothing_expired()
            } else {
                invites::reinvite(&chosen, args.language.as_deref(), &directory)?
            };
            change::apply(session, &args.change, &[], &plan).await
        }
    }
}
