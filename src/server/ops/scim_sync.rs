//! SCIM sync runs: starting one, and its lifecycle. A run is PENDING for [`PENDING_FOR`], then
//! RUNNING (its plan built, the summary shown as a preview) for [`RUNNING_FOR`], then ends:
//! SUCCESS (a real run applies what its `sync_config` selects, and its summary becomes what was
//! done), SKIPPED (a real run that selects nothing), or FAILED (the provider did not answer).
//!
//! Runs move on the server's clock: every request that looks at runs first brings them up to
//! date, and the server also wakes up when a run is due to end, so a real run is applied even
//! if nobody asks. A run's times are its schedule, not the moment someone happened to look.

use rusqlite::{OptionalExtension, Transaction};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::audit::{self, Entry};
use super::scim_plan::{self, GroupTarget, Person, Plan};
use super::{Actor, Op, ids_of, scim_apply, scim_directory, uuid_at};
use crate::api::*;
use crate::server::clock::{from_micros, to_micros};
use crate::server::error::{ApiError, ApiResult};

pub const PENDING_FOR: Duration = Duration::milliseconds(300);
pub const RUNNING_FOR: Duration = Duration::milliseconds(1200);

/// What the provider says when it cannot be reached.
pub const UNREACHABLE: &str = "Failed to fetch users from the SCIM provider.";

/// What starting a run gave.
pub enum Trigger {
    Started(AdminScimSyncTriggerOut),
    /// Another run is active; nothing was started.
    Active(AdminScimSyncActiveRunOut),
}

/// `POST /scim/sync`.
pub fn trigger(op: Op<'_>, body: &AdminScimSyncTriggerIn) -> ApiResult<Trigger> {
    advance(op.tx, op.org, op.now)?;
    let active: Option<(Uuid, String)> = op
        .tx
        .query_row(
            "SELECT run_id, status FROM scim_sync_runs
             WHERE org_uuid = ?1 AND status IN ('PENDING', 'RUNNING') ORDER BY created_at LIMIT 1",
            [op.org.to_string()],
            |row| Ok((uuid_at(row, 0)?, row.get(1)?)),
        )
        .optional()?;
    if let Some((run_id, status)) = active {
        return Ok(Trigger::Active(AdminScimSyncActiveRunOut {
            run_id,
            status,
        }));
    }
    let run_id = Uuid::new_v4();
    let config = body.sync_config.map(|c| encode(&c));
    op.tx.execute(
        "INSERT INTO scim_sync_runs (run_id, org_uuid, dry_run, sync_config, status, created_at)
         VALUES (?1, ?2, ?3, ?4, 'PENDING', ?5)",
        rusqlite::params![
            run_id.to_string(),
            op.org.to_string(),
            body.dry_run,
            config,
            to_micros(op.now)
        ],
    )?;
    audit::record(
        op,
        Entry::organization("organization.scim_sync.trigger", op.org)
            .detail("run_id", run_id)
            .detail("dry_run", body.dry_run)
            .detail("sync_config", config.unwrap_or_else(|| "null".into())),
    )?;
    Ok(Trigger::Started(AdminScimSyncTriggerOut { run_id }))
}

fn encode<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

fn decode<T: serde::de::DeserializeOwned>(text: Option<String>) -> Option<T> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

/// `GET /scim/sync/{run_id}`: the run, brought up to date first.
pub fn get(op: Op<'_>, run_id: Uuid) -> ApiResult<AdminScimSyncRunOut> {
    advance(op.tx, op.org, op.now)?;
    load(op.tx, op.org, run_id)?
        .ok_or_else(|| ApiError::not_found(format!("SCIM synchronization run {run_id} not found")))
}

fn load(tx: &Transaction<'_>, org: Uuid, run_id: Uuid) -> ApiResult<Option<AdminScimSyncRunOut>> {
    Ok(tx
        .query_row(
            "SELECT run_id, status, dry_run, sync_config, created_at, started_at, finished_at,
                    summary, error_message
             FROM scim_sync_runs WHERE org_uuid = ?1 AND run_id = ?2",
            [org.to_string(), run_id.to_string()],
            |row| {
                Ok(AdminScimSyncRunOut {
                    run_id: uuid_at(row, 0)?,
                    status: row.get(1)?,
                    dry_run: row.get(2)?,
                    sync_config: decode(row.get(3)?),
                    created_at: from_micros(row.get(4)?),
                    started_at: row.get::<_, Option<i64>>(5)?.map(from_micros),
                    finished_at: row.get::<_, Option<i64>>(6)?.map(from_micros),
                    summary: decode(row.get(7)?),
                    error_message: row.get(8)?,
                })
            },
        )
        .optional()?)
}

