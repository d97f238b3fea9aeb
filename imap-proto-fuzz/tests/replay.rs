//! Replays every committed fuzz input through the target functions, in
//! ordinary `cargo test` (stable): the seed corpora (`fuzz/seeds/<target>/`)
//! and the inputs that once crashed a target (`fuzz/regressions/<target>/`),
//! so that a crash once fixed stays fixed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use imap_proto_fuzz::targets::{self, TARGETS};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files directly inside `dir` (none if it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// Runs every file of `kind` (seeds or regressions); returns how many ran.
fn replay(kind: &str) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for t in TARGETS {
        for f in files(&fuzz_dir().join(kind).join(t)) {
            let data = std::fs::read(&f).expect("read input");
            count += 1;
            let r = catch_unwind(AssertUnwindSafe(|| assert!(targets::run(t, &data))));
            if let Err(e) = r {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{t}: {}: {msg}", f.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing inputs:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn seeds_replay() {
    let n = replay("seeds");
    assert!(n >= TARGETS.len() * 50, "only {n} seed files found");
}

#[test]
fn regressions_replay() {
    let n = replay("regressions");
    assert!(n >= 1, "no regression inputs found");
}

/// The fuzz targets whose body lives in another crate, which replays
/// their inputs: `differential` (imap-proto-differential, replayed by
/// `differential/tests/differential.rs`).
const ELSEWHERE: &[&str] = &["differential"];

/// Every directory under fuzz/seeds and fuzz/regressions names a target,
/// and every target has seeds.
#[test]
fn corpus_directories_name_targets() {
    for kind in ["seeds", "regressions"] {
        for d in std::fs::read_dir(fuzz_dir().join(kind)).expect("fuzz directory") {
            let name = d.expect("entry").file_name().to_string_lossy().into_owned();
            assert!(
                TARGETS.contains(&name.as_str()) || ELSEWHERE.contains(&name.as_str()),
                "fuzz/{kind}/{name}: no such target"
            );
        }
    }
    for t in TARGETS {
        assert!(
            !files(&fuzz_dir().join("seeds").join(t)).is_empty(),
            "no seeds for {t}"
        );
    }
}
