//! Writes seed data straight into the tables, with history in the audit log as if people had
//! made each change at the time it carries. Ids come from a seeded generator, so the same
//! seed always builds the same organization.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::Transaction;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::domain::{OrgRole, WorkspaceRole};
use crate::server::clock::to_micros;
use crate::server::credentials;
use crate::server::error::ApiResult;
use crate::server::ops::api_keys::{self, InsertKey};
use crate::server::ops::audit::{self, Entry};
use crate::server::ops::organizations::{self, NewAdmin, NewOrganization};
use crate::server::ops::{
    Actor, encode_list, encode_org_roles, encode_workspace_roles, invites, members,
};

use super::PlannedOrganization;

pub struct Builder<'t, 'c> {
    pub tx: &'t Transaction<'c>,
    rng: StdRng,
    now: OffsetDateTime,
    pub org: Uuid,
    pub default_workspace: Uuid,
    admin: Actor,
}

pub struct OrgSpec<'a> {
    pub name: &'a str,
    pub plan: &'a str,
    pub currency: &'a str,
    pub monthly_limit: Option<i64>,
    pub age_days: i64,
    pub admin: (&'a str, &'a str, &'a str),
}

impl<'t, 'c> Builder<'t, 'c> {
    /// Creates the organization (default workspace and first admin included).
    pub fn organization(
        tx: &'t Transaction<'c>,
        seed: u64,
        now: OffsetDateTime,
        spec: &OrgSpec<'_>,
    ) -> ApiResult<(Self, PlannedOrganization)> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut uuid = || uuid::Builder::from_random_bytes(rng.random()).into_uuid();
        let (org, default_workspace, admin_uuid) = (uuid(), uuid(), uuid());
        let created_at = now - Duration::days(spec.age_days);
        organizations::create(
            tx,
            &NewOrganization {
                uuid: org,
                name: spec.name,
                plan: spec.plan,
                currency: spec.currency,
                monthly_limit: spec.monthly_limit,
                created_at,
                default_workspace,
                admin: NewAdmin {
                    uuid: admin_uuid,
                    email: spec.admin.2,
                    first_name: spec.admin.0,
                    last_name: spec.admin.1,
                },
            },
        )?;
        let admin = Actor::User {
            uuid: admin_uuid,
            email: spec.admin.2.to_owned(),
        };
        let mut builder = Self {
            tx,
            rng,
            now,
            org,
            default_workspace,
            admin,
        };
        builder.history(
            spec.age_days,
            Entry::new("organization.create", "ORGANIZATION").target("name", spec.name),
        )?;
        let planned = PlannedOrganization {
            uuid: org,
            name: spec.name.to_owned(),
            admin_user_uuid: admin_uuid,
        };
        Ok((builder, planned))
    }

    pub fn uuid(&mut self) -> Uuid {
        uuid::Builder::from_random_bytes(self.rng.random()).into_uuid()
    }

    /// The instant the seed treats as now.
    pub fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        self.rng.random()
    }

    pub fn pick(&mut self, upper: usize) -> usize {
        self.rng.random_range(0..upper.max(1))
    }

    /// A new row's id and creation time (`days` ago, in stored micros), drawn in that order
    /// so the seed stays the same for a given seed number.
    pub fn new_row(&mut self, days: i64) -> (Uuid, i64) {
        let uuid = self.uuid();
        (uuid, to_micros(self.at(days)))
    }

    /// `days` ago, at a varying hour, so histories do not all happen at midnight; never later
    /// than now, even when the hour chosen for today has not come yet.
    pub fn at(&mut self, days: i64) -> OffsetDateTime {
        let minutes = self.rng.random_range(0..600);
        let at = self.now - Duration::days(days) + Duration::minutes(minutes) - Duration::hours(10);
        at.min(self.now)
    }

    pub fn history(&mut self, days: i64, entry: Entry) -> ApiResult<()> {
        let at = self.at(days);
        let actor = self.admin.clone();
        audit::record_at(self.tx, self.org, &actor, at, entry)
    }

    /// A member of the organization, placed in the default workspace as every member is.
    pub fn user(
        &mut self,
        first: &str,
        last: &str,
        email: &str,
        roles: &[OrgRole],
        seats: &[&str],
        days: i64,
    ) -> ApiResult<Uuid> {
        let (uuid, at) = self.new_row(days);
        self.tx
            .prepare_cached(
                "INSERT INTO users (uuid, org_uuid, email, email_key, first_name, last_name, org_roles, seats, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(rusqlite::params![
                uuid.to_string(),
                self.org.to_string(),
                email,
                email.to_lowercase(),
                first,
                last,
                encode_org_roles(roles),
                encode_list(seats),
                at
            ])?;
        self.raw_member(
            self.default_workspace,
            uuid,
            &[WorkspaceRole::DEFAULT_FOR_NEW_MEMBER],
            at,
        )?;
        Ok(uuid)
    }

    /// Records a user's arrival; the large seed skips this to stay fast.
    pub fn user_history(&mut self, uuid: Uuid, email: &str, days: i64) -> ApiResult<()> {
        self.history(days, Entry::user("user.create", uuid, email))
    }

    fn raw_member(
        &mut self,
        workspace: Uuid,
        user: Uuid,
        roles: &[WorkspaceRole],
        at: i64,
    ) -> ApiResult<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO workspace_members (workspace_uuid, user_uuid, roles, added_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (workspace_uuid, user_uuid) DO UPDATE SET roles = excluded.roles",
            )?
            .execute(rusqlite::params![workspace.to_string(), user.to_string(), encode_workspace_roles(roles), at])?;
        Ok(())
    }

    pub fn workspace(
        &mut self,
        name: &str,
        description: &str,
        icon: &str,
        days: i64,
    ) -> ApiResult<Uuid> {
        let (uuid, at) = self.new_row(days);
        self.tx
            .prepare_cached(
                "INSERT INTO workspaces (uuid, org_uuid, name, name_key, description, icon, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(rusqlite::params![
                uuid.to_string(),
                self.org.to_string(),
                name,
                crate::domain::text::name_key(name),
                description,
                icon,
                at
            ])?;
        Ok(uuid)
    }

    pub fn workspace_history(&mut self, uuid: Uuid, name: &str, days: i64) -> ApiResult<()> {
        self.history(
            days,
            Entry::workspace("workspace.create", uuid, name).in_workspace(uuid),
        )
    }

    pub fn member(
        &mut self,
        workspace: Uuid,
        user: Uuid,
        roles: &[WorkspaceRole],
        days: i64,
    ) -> ApiResult<()> {
        let at = to_micros(self.at(days));
        self.raw_member(workspace, user, roles, at)
    }

    pub fn member_history(
        &mut self,
        workspace: Uuid,
        name: &str,
        user: Uuid,
        roles: &[WorkspaceRole],
        days: i64,
    ) -> ApiResult<()> {
        self.member(workspace, user, roles, days)?;
        let entry = members::added_entry(workspace, name, user, roles);
        self.history(days, entry)
    }

    pub fn settings(
        &mut self,
        workspace: Uuid,
        members_can_create_keys: bool,
        cap: Option<i64>,
    ) -> ApiResult<()> {
        self.tx.execute(
            "UPDATE workspaces SET members_can_create_api_keys = ?1, monthly_spend_cap = ?2 WHERE uuid = ?3",
            rusqlite::params![members_can_create_keys, cap, workspace.to_string()],
        )?;
        Ok(())
    }

    pub fn archive(&mut self, workspace: Uuid, name: &str, days: i64) -> ApiResult<()> {
        let at = to_micros(self.at(days));
        self.tx.execute(
            "UPDATE workspaces SET archived_at = ?1 WHERE uuid = ?2",
            rusqlite::params![at, workspace.to_string()],
        )?;
        self.history(
            days,
            Entry::workspace("workspace.delete", workspace, name).in_workspace(workspace),
        )
    }

    /// Archives without recording it, for the measuring seeds that keep no history.
    pub fn archive_quietly(&mut self, workspace: Uuid, days: i64) -> ApiResult<()> {
        let at = to_micros(self.at(days));
        self.tx
            .prepare_cached("UPDATE workspaces SET archived_at = ?1 WHERE uuid = ?2")?
            .execute(rusqlite::params![at, workspace.to_string()])?;
        Ok(())
    }

    /// A workspace key with a random secret nobody knows; it only fills the lists.
    #[allow(clippy::too_many_arguments)]
    pub fn api_key(
        &mut self,
        workspace: Uuid,
        owner: Uuid,
        owner_email: &str,
        name: &str,
        days: i64,
        expires_in_days: Option<i64>,
        used_days_ago: Option<i64>,
    ) -> ApiResult<()> {
        let key_id = self.uuid();
        let plaintext = credentials::generate_key();
        let created_at = self.at(days);
        api_keys::insert(
            self.tx,
            &InsertKey {
                key_id,
                org: self.org,
                workspace,
                owner,
                name: Some(name),
                plaintext: plaintext.expose(),
                created_by: owner_email,
                created_at,
                expiration: expires_in_days.map(|d| (self.now + Duration::days(d)).date()),
            },
        )?;
        if let Some(ago) = used_days_ago {
            self.tx.execute(
                "UPDATE api_keys SET last_used = ?1 WHERE key_id = ?2",
                [
                    crate::api::datetime::format_date((self.now - Duration::days(ago)).date()),
                    key_id.to_string(),
                ],
            )?;
        }
        self.history(
            days,
            Entry::new("api_key.create", "API_KEY")
                .target("api_key_id", key_id)
                .target("name", name)
                .target("hidden_key", credentials::hidden_form(plaintext.expose()))
                .in_workspace(workspace),
        )
    }

    pub fn invite(
        &mut self,
        email: &str,
        roles: &[OrgRole],
        workspaces: &[Uuid],
        days: i64,
    ) -> ApiResult<()> {
        let uuid = self.uuid();
        let at = self.at(days);
        invites::insert(
            self.tx,
            self.org,
            uuid,
            email,
            roles,
            workspaces,
            &[],
            Some("en"),
            at,
        )?;
        self.history(
            days,
            Entry::new("organization.invite.send", "USER")
                .target("invite_uuid", uuid)
                .target("email", email),
        )
    }

    pub fn login(&mut self, user: Uuid, email: &str, days: i64) -> ApiResult<()> {
        let at = self.at(days);
        let actor = Actor::User {
            uuid: user,
            email: email.to_owned(),
        };
        audit::record_at(
            self.tx,
            self.org,
            &actor,
            at,
            Entry::user("user.log_in", user, email),
        )
    }
}
