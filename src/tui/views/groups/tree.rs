//! The groups as a tree: top-level groups first, each followed by the groups nested inside
//! it, indented. A group nested in two groups shows under both; a loop in the data (which the
//! server refuses to make) is cut where it closes, so drawing always ends.

use uuid::Uuid;

use super::loading::Groups;
use crate::domain::text::fold;

/// One line of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub group: Uuid,
    pub depth: usize,
}

/// The rows in the order drawn; siblings by name.
pub fn rows(groups: &Groups) -> Vec<TreeRow> {
    let known = |id: &Uuid| groups.get(*id).is_some();
    let mut roots: Vec<&super::loading::GroupEntry> = groups
        .entries
        .iter()
        .filter(|e| !e.group.parent_group_ids.iter().any(known))
        .collect();
    roots.sort_by_cached_key(|e| fold(&e.group.name));
    let mut out = Vec::new();
    let mut path = Vec::new();
    for root in roots {
        walk(groups, root.group.uuid, 0, &mut path, &mut out);
    }
    // Groups only reachable through a loop still get a line.
    for entry in &groups.entries {
        if !out.iter().any(|r| r.group == entry.group.uuid) {
            walk(groups, entry.group.uuid, 0, &mut path, &mut out);
        }
    }
    out
}

fn walk(groups: &Groups, id: Uuid, depth: usize, path: &mut Vec<Uuid>, out: &mut Vec<TreeRow>) {
    if path.contains(&id) {
        return;
    }
    out.push(TreeRow { group: id, depth });
    path.push(id);
    let mut children: Vec<_> = groups
        .entries
        .iter()
        .filter(|e| e.group.parent_group_ids.contains(&id))
        .collect();
    children.sort_by_cached_key(|e| fold(&e.group.name));
    for child in children {
        walk(groups, child.group.uuid, depth + 1, path, out);
    }
    path.pop();
}
