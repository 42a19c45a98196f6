//! Sets `WIREGEN_VERSION` for `wiregen --version`: the package version, plus the commit it
//! was built from when that is known — from git when built in a checkout, or from the
//! `.cargo_vcs_info.json` cargo writes into a packaged crate. Without either (a packaged
//! crate built from a dirty tree, no git installed) it is the package version alone.
//! Only the `cli` feature needs it; library users (build.rs, the include macro) skip git.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let commit = if std::env::var_os("CARGO_FEATURE_CLI").is_some() {
        let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
        packaged_commit(Path::new(&dir)).or_else(|| git_commit(Path::new(&dir)))
    } else {
        None
    };
    match commit {
        Some(c) => println!("cargo::rustc-env=WIREGEN_VERSION={version} ({c})"),
        None => println!("cargo::rustc-env=WIREGEN_VERSION={version}"),
    }
}

/// The commit recorded by `cargo package` (`{"git": {"sha1": "…"}}`).
fn packaged_commit(dir: &Path) -> Option<String> {
    let info = std::fs::read_to_string(dir.join(".cargo_vcs_info.json")).ok()?;
    let at = info.find("\"sha1\"")?;
    let rest = &info[at + "\"sha1\"".len()..];
    let start = rest.find('"')? + 1;
    let sha: String = rest[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    (sha.len() >= 9).then(|| format!("git {}", &sha[..9]))
}

/// The checkout's commit, when `dir` is inside wiregen's own git checkout. Rebuilds when
/// `HEAD` moves (a checkout, or a commit on the current branch).
fn git_commit(dir: &Path) -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    // A packaged crate unpacked inside some other repository must not take its hash.
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !Path::new(&top).join("codegen/src/main.rs").is_file() {
        return None;
    }
    let sha = git(&["rev-parse", "--short=9", "HEAD"])?;
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for path in watched {
        // Only files that exist: cargo reruns the script every time for a missing one.
        if let Some(p) = git(&["rev-parse", "--git-path", &path]).map(|p| dir.join(p))
            && p.is_file()
        {
            println!("cargo::rerun-if-changed={}", p.display());
        }
    }
    Some(format!("git {sha}"))
}
