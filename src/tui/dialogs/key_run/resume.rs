//! Going on after a run stopped while a request was on its way (ctrl-c, or a connection lost
//! with the outcome unknown): that request may or may not have been made, so "Go on" first
//! reads the keys again, then says what it found for each key and skips the keys already
//! gone. Nothing is sent until the admin has seen that and pressed "Go on" once more.

use uuid::Uuid;

use crate::actions::Request;
use crate::api::ApiKeyExtendedOut;
use crate::client::ErrorKind;

use super::KeyRun;

impl KeyRun {
    /// Whether the last request's outcome is unknown: it was on its way when the run stopped.
    pub(super) fn last_outcome_unknown(&self) -> bool {
        self.unknown_step.is_some()
            || self.submission.error.as_ref().is_some_and(|error| {
                matches!(
                    error.kind,
                    ErrorKind::Cancelled | ErrorKind::OutcomeUnknown | ErrorKind::Timeout
                )
            })
    }

    /// Takes the keys as read again: each key still to delete that is gone is skipped with a
    /// line saying so, and the request whose outcome was unknown says what became of it.
    pub(super) fn keys_reread(&mut self, keys: &[ApiKeyExtendedOut]) {
        let unknown = self.unknown_step.take();
        let listed = |id: Uuid| keys.iter().any(|k| k.key_id == id);
        for at in self.done_steps..self.total() {
            let step = &self.plan.steps[at];
            let line = match &step.request {
                Request::DeleteApiKey { key } if !listed(*key) => {
                    self.gone.push(at);
                    if unknown == Some(at) {
                        format!("{}: done, the stopped request had gone through", step.label)
                    } else {
                        format!("{}: skipped, the key is already gone", step.label)
                    }
                }
                Request::DeleteApiKey { .. } if unknown == Some(at) => format!(
                    "{}: not done yet, the stopped request had not gone through",
                    step.label
                ),
                Request::CreateApiKey { body } if unknown == Some(at) => {
                    replacement_line(&step.label, body, keys, self.replaced())
                }
                _ => continue,
            };
            self.checked.push(line);
        }
        self.skip_gone();
    }

    /// Moves past the requests found already made.
    pub(super) fn skip_gone(&mut self) {
        while self.done_steps < self.total() && self.gone.contains(&self.done_steps) {
            self.done_steps += 1;
        }
    }

    /// The key a rotation replaces (the one its last request deletes).
    fn replaced(&self) -> Option<Uuid> {
        self.plan.steps.iter().find_map(|s| match s.request {
            Request::DeleteApiKey { key } => Some(key),
            _ => None,
        })
    }
}

/// What the check found for a replacement whose creation may have been made: keys of the
/// same name in the same workspace (besides the old one) may be it, and its secret never
/// arrived, so the admin is told to look before another one is made.
fn replacement_line(
    label: &str,
    body: &crate::api::AdminCreateApiKeyIn,
    keys: &[ApiKeyExtendedOut],
    old: Option<Uuid>,
) -> String {
    let twins = keys
        .iter()
        .filter(|k| {
            Some(k.key_id) != old
                && k.workspace_id == Some(body.workspace_uuid)
                && k.name == body.name
        })
        .count();
    if twins == 0 {
        format!("{label}: not done yet, no replacement is listed")
    } else {
        format!(
            "{label}: unknown, check: {} of that name in that workspace may be it, and its secret never arrived; delete it if unused (Go on makes another)",
            crate::actions::outcome::count_of(twins, "other key", "other keys")
        )
    }
}
