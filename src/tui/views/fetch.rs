//! A view's loads as data: each view names what it asks the server for in its own folder (a
//! type implementing [`Ask`], which makes it a [`Fetch`]: the request and the typed value it
//! answers with), and the answer comes back to it as [`ViewData`] that only it knows how to
//! read. So a new view adds no variant to the console's call table.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use futures::FutureExt;
use futures::future::BoxFuture;

use crate::actions::Request;
use crate::client::{AdminClient, ClientError};
use crate::tui::runner::convert;
use crate::tui::state::RemoteError;

/// What a fetch brings back to the view that asked: its data, or why not.
pub type FetchAnswer = Result<ViewData, RemoteError>;

/// Asks a run of changes to stop after the one on its way.
pub type Stopper = Arc<dyn Fn() + Send + Sync>;

/// How a fetch ends when the console stops waiting for it (ctrl-c) or closes: the one answer
/// to both "how is it stopped" and "does the journal hold it", so they cannot disagree.
pub enum Ending {
    /// A read: torn down where it is, since the server changes nothing for it.
    Dropped,
    /// A single change that cannot be called back once sent and that the journal does not
    /// hold (the SCIM sync's start): let finish, and still answered to the view, so that what
    /// it started is followed rather than left unseen.
    Finishes,
    /// A run of changes (`:plan`'s apply, `:undo`, or a change the runner journals): asked
    /// through `stop` to send nothing after the change on its way, then waited for.
    /// `journaled` when the journal records what it did once it ends.
    Stops { stop: Stopper, journaled: bool },
}

impl Ending {
    /// Whether the console waits for it to end rather than tear it down: a change, which the
    /// server may make whatever the console does.
    pub fn is_waited_for(&self) -> bool {
        !matches!(self, Self::Dropped)
    }

    /// Whether the journal records it once it ends.
    pub fn is_journaled(&self) -> bool {
        matches!(
            self,
            Self::Stops {
                journaled: true,
                ..
            }
        )
    }

    /// Asks a run to send nothing after the change on its way; a change that finishes, or a
    /// read, is asked nothing.
    pub fn ask_to_stop(&self) {
        if let Self::Stops { stop, .. } = self {
            stop();
        }
    }
}

/// One request (or a few made together) a view needs.
pub trait Fetch: fmt::Debug + Send + Sync + 'static {
    /// What the status line says while it runs.
    fn label(&self) -> &'static str;

    /// Makes the request through the client.
    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, FetchAnswer>;

    /// The one change of the organization it sends, when it sends one through the action layer
    /// (its answer an [`actions::Reply`](crate::actions::Reply)): the runner keeps it in the
    /// journal as it keeps a `Call::Change`, and lets it finish when the admin stops waiting.
    fn sends(&self) -> Option<&Request> {
        None
    }

    /// How it ends when the console stops waiting for it or closes: a read is dropped; a run
    /// of several changes (`:plan`'s apply, `:undo`) is asked to send nothing after the change
    /// on its way instead of being torn down, so what the server did is recorded in the
    /// journal. A fetch that [`sends`](Self::sends) a change is stopped by the runner instead.
    fn ending(&self) -> Ending {
        Ending::Dropped
    }

    /// What it changes in the organization, said as "to ..." ("delete API keys"), so it is
    /// refused while staging is on. `None` for a read, and for the plan engine's runs
    /// (`:plan`'s apply, `:undo`), which are what staging is for.
    fn change(&self) -> Option<&'static str> {
        None
    }

    /// The fetch as its own type, for the view that made it to tell its loads apart.
    fn as_any(&self) -> &dyn Any;

    /// The fixture server's answer, for the console's pure tests.
    #[cfg(test)]
    fn fixture(&self) -> FetchAnswer;
}

/// A fetch whose answer is one value of its own type: what a view's load writes, without the
/// wrapping every [`Fetch`] needs (the answer boxed as [`ViewData`], the future boxed, the
/// downcast), which the blanket [`Fetch`] implementation below adds once for all.
pub trait Ask: fmt::Debug + Clone + Send + Sync + 'static {
    /// What the view reads the answer as.
    type Answer: Any + Send + Sync;

    /// What the status line says while it runs.
    fn label(&self) -> &'static str;

    /// What it changes, as [`Fetch::change`] says it; `None` for a read.
    fn change(&self) -> Option<&'static str> {
        None
    }

    /// How it ends when the console stops waiting, as [`Fetch::ending`] says.
    fn ending(&self) -> Ending {
        Ending::Dropped
    }

    /// Makes the request(s); the fetch is its own copy, so the future owns what it needs.
    fn ask(
        self,
        client: AdminClient,
    ) -> impl Future<Output = Result<Self::Answer, RemoteError>> + Send;

    /// The fixture server's answer, for the console's pure tests.
    #[cfg(test)]
    fn fixture(&self) -> Self::Answer;
}

impl<A: Ask> Fetch for A {
    fn label(&self) -> &'static str {
        Ask::label(self)
    }

    fn change(&self) -> Option<&'static str> {
        Ask::change(self)
    }

    fn ending(&self) -> Ending {
        Ask::ending(self)
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, FetchAnswer> {
        self.clone()
            .ask(client)
            .map(|r| r.map(ViewData::new))
            .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> FetchAnswer {
        Ok(ViewData::new(Ask::fixture(self)))
    }
}

/// A fetch as the console carries it: cheap to clone, equal only to itself.
#[derive(Debug, Clone)]
pub struct Fetcher(pub Arc<dyn Fetch>);

impl Fetcher {
    pub fn new(fetch: impl Fetch) -> Self {
        Self(Arc::new(fetch))
    }

    /// Whether ctrl-c leaves it running (see [`Fetch::ending`]): a run of changes stopped
    /// between two of them, or a change let finish, whose answer the view still waits for.
    pub fn is_run(&self) -> bool {
        self.0.ending().is_waited_for()
    }

    /// The fetch, if it is a `T`.
    pub fn as_kind<T: Fetch>(&self) -> Option<&T> {
        self.0.as_any().downcast_ref()
    }
}

impl PartialEq for Fetcher {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What a fetch brought back, for the view that asked to read as its own type.
#[derive(Clone)]
pub struct ViewData(Arc<dyn Any + Send + Sync>);

impl ViewData {
    pub fn new<T: Any + Send + Sync>(value: T) -> Self {
        Self(Arc::new(value))
    }

    pub fn get<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }
}

impl fmt::Debug for ViewData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ViewData(..)")
    }
}

impl PartialEq for ViewData {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A client error as the console shows it.
pub fn remote(error: ClientError) -> RemoteError {
    convert::error(&error)
}

/// Wraps a fetch's answer for the view, turning a client error into the console's.
pub fn answer<T: Any + Send + Sync>(result: Result<T, ClientError>) -> FetchAnswer {
    result.map(ViewData::new).map_err(remote)
}

/// An answer read as the type its fetch makes; another type is a bug, shown as one.
pub fn read<T: Any + Clone>(result: FetchAnswer) -> Result<T, RemoteError> {
    result.and_then(|data| {
        data.get::<T>().cloned().ok_or_else(|| {
            RemoteError::new(
                crate::client::ErrorKind::Unexpected,
                "internal error: an answer of another kind",
            )
        })
    })
}
