//! End-to-end tests: the real `mistral-admin` binary, in a pseudo-terminal for the console
//! or as a command, against the embedded or a separate server. Old file `tests/e2e_<name>.rs`
//! is module `<name>` here; `tests/cli_config_profiles.rs` is `cli_config_profiles`.

#[path = "../support/mod.rs"]
mod support;

mod cli_apply_rules;
mod cli_changes;
mod cli_config_profiles;
mod cli_exit_codes;
mod cli_groups;
mod cli_invites_resend;
mod cli_plan_apply;
mod cli_plan_groups;
mod cli_reads;
mod cli_recipes;
mod cli_scim;
mod console;
mod dialogs;
mod directory_pages;
mod groups_view;
mod keys_never_echoed;
mod long_plan;
mod org_keys_audit_spend;
mod own_roles;
mod people;
mod private_files;
mod quit_during_change;
mod readme_capture;
mod slow_server;
mod staging;
mod staging_groups;
mod stale_after_reload;
mod terminal;
mod views;
mod what_is_seen;
