//! Fetching a profile's key from where its key source points: an environment variable, the
//! output of a command (a password manager), or a file only its owner can read.
//!
//! Messages name the command or the file, with any word that looks like a key hidden (a key
//! passed as an argument, a key file named after its key), and quote the first line a failing
//! command wrote to stderr with the same hiding: some tools print the secret they choke on.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use super::config_error::ConfigError;
use super::profiles::KeySource;
use crate::domain::SecretString;
use crate::domain::secret_like::redact_secrets;

/// How long a key command may run; password managers may wait for a passphrase prompt.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// Reads the key. `env` looks up environment variables (injected so tests need not mutate the
/// process environment).
pub(crate) async fn resolve(
    profile: &str,
    source: &KeySource,
    env: &(dyn Fn(&str) -> Option<String> + Sync),
) -> Result<SecretString, ConfigError> {
    let fail = |message: String| ConfigError::key(profile, message);
    let key = match source {
        KeySource::Provided(key) => return Ok(key.clone()),
        KeySource::Embedded => {
            return Err(fail(
                "the key of the embedded server is issued when it starts; open the console \
                 or run `mistral-admin serve`"
                    .to_owned(),
            ));
        }
        KeySource::Env(name) => match env(name) {
            Some(value) => SecretString::new(value.trim().to_owned()),
            None => return Err(fail(format!("environment variable {name} is not set"))),
        },
        KeySource::Command(command) => run_command(command).await.map_err(fail)?,
        KeySource::File(path) => read_private_file(path).map_err(fail)?,
    };
    if key.is_empty() {
        return Err(fail(format!("the key from {source} is empty")));
    }
    Ok(key)
}

/// Runs the command through the shell and takes the first line of its output, the convention
/// of `pass` and similar tools (later lines hold metadata).
async fn run_command(command: &str) -> Result<SecretString, String> {
    let shown = redact_secrets(command);
    let mut cmd = if cfg!(windows) {
        let mut c = tokio::process::Command::new("cmd");
        c.arg("/C").arg(command);
        c
    } else {
        let mut c = tokio::process::Command::new("sh");
        c.arg("-c").arg(command);
        c
    };
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot run key command `{shown}`: {e}"))?;
    let output = tokio::time::timeout(COMMAND_TIMEOUT, child.wait_with_output())
        .await
        .map_err(|_| {
            format!(
                "key command `{shown}` did not finish within {} s",
                COMMAND_TIMEOUT.as_secs()
            )
        })?
        .map_err(|e| format!("key command `{shown}` failed: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        // Hidden before it is cut short, so that a key cut in half is still recognised whole.
        let line = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let first: String = redact_secrets(line.trim())
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(120)
            .collect();
        let status = output
            .status
            .code()
            .map_or_else(|| "a signal".to_owned(), |c| format!("status {c}"));
        return Err(if first.is_empty() {
            format!("key command `{shown}` exited with {status}")
        } else {
            format!("key command `{shown}` exited with {status}: {first}")
        });
    }
    let stdout = String::from_utf8(output.stdout)
        .map_err(|_| format!("key command `{shown}` printed something that is not text"))?;
    let first = stdout.lines().next().unwrap_or("").trim().to_owned();
    if first.is_empty() {
        return Err(format!("key command `{shown}` printed no key"));
    }
    Ok(SecretString::new(first))
}

/// Reads a key file after checking that only its owner can read it.
fn read_private_file(path: &Path) -> Result<SecretString, String> {
    let shown = redact_secrets(&path.display().to_string());
    let metadata =
        std::fs::metadata(path).map_err(|e| format!("cannot read key file {shown}: {e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(format!(
                "key file {shown} can be read by other users (mode {mode:o}); \
                 run `chmod 600 {shown}` and try again"
            ));
        }
    }
    if !metadata.is_file() {
        return Err(format!("key file {shown} is not a file"));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read key file {shown}: {e}"))?;
    let first = text.lines().next().unwrap_or("").trim().to_owned();
    if first.is_empty() {
        return Err(format!("key file {shown} is empty"));
    }
    Ok(SecretString::new(first))
}
