//! `mistral-admin spend set AMOUNT|none`: the organization's monthly spending limit.

use clap::{Args, Subcommand};

use super::change::{self, ChangeArgs};
use super::exit::Failure;
use super::session::Session;
use crate::actions::spend;

#[derive(Debug, Subcommand)]
pub enum SpendCommand {
    /// Set the monthly spending limit, in whole currency units, or remove it with `none`.
    Set(SetArgs),
}

impl SpendCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Set(args) => &args.change,
        }
    }
}

/// A whole amount of money, or none (no limit, no cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount(pub Option<i64>);

/// An amount as typed: 0 or more whole currency units, or `none`.
pub fn parse_amount(text: &str) -> Result<Amount, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(Amount(None));
    }
    match text.parse::<i64>() {
        Ok(amount) if amount >= 0 => Ok(Amount(Some(amount))),
        _ => Err(format!(
            "{text:?} is not a whole amount of 0 or more, or `none`"
        )),
    }
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Whole currency units (the organization's currency), or `none`.
    #[arg(value_name = "AMOUNT|none", value_parser = parse_amount)]
    pub amount: Amount,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub async fn run(session: &Session, command: &SpendCommand) -> Result<(), Failure> {
    match command {
        SpendCommand::Set(args) => {
            let client = &session.client;
            let (limits, active) =
                futures::try_join!(client.spend_limit(), client.list_all_workspaces(false))?;
            let plan = spend::set(&limits, args.amount.0, &active)?;
            change::apply(session, &args.change, &[], &plan).await
        }
    }
}