/// Moves every active run of `org` as far as `now` allows.
pub fn advance(tx: &Transaction<'_>, org: Uuid, now: OffsetDateTime) -> ApiResult<()> {
    let runs = ids_of(
        tx,
        "SELECT run_id FROM scim_sync_runs
         WHERE org_uuid = ?1 AND status IN ('PENDING', 'RUNNING') ORDER BY created_at",
        [org.to_string()],
    )?;
    for run_id in runs {
        let Some(run) = load(tx, org, run_id)? else {
            continue;
        };
        // The run moves as its own actor, at the moments of its schedule.
        let actor = Actor::ScimSync { run_id };
        let at = |now| Op {
            tx,
            org,
            actor: &actor,
            now,
        };
        let starts = run.created_at + PENDING_FOR;
        let ends = starts + RUNNING_FOR;
        if run.status == "PENDING" && now >= starts {
            start(at(starts), &run)?;
        }
        let Some(run) = load(tx, org, run_id)? else {
            continue;
        };
        if run.status == "RUNNING" && now >= ends {
            finish(at(ends), &run)?;
        }
    }
    Ok(())
}

fn set_state(
    tx: &Transaction<'_>,
    run_id: Uuid,
    status: &str,
    column: &str,
    at: OffsetDateTime,
) -> ApiResult<()> {
    tx.execute(
        &format!("UPDATE scim_sync_runs SET status = ?1, {column} = ?2 WHERE run_id = ?3"),
        rusqlite::params![status, to_micros(at), run_id.to_string()],
    )?;
    Ok(())
}

fn set_summary(tx: &Transaction<'_>, run_id: Uuid, summary: &ScimSyncSummaryOut) -> ApiResult<()> {
    tx.execute(
        "UPDATE scim_sync_runs SET summary = ?1 WHERE run_id = ?2",
        [encode(summary), run_id.to_string()],
    )?;
    Ok(())
}

fn selects_nothing(config: &AdminScimSyncConfig) -> bool {
    !(config.sync_users
        || config.sync_groups
        || config.sync_memberships
        || config.deprovision_users
        || config.delete_missing_groups)
}

/// Starts `run` at `op.now`: it fails at once if the provider does not answer, and a real run
/// that selects nothing is skipped; otherwise it shows its preview while it runs.
fn start(op: Op<'_>, run: &AdminScimSyncRunOut) -> ApiResult<()> {
    if !scim_directory::reachable(op.tx, op.org)? {
        set_state(op.tx, run.run_id, "FAILED", "started_at", op.now)?;
        set_state(op.tx, run.run_id, "FAILED", "finished_at", op.now)?;
        op.tx.execute(
            "UPDATE scim_sync_runs SET error_message = ?1 WHERE run_id = ?2",
            [UNREACHABLE, &run.run_id.to_string()],
        )?;
        return Ok(());
    }
    let plan = scim_plan::build(op.tx, op.org)?;
    let config = if run.dry_run { None } else { run.sync_config };
    if config.as_ref().is_some_and(selects_nothing) {
        set_state(op.tx, run.run_id, "SKIPPED", "started_at", op.now)?;
        set_state(op.tx, run.run_id, "SKIPPED", "finished_at", op.now)?;
        return set_summary(op.tx, run.run_id, &ScimSyncSummaryOut::default());
    }
    set_summary(op.tx, run.run_id, &preview(&plan, config.as_ref()))?;
    set_state(op.tx, run.run_id, "RUNNING", "started_at", op.now)
}

