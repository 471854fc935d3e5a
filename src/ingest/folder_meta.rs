//! Folder metadata: a `dossier.toml` file gives defaults for the articles under its
//! folder, such as the year of dates written without one and the publisher:
//!
//! ```toml
//! year = 2025          # dates like "March 13" are read as 2025
//! source = "Reuters"   # publisher when the article itself names none
//! time_zone = "+02:00"  # timestamps in the metadata are dated in this UTC offset
//! ```
//!
//! The nearest file wins, field by field, from the article's folder up to the indexed
//! root. An unreadable or malformed file is reported once and ignored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;

/// File name looked for in each folder.
pub const FILE_NAME: &str = "dossier.toml";

/// Defaults for the articles under a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FolderMeta {
    /// Year for dates written without one.
    pub year: Option<i32>,
    /// Publisher of the articles.
    pub source: Option<String>,
    /// UTC offset in which metadata timestamps are dated ("+02:00", "-05:00", "UTC").
    pub time_zone: Option<String>,
}

/// A UTC offset written `+HH:MM`, `-HH:MM`, `+HHMM`, `+HH`, `UTC` or `Z`.
pub fn parse_offset(text: &str) -> Option<time::UtcOffset> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("utc") || text.eq_ignore_ascii_case("z") {
        return Some(time::UtcOffset::UTC);
    }
    let sign: i8 = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i8 = digits[..2].parse().ok()?;
    let minutes: i8 = if digits.len() == 4 {
        digits[2..].parse().ok()?
    } else {
        0
    };
    time::UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()
}

impl FolderMeta {
    /// The `time_zone` as an offset, when it is set and valid.
    pub fn offset(&self) -> Option<time::UtcOffset> {
        self.time_zone.as_deref().and_then(parse_offset)
    }
}

impl FolderMeta {
    /// Fills the fields `self` lacks from `outer`.
    fn inherit(mut self, outer: &FolderMeta) -> FolderMeta {
        self.year = self.year.or(outer.year);
        self.source = self.source.or_else(|| outer.source.clone());
        self.time_zone = self.time_zone.or_else(|| outer.time_zone.clone());
        self
    }
}

/// Reads `dossier.toml` files once per folder and resolves them for articles.
#[derive(Debug, Default)]
pub struct FolderMetaCache {
    files: Mutex<HashMap<PathBuf, Option<FolderMeta>>>,
}

impl FolderMetaCache {
    /// The defaults for `file`, found under `root` (inclusive). `warn` receives a message
    /// for each malformed file, once.
    pub fn for_file(&self, file: &Path, root: &Path, warn: &dyn Fn(String)) -> FolderMeta {
        let mut meta = FolderMeta::default();
        let mut folder = file.parent();
        while let Some(dir) = folder {
            meta = meta.inherit(&self.load(dir, warn).unwrap_or_default());
            if dir == root || !dir.starts_with(root) || dir.as_os_str().is_empty() {
                break;
            }
            folder = dir.parent();
        }
        meta
    }

    fn load(&self, dir: &Path, warn: &dyn Fn(String)) -> Option<FolderMeta> {
        if let Ok(files) = self.files.lock() {
            if let Some(known) = files.get(dir) {
                return known.clone();
            }
        }
        let path = dir.join(FILE_NAME);
        let meta = match std::fs::read_to_string(&path) {
            Err(_) => None,
            Ok(text) => match toml::from_str::<FolderMeta>(&text) {
                Ok(meta) if meta.time_zone.is_some() && meta.offset().is_none() => {
                    warn(format!(
                        "ignoring {}: time_zone {:?} is not a UTC offset; write it like \"+02:00\" or \"UTC\" (zone names are not read)",
                        path.display(),
                        meta.time_zone.as_deref().unwrap_or_default()
                    ));
                    None
                }
                Ok(meta) => Some(meta),
                Err(e) => {
                    let reason = e.message().to_string();
                    warn(format!(
                        "ignoring {}: {reason}; it may set `year = 2025`, `source = \"Name\"` and `time_zone = \"+02:00\"`",
                        path.display()
                    ));
                    None
                }
            },
        };
        if let Ok(mut files) = self.files.lock() {
            files.insert(dir.to_path_buf(), meta.clone());
        }
        meta
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_file_wins_field_by_field() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("news");
        std::fs::create_dir_all(root.join("cnn")).unwrap();
        std::fs::write(root.join(FILE_NAME), "year = 2025\nsource = \"Wire\"\n").unwrap();
        std::fs::write(root.join("cnn").join(FILE_NAME), "source = \"CNN\"\n").unwrap();
        let cache = FolderMetaCache::default();
        let meta = cache.for_file(&root.join("cnn/a.txt"), &root, &|_| {});
        assert_eq!(meta.year, Some(2025));
        assert_eq!(meta.source.as_deref(), Some("CNN"));
        let meta = cache.for_file(&root.join("b.txt"), &root, &|_| {});
        assert_eq!(meta.source.as_deref(), Some("Wire"));
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+02:00").map(|o| o.whole_minutes()), Some(120));
        assert_eq!(parse_offset("-0530").map(|o| o.whole_minutes()), Some(-330));
        assert_eq!(parse_offset("+03").map(|o| o.whole_minutes()), Some(180));
        assert_eq!(parse_offset("UTC"), Some(time::UtcOffset::UTC));
        assert_eq!(parse_offset("Europe/Kyiv"), None);
        assert_eq!(parse_offset("+2:00"), None);
        assert_eq!(parse_offset("+99:00"), None);
    }

    #[test]
    fn malformed_file_is_reported_and_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(FILE_NAME), "year = \"soon\"\n").unwrap();
        let warned = Mutex::new(Vec::new());
        let cache = FolderMetaCache::default();
        let meta = cache.for_file(&tmp.path().join("a.txt"), tmp.path(), &|m| {
            warned.lock().unwrap().push(m)
        });
        assert_eq!(meta, FolderMeta::default());
        let warned = warned.into_inner().unwrap();
        assert_eq!(warned.len(), 1);
        assert!(warned[0].contains("dossier.toml"), "{warned:?}");
    }
}
