//! Test harness: a temporary folder, files created in it, and the real `dossier` binary
//! run inside it with a cleared environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dossier::output::json::{HitRecord, SummaryRecord};

/// A temporary working folder for one test.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

/// The bundled corpus of the repository.
pub fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A working folder holding a copy of the bundled corpus in `corpus/`.
    pub fn with_bundled_corpus() -> Dir {
        let dir = Dir::new();
        for entry in std::fs::read_dir(bundled_corpus()).expect("corpus/") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            dir.create_bytes(
                &format!("corpus/{name}"),
                &std::fs::read(&path).expect("read"),
            );
        }
        dir
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn create(&self, name: &str, text: &str) -> PathBuf {
        self.create_bytes(name, text.as_bytes())
    }

    pub fn create_bytes(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, bytes).expect("write");
        path
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args).current_dir(self.path()).env_clear();
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run dossier")
    }

    /// Runs and asserts the exit code; returns stdout.
    pub fn expect(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "dossier {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs a `search --json` and parses its hit lines and summary.
    pub fn search_json(&self, args: &[&str]) -> (Vec<HitRecord>, SummaryRecord) {
        let mut full = vec!["search", "--json"];
        full.extend_from_slice(args);
        let out = self.run(&full);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "dossier {full:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        parse_json_lines(&String::from_utf8_lossy(&out.stdout))
    }
}

/// Splits JSON Lines output into hit records and the summary (which must come last).
pub fn parse_json_lines(text: &str) -> (Vec<HitRecord>, SummaryRecord) {
    let lines: Vec<&str> = text.lines().collect();
    let (last, hits) = lines.split_last().expect("at least a summary line");
    let hits = hits
        .iter()
        .map(|l| serde_json::from_str::<HitRecord>(l).expect("hit line"))
        .collect();
    let summary: SummaryRecord = serde_json::from_str(last).expect("summary line");
    assert_eq!(summary.kind, "summary");
    (hits, summary)
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