/// Ends `run` at `op.now`: a real run applies what its config selects, or fails with nothing
/// of it applied.
fn finish(op: Op<'_>, run: &AdminScimSyncRunOut) -> ApiResult<()> {
    if !run.dry_run
        && let Some(config) = run.sync_config
    {
        // The state may have moved since the preview: apply what is true now.
        let plan = scim_plan::build(op.tx, op.org)?;
        op.tx.execute_batch("SAVEPOINT scim_apply")?;
        match scim_apply::apply(op, &plan, &config) {
            Ok(done) => {
                op.tx.execute_batch("RELEASE scim_apply")?;
                set_summary(op.tx, run.run_id, &done)?;
            }
            Err(ApiError::Conflict(reason) | ApiError::NotFound(reason)) => {
                // Nothing of a failed run stays applied.
                op.tx
                    .execute_batch("ROLLBACK TO scim_apply; RELEASE scim_apply")?;
                op.tx.execute(
                    "UPDATE scim_sync_runs SET error_message = ?1 WHERE run_id = ?2",
                    [reason, run.run_id.to_string()],
                )?;
                return set_state(op.tx, run.run_id, "FAILED", "finished_at", op.now);
            }
            Err(other) => return Err(other),
        }
    }
    set_state(op.tx, run.run_id, "SUCCESS", "finished_at", op.now)
}

pub fn user_ref(uuid: impl ToString, email: &str) -> ScimSyncUserRefOut {
    ScimSyncUserRefOut {
        uuid: uuid.to_string(),
        user_name: email.to_owned(),
    }
}

pub fn group_ref(uuid: impl ToString, name: &str) -> ScimSyncGroupRefOut {
    ScimSyncGroupRefOut {
        uuid: uuid.to_string(),
        group_name: name.to_owned(),
    }
}

/// A person a run provisions or deprovisions, as its summary lists them; a preview and a real
/// run list them alike.
pub fn user_action(uuid: impl ToString, email: &str) -> ScimSyncUserActionOut {
    ScimSyncUserActionOut {
        user: user_ref(uuid, email),
    }
}

/// A group a run creates or deletes, as its summary lists them.
pub fn group_action(uuid: impl ToString, name: &str) -> ScimSyncGroupActionOut {
    ScimSyncGroupActionOut {
        group: group_ref(uuid, name),
    }
}

/// A group a run renames (or only links to the provider), as its summary lists them.
pub fn group_update_action(
    uuid: &Uuid,
    previous_name: &str,
    group: &LocalScimGroupOut,
) -> ScimSyncGroupUpdateActionOut {
    ScimSyncGroupUpdateActionOut {
        group: group_ref(uuid, &group.display_name),
        previous_group_name: previous_name.to_owned(),
    }
}

pub fn person_ref(person: &Person) -> ScimSyncUserRefOut {
    match person {
        Person::Member { uuid, email } => user_ref(uuid, email),
        Person::Provisioned { idp_id, email } => user_ref(idp_id, email),
    }
}

/// What a plan would do, limited to what `config` selects (`None`: everything). People and
/// groups that do not exist yet are named by the provider's ids.
pub fn preview(plan: &Plan, config: Option<&AdminScimSyncConfig>) -> ScimSyncSummaryOut {
    let all = AdminScimSyncConfig::everything();
    let config = config.unwrap_or(&all);
    let mut out = ScimSyncSummaryOut::default();
    out.users.provision = selected(config.sync_users, &plan.provision, |u| {
        user_action(u.id, &u.user_name)
    });
    out.users.deprovision = selected(
        config.deprovision_users,
        &plan.deprovision,
        |(uuid, email)| user_action(uuid, email),
    );
    out.groups.create = selected(config.sync_groups, &plan.create_groups, |g| {
        group_action(g.id, &g.display_name)
    });
    out.groups.update = selected(config.sync_groups, &plan.update_groups, |(uuid, old, g)| {
        group_update_action(uuid, old, g)
    });
    out.groups.delete = selected(
        config.delete_missing_groups,
        &plan.delete_groups,
        |(uuid, name)| group_action(uuid, name),
    );
    out.memberships = selected(config.sync_memberships, &plan.memberships, |change| {
        ScimSyncMembershipActionOut {
            group: match &change.group {
                GroupTarget::Existing { uuid, name } => group_ref(uuid, name),
                GroupTarget::Created { idp_id, name } => group_ref(idp_id, name),
            },
            users_added: change.added.iter().map(person_ref).collect(),
            users_removed: change
                .removed
                .iter()
                .map(|(uuid, email)| user_ref(uuid, email))
                .collect(),
        }
    });
    out
}

/// What `describe` makes of each of `items`, or nothing when the run's config leaves them out.
fn selected<T, U>(chosen: bool, items: &[T], describe: impl Fn(&T) -> U) -> Vec<U> {
    if chosen {
        items.iter().map(describe).collect()
    } else {
        Vec::new()
    }
}
