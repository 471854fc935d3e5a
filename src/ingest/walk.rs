//! Walking the paths given to `dossier index`: files are taken as they are, folders are
//! walked recursively (hidden files skipped, `.gitignore` honoured inside git checkouts,
//! as ripgrep does; symbolic links followed, loops reported) in a stable, sorted order.
//! Inside folders only files of a known format are read (see `formats::format_of`); a
//! file named directly is read whatever its extension, and `-` is standard input.

use std::path::{Path, PathBuf};

use super::{Skip, SkipReason};

/// One result of the walk: a file to read, or a path that could not be walked.
#[derive(Debug)]
pub enum WalkItem {
    /// A candidate article file, and the root it was found under.
    File {
        /// The file.
        path: PathBuf,
        /// The path given by the user that led to it.
        root: PathBuf,
    },
    /// A path that could not be read.
    Skipped(Skip),
}

/// Lists the article files under `roots`, sorted within each root.
pub fn walk(roots: &[PathBuf]) -> Vec<WalkItem> {
    let mut items = Vec::new();
    for root in roots {
        if root.as_os_str() == super::STDIN {
            items.push(WalkItem::File {
                path: root.clone(),
                root: root.clone(),
            });
        } else if !root.exists() {
            items.push(WalkItem::Skipped(Skip {
                path: root.clone(),
                reason: SkipReason::Missing,
                detail: "no such file or folder".into(),
            }));
        } else if root.is_file() {
            let parent = root.parent().map(Path::to_path_buf).unwrap_or_default();
            items.push(WalkItem::File {
                path: root.clone(),
                root: parent,
            });
        } else {
            walk_dir(root, &mut items);
        }
    }
    items
}

fn walk_dir(root: &Path, items: &mut Vec<WalkItem>) {
    let walker = ignore::WalkBuilder::new(root)
        .sort_by_file_name(|a, b| a.cmp(b))
        .follow_links(true)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && has_article_extension(entry.path()) {
                    items.push(WalkItem::File {
                        path: entry.into_path(),
                        root: root.to_path_buf(),
                    });
                }
            }
            Err(err) => items.push(WalkItem::Skipped(Skip {
                path: error_path(&err).unwrap_or_else(|| root.to_path_buf()),
                reason: SkipReason::Unreadable,
                detail: err.to_string(),
            })),
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    super::formats::format_of(path).is_some()
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}
