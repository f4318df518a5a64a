//! `AdminClient` itself: one HTTP exchange with auth headers, timeouts, retries and logging.
//!
//! Every endpoint method builds a [`Call`] and hands it to [`AdminClient::send`]. The retry loop
//! runs inside the caller's future and nothing is spawned, so dropping that future cancels the
//! request in flight and any pending backoff.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::config_error::ConfigError;
use super::error::{ClientError, seconds};
use super::options::{AuthStyle, ClientConfig, RetryPolicy};
use super::response::{self, Body, CallContext, read_capped};
use super::retry::{self, Repeat};
use crate::api::{Operation, Verb};
use crate::domain::SecretString;
use crate::domain::secret_like::redact_secrets;

/// How long an idle connection is kept for the next request.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// The async client for one organization's Admin API. Cloning is cheap: clones share one
/// connection pool and configuration.
#[derive(Clone)]
pub struct AdminClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// The base URL without a trailing slash.
    base: String,
    /// `host[:port]`, the only part of the URL that error messages show.
    host: String,
    credential: SecretString,
    auth: AuthStyle,
    retry: RetryPolicy,
    request_timeout: Duration,
    read_only: bool,
    /// Whether the server has the `/x-local` extensions; `None` until a call has found out.
    pub(crate) extensions: Mutex<Option<bool>>,
}

impl fmt::Debug for AdminClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdminClient")
            .field("host", &self.inner.host)
            .field("credential", &self.inner.credential)
            .field("auth", &self.inner.auth)
            .field("read_only", &self.inner.read_only)
            .finish_non_exhaustive()
    }
}

/// One request as an endpoint method describes it.
pub(crate) struct Call {
    pub method: Method,
    /// The path after the base URL, e.g. `/workspaces`.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    /// The JSON body, serialized once so that retries send the same bytes.
    pub body: Option<Vec<u8>>,
    pub repeat: Repeat,
    /// What a 404 on this call means ("Workspace"), for the not-found message.
    pub subject: &'static str,
    /// A full URL that replaces base + path (the inference-side `/v1/models`).
    pub absolute_url: Option<String>,
    /// A credential that replaces the admin key (a workspace key for `/v1/models`).
    pub credential: Option<SecretString>,
    /// Error statuses whose body is an answer the caller reads (`POST /scim/sync`'s 409 names
    /// the run already active), handed back by [`AdminClient::exchange_status`].
    pub answers: &'static [u16],
}

