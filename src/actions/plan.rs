//! A plan: what an action will do, as data. The requests in order, a sentence saying what
//! they do, what the admin must type to confirm an irreversible one, and the intent that the
//! outcome message is worded from once the replies are in.

use serde::Serialize;

use super::request::Request;

/// One request of a plan, with what it does in words (`archive "Research"`), so that a
/// failure midway can say exactly what was done and what was not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub request: Request,
    pub label: String,
}

impl Step {
    pub fn new(request: Request, label: impl Into<String>) -> Self {
        Self {
            request,
            label: label.into(),
        }
    }
}

/// A workspace's API keys on a given day: those that still work and those already expired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KeyCount {
    pub working: usize,
    pub expired: usize,
}

/// One member's role change, as a preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleChange {
    pub user_id: uuid::Uuid,
    /// How the member is named to the admin: a name, else the email.
    pub name: String,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// What the admin asked for, with the names the outcome message needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Intent {
    CreateWorkspace {
        name: String,
    },
    EditWorkspace {
        /// The name it will have afterwards.
        name: String,
    },
    ArchiveWorkspace {
        name: String,
        members: Option<usize>,
        keys: Option<KeyCount>,
    },
    AddMembers {
        workspace: String,
        roles: Vec<String>,
        /// How many people were asked for, including any who already belonged.
        requested: usize,
    },
    SetMemberRoles {
        workspace: String,
        changes: Vec<RoleChange>,
        /// What stays through groups, one clause a member: `Ana keeps dev through the group
        /// "Research"`.
        kept: Vec<String>,
    },
    RemoveMembers {
        workspace: String,
        /// Who stays in the workspace through a group, with a clause saying through which.
        kept: Vec<(uuid::Uuid, String)>,
    },
    Invite {
        /// The addresses sent.
        addresses: Vec<String>,
        /// Addresses left out before sending, each with the reason: `x (already a member)`.
        skipped: Vec<String>,
    },
    SetOrganizationRoles {
        email: String,
        before: Vec<String>,
        after: Vec<String>,
    },
    RemovePerson {
        email: String,
        workspaces: usize,
        /// Labels of the API keys deleted in the same run.
        keys: Vec<String>,
    },
    RevokeInvites {
        emails: Vec<String>,
    },
    CreateKey {
        name: String,
        workspace: String,
        owner: String,
        expiration: Option<time::Date>,
    },
    DeleteKeys {
        labels: Vec<String>,
    },
    RotateKey {
        label: String,
        expiration: Option<time::Date>,
    },
    SetSpendLimit {
        before: Option<i64>,
        after: Option<i64>,
        currency: String,
    },
    /// A change to a user group; `done` is the outcome in words once every step succeeded.
    Group {
        done: String,
    },
}

/// An action ready to run: nothing has been sent yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub intent: Intent,
    /// What running it does, in a sentence: shown before a confirmation, by `--dry-run`, and
    /// as the reason when nothing needs to change.
    pub summary: String,
    pub steps: Vec<Step>,
    /// What the admin should know before confirming (some people already belong, ...).
    pub notes: Vec<String>,
    /// For an irreversible plan, the exact texts the admin must type, one per thing lost for
    /// good (a workspace's name, a person's email, a key's name); empty otherwise.
    pub confirm: Vec<String>,
}

impl Plan {
    pub fn new(intent: Intent, summary: impl Into<String>, steps: Vec<Step>) -> Self {
        Self {
            intent,
            summary: summary.into(),
            steps,
            notes: Vec::new(),
            confirm: Vec::new(),
        }
    }

    /// A plan of one request, `label` saying what it does.
    pub fn single(
        intent: Intent,
        summary: impl Into<String>,
        request: Request,
        label: impl Into<String>,
    ) -> Self {
        Self::new(intent, summary, vec![Step::new(request, label)])
    }

    /// A plan that sends nothing because the organization is already as asked.
    pub fn nothing(intent: Intent, why: impl Into<String>) -> Self {
        Self::new(intent, why, Vec::new())
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds the note `note` makes of `left`, when there is anything in it: what an action
    /// leaves alone or changes on the side (people already members, addresses skipped, caps
    /// lowered) is told only when there is some.
    pub fn with_note_on<T>(self, left: &[T], note: impl FnOnce(&[T]) -> String) -> Self {
        if left.is_empty() {
            self
        } else {
            self.with_note(note(left))
        }
    }

    pub fn with_confirmation(mut self, texts: Vec<String>) -> Self {
        self.confirm = texts;
        self
    }

    pub fn changes_nothing(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn is_irreversible(&self) -> bool {
        self.steps.iter().any(|s| s.request.is_irreversible())
    }

    pub fn requests(&self) -> impl Iterator<Item = &Request> {
        self.steps.iter().map(|s| &s.request)
    }

    /// The confirmation texts that `typed` lacks. Each must be typed exactly: same case, same
    /// accents, no extra spaces; a near miss must not destroy the wrong thing.
    pub fn unconfirmed(&self, typed: &[String]) -> Vec<&str> {
        self.confirm
            .iter()
            .filter(|wanted| !typed.iter().any(|t| t == *wanted))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn only_the_exact_texts_confirm() {
        let plan = Plan::new(
            Intent::ArchiveWorkspace {
                name: "Data Platform".into(),
                members: None,
                keys: None,
            },
            "Archive",
            vec![Step::new(
                Request::ArchiveWorkspace {
                    workspace: Uuid::nil(),
                },
                "archive",
            )],
        )
        .with_confirmation(vec!["Data Platform".into()]);
        assert!(plan.is_irreversible());
        for near in [
            "",
            "data platform",
            "Data Platform ",
            "Data  Platform",
            "Data",
        ] {
            assert_eq!(plan.unconfirmed(&[near.to_owned()]), ["Data Platform"]);
        }
        assert!(plan.unconfirmed(&["Data Platform".to_owned()]).is_empty());
    }
}
