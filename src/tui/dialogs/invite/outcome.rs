//! What an invitation did, per address: invited, replaced (its old and new terms), sent
//! again, or not invited and why (as marked before sending, corrected by what the server's
//! answer lists). Shown in a report over the view, which reloads.

use crate::actions::Reply;
use crate::actions::invite_addresses::invalid_reason;
use crate::actions::invites::AddressStatus;
use crate::tui::dialogs::run_report::RunReport;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::flash;

use super::Invite;

/// Each address with what became of it: `(mark, text)`.
pub fn per_address(d: &Invite, replies: &[Reply]) -> Vec<(&'static str, String)> {
    let (invalid, members) = match replies {
        [Reply::Invited(out)] => (out.invalid_emails.clone(), out.already_members.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    let listed = |list: &[String], a: &str| list.iter().any(|x| x.eq_ignore_ascii_case(a));
    let replaced = |a: &str| {
        d.preview().and_then(|p| {
            p.replaced
                .iter()
                .find(|r| r.before.email.eq_ignore_ascii_case(a))
        })
    };
    d.addresses
        .iter()
        .map(|(address, status)| {
            if listed(&invalid, address) || *status == AddressStatus::Invalid {
                let why = invalid_reason(address).unwrap_or("the server finds it invalid");
                ("✗", format!("{address}: not invited, invalid ({why})"))
            } else if listed(&members, address) || *status == AddressStatus::AlreadyMember {
                ("·", format!("{address}: not invited, already a member"))
            } else if let Some(one) = replaced(address) {
                (
                    "✓",
                    format!(
                        "{address}: already invited, its invitation replaced ({} -> {}) and sent again",
                        one.before.terms(),
                        one.after.terms()
                    ),
                )
            } else if *status == AddressStatus::AlreadyInvited {
                (
                    "✓",
                    format!("{address}: already invited, invitation sent again"),
                )
            } else {
                ("✓", format!("{address}: invited"))
            }
        })
        .collect()
}

pub(super) fn invited(d: &Invite, app: &mut App, replies: &[Reply]) -> Vec<Effect> {
    let steps = per_address(d, replies);
    let sent = steps.iter().filter(|(m, _)| *m == "✓").count();
    let headline = format!(
        "Invitations: {sent} of {} addresses sent an invitation",
        steps.len()
    );
    let mut effects = vec![flash::show(app, FlashLevel::Success, headline.clone())];
    app.dialogs.push(Box::new(RunReport {
        headline,
        steps,
        scroll: 0,
    }));
    effects.extend(crate::tui::views::control::reload(app));
    effects
}
