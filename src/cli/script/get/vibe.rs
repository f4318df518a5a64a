//! `get vibe`: Vibe Work activity per person over the last days, names beside their ids.

use clap::Args;
use serde_json::json;

use super::{OutputArgs, with};
use crate::cli::script::exit::Failure;
use crate::cli::script::output::Listing;
use crate::client::{AdminClient, VibeWindow};

#[derive(Debug, Args)]
pub struct VibeArgs {
    /// How many days back from now (1 to 20000: the server keeps no activity before 1970).
    #[arg(long, value_name = "DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(u16).range(1..=20_000))]
    pub days: u16,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn vibe(client: &AdminClient, args: &VibeArgs) -> Result<Listing, Failure> {
    let window = VibeWindow::days_before(time::OffsetDateTime::now_utc(), args.days.into());
    let (stats, directory) =
        futures::try_join!(client.vibe_work_by_user(&window), client.load_directory())?;
    let mut listing = Listing::new(&[
        "email",
        "name",
        "messages",
        "conversations",
        "agents",
        "last_message",
    ]);
    for stat in &stats.data {
        let person = uuid::Uuid::parse_str(&stat.user_id)
            .ok()
            .and_then(|id| directory.user(id));
        let email = person.and_then(|p| p.email.clone()).unwrap_or_default();
        let name = person.and_then(|p| p.name.clone()).unwrap_or_default();
        listing.push(
            vec![
                email.clone().into(),
                name.clone().into(),
                stat.messages_count.to_string().into(),
                stat.unique_conversations_count.to_string().into(),
                stat.unique_agents_count.to_string().into(),
                stat.last_message_at.into(),
            ],
            with(stat, vec![("email", json!(email)), ("name", json!(name))]),
        );
    }
    listing.document = Some(with(
        &stats,
        vec![("data", serde_json::Value::Array(listing.records.clone()))],
    ));
    Ok(listing)
}
