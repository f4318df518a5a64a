//! The `mistral-admin` binary: everything happens in `cli`.

fn main() -> std::process::ExitCode {
    mistral_admin::cli::run()
}
