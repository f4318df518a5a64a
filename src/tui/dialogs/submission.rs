//! A dialog's change on its way, and what the server said to the last attempt. While a
//! change is on its way the dialog takes no input, so nothing is sent twice.

use crate::tui::state::{RemoteError, RequestId};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Submission {
    pub sending: Option<RequestId>,
    pub error: Option<RemoteError>,
}

impl Submission {
    pub fn is_sending(&self) -> bool {
        self.sending.is_some()
    }

    pub fn start(&mut self, id: RequestId) {
        self.sending = Some(id);
        self.error = None;
    }

    pub fn fail(&mut self, error: RemoteError) {
        self.sending = None;
        self.error = Some(error);
    }
}