impl Call {
    pub fn new(method: Method, path: impl Into<String>, subject: &'static str) -> Self {
        let repeat = if method == Method::GET {
            Repeat::Safe
        } else {
            Repeat::Never
        };
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            repeat,
            subject,
            absolute_url: None,
            credential: None,
            answers: &[],
        }
    }

    /// A call of one operation of the contract, its path filled with `ids` in the order the
    /// template names its parameters.
    pub fn to(operation: Operation, ids: &[Uuid], subject: &'static str) -> Self {
        let method = match operation.verb() {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Patch => Method::PATCH,
            Verb::Delete => Method::DELETE,
        };
        Self::new(method, operation.path(ids), subject)
    }

    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    /// `page` and `page_size`: which page of a numbered listing, as every such listing asks.
    pub fn page(self, page: u32, page_size: u32) -> Self {
        self.query("page", page).query("page_size", page_size)
    }

    /// A text filter: left out when absent or empty, since an empty filter would match
    /// everything anyway and the service need not see it.
    pub fn filter(self, name: &'static str, text: Option<&str>) -> Self {
        self.query_some(name, text.filter(|t| !t.is_empty()))
    }

    /// Adds `name=value` only when there is a value.
    pub fn query_some(self, name: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(value) => self.query(name, value),
            None => self,
        }
    }

    pub fn json(mut self, body: &impl Serialize) -> Result<Self, ClientError> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            ClientError::Config(ConfigError::Invalid(format!(
                "cannot encode the request body: {e}"
            )))
        })?;
        self.body = Some(bytes);
        Ok(self)
    }

    /// Marks a write that converges to the same state however often it runs.
    pub fn idempotent(mut self) -> Self {
        self.repeat = Repeat::Safe;
        self
    }

    /// `METHOD /path`, as errors and logs name the call.
    pub fn operation(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

impl AdminClient {
    pub fn new(config: ClientConfig) -> Result<Self, ClientError> {
        let invalid = |message: String| ClientError::Config(ConfigError::Invalid(message));
        let trimmed = config.base_url.trim().trim_end_matches('/').to_owned();
        // Messages quote the URL with anything key-like hidden: `--base-url` is typed by hand.
        let shown = redact_secrets(&trimmed);
        let url = Url::parse(&trimmed)
            .map_err(|e| invalid(format!("base URL {shown:?} is not a URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid(format!(
                "base URL {shown:?} must start with https:// (or http:// for a local server)"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(invalid(format!(
                "base URL {shown:?} must not have a query or fragment"
            )));
        }
        let host = match (url.host_str(), url.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_owned(),
            (None, _) => return Err(invalid(format!("base URL {shown:?} has no host"))),
        };
        if config.credential.is_empty() {
            return Err(invalid("the admin key is empty".to_owned()));
        }
        if HeaderValue::from_str(config.credential.expose()).is_err() {
            return Err(invalid(
                "the admin key contains characters that cannot be sent in an HTTP header \
                 (a stray newline or space?)"
                    .to_owned(),
            ));
        }
        let http = reqwest::Client::builder()
            // Below the local server's idle limit (10 s), so a change is never sent on a
            // connection the server is closing at that moment (which would read as "no answer,
            // the change may or may not have been made").
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(config.user_agent.clone())
            .build()
            .map_err(|e| invalid(format!("cannot set up HTTP: {}", e.without_url())))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                base: trimmed,
                host,
                credential: config.credential,
                auth: config.auth,
                retry: config.retry,
                request_timeout: config.request_timeout,
                read_only: config.read_only,
                extensions: Mutex::new(None),
            }),
        })
    }

    /// The base URL every admin path is appended to (without a trailing slash).
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// The admin key, for scrubbing it from what a server says.
    pub(crate) fn credential(&self) -> &SecretString {
        &self.inner.credential
    }

    /// What the client knows about the `/x-local` extensions: `None` until a call found out.
    pub(crate) fn extensions_known(&self) -> Option<bool> {
        *self.inner.extensions.lock().expect("extension flag lock")
    }

    pub(crate) fn set_extensions(&self, present: bool) {
        *self.inner.extensions.lock().expect("extension flag lock") = Some(present);
    }

    /// Sends a call and decodes its JSON reply.
    pub(crate) async fn send<T: DeserializeOwned>(&self, call: Call) -> Result<T, ClientError> {
        let operation = call.operation();
        let credential = call.credential.clone();
        let body = self.exchange(call).await?;
        let ctx = CallContext {
            operation: &operation,
            subject: "",
            credential: credential.as_ref().unwrap_or(&self.inner.credential),
        };
        response::decode(&ctx, &body)
    }

    /// Sends a call whose reply body does not matter (e.g. a 204).
    pub(crate) async fn send_unit(&self, call: Call) -> Result<(), ClientError> {
        self.exchange(call).await.map(|_| ())
    }

    /// Runs the call, retrying what is safe to retry, until success or a final error.
    pub(crate) async fn exchange(&self, call: Call) -> Result<Vec<u8>, ClientError> {
        self.exchange_status(call).await.map(|(_, body)| body)
    }

    /// [`Self::exchange`], with the status; a status the call lists in `answers` comes back
    /// as an answer rather than an error.
    pub(crate) async fn exchange_status(
        &self,
        call: Call,
    ) -> Result<(StatusCode, Vec<u8>), ClientError> {
        let operation = call.operation();
        if self.inner.read_only && call.method != Method::GET {
            return Err(ClientError::ReadOnly { operation });
        }
        let credential = call.credential.as_ref().unwrap_or(&self.inner.credential);
        let ctx = CallContext {
            operation: &operation,
            subject: call.subject,
            credential,
        };
        let policy = &self.inner.retry;
        let mut retries = 0u32;
        loop {
            let started = Instant::now();
            let outcome = self.attempt(&call, credential).await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let may_retry = call.repeat == Repeat::Safe && retries < policy.max_retries;
            let (error, wait) = match outcome {
                Ok((_, _, Body::TooLarge)) => {
                    // Asking again would only fetch the same oversized reply.
                    return Err(ClientError::TooLarge { operation });
                }
                Ok((status, headers, Body::Whole(body))) => {
                    tracing::debug!(
                        method = %call.method, path = %call.path, status = status.as_u16(),
                        elapsed_ms, attempt = retries + 1, "admin api request"
                    );
                    if status.is_success() || call.answers.contains(&status.as_u16()) {
                        return Ok((status, body));
                    }
                    let asked = retry::retry_after(&headers);
                    let error = response::status_error(&ctx, status, &body, asked);
                    let wait = match status.as_u16() {
                        429 => Some(retry::rate_limit_wait(policy, asked, retries + 1)),
                        // 501 and 505 say the server will never do this; no point asking again.
                        501 | 505 => None,
                        500..=599 => Some(retry::backoff(policy, retries + 1)),
                        _ => None,
                    };
                    (error, wait)
                }
                Err(err) => {
                    let failure = Failure::of(&err);
                    let error = self.transport_error(&call, &operation, failure, &err);
                    tracing::debug!(
                        method = %call.method, path = %call.path, error = %error,
                        elapsed_ms, attempt = retries + 1, "admin api request failed"
                    );
                    // A request that timed out has already cost the caller the whole timeout;
                    // repeating it would multiply the wait, so only broken connections retry
                    // (and only calls that are safe to repeat, checked below).
                    let wait =
                        (failure != Failure::TimedOut).then(|| retry::backoff(policy, retries + 1));
                    (error, wait)
                }
            };
            match wait {
                Some(wait) if may_retry => {
                    retries += 1;
                    tracing::debug!(
                        method = %call.method, path = %call.path, wait_ms = wait.as_millis() as u64,
                        retry = retries, "retrying admin api request"
                    );
                    tokio::time::sleep(wait).await;
                }
                _ => return Err(error),
            }
        }
    }

    async fn attempt(
        &self,
        call: &Call,
        credential: &SecretString,
    ) -> Result<(StatusCode, HeaderMap, Body), reqwest::Error> {
        let url = match &call.absolute_url {
            Some(url) => url.clone(),
            None => format!("{}{}", self.inner.base, call.path),
        };
        let mut request = self
            .inner
            .http
            .request(call.method.clone(), url)
            .headers(self.auth_headers(credential))
            .header(header::ACCEPT, "application/json");
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        if let Some(body) = &call.body {
            request = request
                .header(header::CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let response = request.send().await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = read_capped(response).await?;
        Ok((status, headers, body))
    }

    fn auth_headers(&self, credential: &SecretString) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let secret = |text: String| {
            // Validated in `new` (and by `list_models_with_key`): a key is header-safe.
            let mut value = HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""));
            value.set_sensitive(true);
            value
        };
        if self.inner.auth.sends_bearer() {
            headers.insert(
                header::AUTHORIZATION,
                secret(format!("Bearer {}", credential.expose())),
            );
        }
        if self.inner.auth.sends_x_api_key() {
            headers.insert("x-api-key", secret(credential.expose().to_owned()));
        }
        headers
    }

    /// The error for a request that got no HTTP answer. A change (any method but GET) that may
    /// have reached the server is an unknown outcome, never "cannot reach": the user must look
    /// before trying again.
    fn transport_error(
        &self,
        call: &Call,
        operation: &str,
        failure: Failure,
        err: &reqwest::Error,
    ) -> ClientError {
        let is_change = call.method != Method::GET;
        let reason = response::transport_reason(err);
        match failure {
            Failure::TimedOut if is_change => ClientError::OutcomeUnknown {
                host: self.inner.host.clone(),
                operation: operation.to_owned(),
                reason: format!("no reply within {}", seconds(self.inner.request_timeout)),
            },
            Failure::TimedOut => ClientError::Timeout {
                operation: operation.to_owned(),
                after: self.inner.request_timeout,
            },
            Failure::Broken if is_change => ClientError::OutcomeUnknown {
                host: self.inner.host.clone(),
                operation: operation.to_owned(),
                reason,
            },
            Failure::Broken => ClientError::ConnectionLost {
                host: self.inner.host.clone(),
                operation: operation.to_owned(),
                reason,
            },
            Failure::NotConnected => {
                let reason = if err.is_timeout() && !reason.contains("timed out") {
                    "connection timed out".to_owned()
                } else {
                    reason
                };
                ClientError::Unreachable {
                    host: self.inner.host.clone(),
                    reason,
                }
            }
        }
    }
}

/// How a request without an HTTP answer failed, which says whether the server may have seen it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// No connection was made (refused, DNS, TLS, connect timeout): nothing was sent.
    NotConnected,
    /// Connected, then no complete answer within the request timeout.
    TimedOut,
    /// Connected, then the connection was reset or closed before a complete answer.
    Broken,
}

impl Failure {
    fn of(err: &reqwest::Error) -> Self {
        if err.is_connect() {
            Self::NotConnected
        } else if err.is_timeout() {
            Self::TimedOut
        } else {
            Self::Broken
        }
    }
}
