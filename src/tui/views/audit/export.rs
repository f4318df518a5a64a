//! The end of an export: the status line says where the entries went, or the export dialog
//! comes back with the path as typed and why it could not be written.

use crate::tui::dialogs::export_audit::ExportDialog;
use crate::tui::views::prelude::*;

use super::{AuditView, ExportFetch, Exported};

pub fn finished(
    view: &AuditView,
    export: &ExportFetch,
    result: FetchAnswer,
    app: &App,
) -> Vec<Step> {
    match read::<Exported>(result) {
        Ok(done) => vec![Step::Say(
            FlashLevel::Success,
            format!("Exported {} entries to {}", done.count, done.path.display()),
        )],
        Err(error) => {
            let shown = view.rows(app.now).into_iter().cloned().collect();
            let typed = export.typed.clone();
            let problem = if error.message.contains("File exists") {
                format!("{typed} exists already: choose another name (nothing is overwritten)")
            } else {
                error.message
            };
            vec![Step::Open(Box::new(ExportDialog::failed(
                shown,
                view_names(view),
                &typed,
                problem,
            )))]
        }
    }
}

fn view_names(view: &AuditView) -> crate::actions::audit_trail::AuditNames {
    match &view.names {
        crate::tui::state::Remote::Loaded(names) => names.clone(),
        _ => Default::default(),
    }
}
