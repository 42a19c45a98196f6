//! Writing generated files safely: atomically (temp file + rename in the same directory),
//! never over a file that lacks the generated-file header, and not at all when the content
//! is unchanged (so build systems see no change). Also the unified diff for `check`.

use crate::HEADER_MARK;
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// The file did not exist and was written.
    Created,
    /// The file existed with other content and was replaced.
    Updated,
    /// The file already had exactly this content; it was not touched.
    Unchanged,
}

/// Why a file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and was not written by wiregen.
    NotGenerated(PathBuf),
    /// An I/O error.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::NotGenerated(p) => write!(
                f,
                "refusing to overwrite `{}`: it does not start with `{HEADER_MARK}`, so it may hold hand-written code\n  = hint: choose another output path, or delete the file if it really is stale generated output",
                p.display()
            ),
            WriteError::Io(p, e) => write!(f, "cannot write `{}`: {e}", p.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `content` to `path` atomically, unless the file is unchanged or not generated.
pub fn write_generated(path: &Path, content: &str) -> Result<WriteOutcome, WriteError> {
    let existed = match std::fs::read_to_string(path) {
        Ok(old) if old == content => return Ok(WriteOutcome::Unchanged),
        Ok(old) if !old.starts_with(HEADER_MARK) => {
            return Err(WriteError::NotGenerated(path.to_path_buf()));
        }
        Ok(_) => true,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(WriteError::NotGenerated(path.to_path_buf()));
        }
        Err(e) => return Err(WriteError::Io(path.to_path_buf(), e)),
    };
    write_atomic(path, content.as_bytes()).map_err(|e| WriteError::Io(path.to_path_buf(), e))?;
    Ok(if existed {
        WriteOutcome::Updated
    } else {
        WriteOutcome::Created
    })
}

/// Writes bytes to a temporary file next to `path`, then renames it over `path`, so a reader
/// never sees a half-written file. The temporary file has a random name and is created with
/// `O_EXCL` (the `tempfile` crate), so a link planted in the directory is never followed; it
/// is removed on any error (and when the process unwinds).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".wiregen.tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // `persist` renames over `path` (replacing a link there, never writing through it).
    tmp.persist(path).map_err(|e| e.error)?;
    remove_stale_temporaries(&dir, name);
    Ok(())
}

/// Removes temporary files of `name` that a killed run left behind (older than ten minutes,
/// so a concurrent run's file is left alone; links and directories are never touched).
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let stale = n.starts_with(&prefix)
            && n.ends_with(".wiregen.tmp")
            && entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age.as_secs() > 600)
            });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A unified diff from `old` (the file on disk) to `new` (what generation produces).
#[cfg(feature = "cli")]
#[cfg_attr(docsrs, doc(cfg(feature = "cli")))]
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let shown = path.display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_creates_updates_and_skips_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.rs");
        let a = format!("{HEADER_MARK}\nfn a() {{}}\n");
        let b = format!("{HEADER_MARK}\nfn b() {{}}\n");
        assert_eq!(write_generated(&p, &a).unwrap(), WriteOutcome::Created);
        assert_eq!(write_generated(&p, &a).unwrap(), WriteOutcome::Unchanged);
        assert_eq!(write_generated(&p, &b).unwrap(), WriteOutcome::Updated);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), b);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp file left behind");
    }

    #[test]
    fn refuses_to_overwrite_hand_written_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lib.rs");
        std::fs::write(&p, "// my code\n").unwrap();
        let err = write_generated(&p, &format!("{HEADER_MARK}\n")).unwrap_err();
        assert!(err.to_string().contains("refusing to overwrite"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "// my code\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let out = dir.path().join("out.rs");
        // The old predictable temporary name, and the output itself, as links to the victim.
        let old_tmp = dir
            .path()
            .join(format!(".out.rs.wiregen-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old_tmp).unwrap();
        write_atomic(&out, b"generated").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(
            !std::fs::symlink_metadata(&out)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "generated");
        std::fs::remove_file(&out).unwrap();
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        write_atomic(&out, b"generated").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(
            !std::fs::symlink_metadata(&out)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn no_temporary_file_is_left_after_an_error() {
        let dir = tempfile::tempdir().unwrap();
        // Renaming a file over a directory fails after the temporary file was written.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), "x").unwrap();
        assert!(write_atomic(&target, b"generated").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["taken"], "temporary file left behind");
    }

    #[test]
    #[cfg(feature = "cli")]
    fn diff_is_unified() {
        let d = unified_diff(Path::new("x.rs"), "a\nb\n", "a\nc\n");
        assert!(
            d.contains("--- a/x.rs")
                && d.contains("+++ b/x.rs")
                && d.contains("-b")
                && d.contains("+c"),
            "{d}"
        );
    }
}
