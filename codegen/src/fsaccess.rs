//! The file access policy of the frontends: an input (and every file reached from it by
//! `$ref` or `import`) is read only when it is a regular file, no larger than
//! [`MAX_FILE_BYTES`], under one of the allowed roots once symlinks are resolved.
//!
//! Schemas often come from someone else's package, and wiregen runs in build scripts and CI,
//! so a reference must not read `/proc/self/environ`, `../../secrets.json` or a FIFO. A
//! refused file is never opened for reading (its metadata is checked first, and it is opened
//! non-blocking), and a refusal names the reference, never the file's content.

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The largest input file wiregen reads (64 MiB); larger files are refused.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Which files may be read: regular files under one of `roots` (canonical paths). The
/// default allows no file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Access {
    roots: Vec<PathBuf>,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// The file does not exist or cannot be opened or read.
    Io(std::io::Error),
    /// The file (symlinks resolved) lies outside every allowed root.
    Outside(PathBuf),
    /// The path is a directory, FIFO, socket or device.
    NotRegular,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The path holds a control character (a line break in a name could inject
    /// `cargo:` directives into a build script's output).
    ControlInName,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Io(e) => write!(f, "{e}"),
            Refusal::Outside(p) => write!(
                f,
                "`{}` is outside the directories wiregen may read",
                p.display()
            ),
            Refusal::NotRegular => f.write_str("not a regular file"),
            Refusal::TooLarge(n) => write!(
                f,
                "the file has {n} bytes, more than the limit of {MAX_FILE_BYTES}"
            ),
            Refusal::NotUtf8 => f.write_str("the file is not UTF-8 text"),
            Refusal::ControlInName => f.write_str("the path holds a control character"),
        }
    }
}

impl Refusal {
    /// The hint for a refused file.
    pub fn hint(&self) -> &'static str {
        match self {
            Refusal::Outside(_) => {
                "inputs may only reach files under the entry file's directory (the wiregen.toml \
                 directory in config mode, the crate directory for `include_protocol!`); widen it \
                 with `allowed_roots` (wiregen.toml, the macro), `--allow-root` or \
                 `Builder::allowed_root`"
            }
            Refusal::NotRegular => "refer to a regular file (not a directory, FIFO or device)",
            Refusal::TooLarge(_) => "split the schema into smaller files",
            Refusal::NotUtf8 => "save the file as UTF-8",
            Refusal::ControlInName => "rename the file: no line breaks or control characters",
            Refusal::Io(_) => "check the path and the file's permissions",
        }
    }
}

impl Access {
    /// The policy for an entry file: `roots` when given (relative ones are taken from the
    /// current directory), else the entry's own directory.
    pub fn for_entry(entry: &Path, roots: &[PathBuf]) -> Access {
        let dirs: Vec<PathBuf> = if roots.is_empty() {
            vec![parent_dir(entry)]
        } else {
            roots.to_vec()
        };
        Access {
            roots: dirs
                .iter()
                .map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.clone()))
                .collect(),
        }
    }

    /// The allowed roots (canonical).
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// The canonical path of `path` if the policy allows reading it (without reading it).
    pub fn check(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let canonical = std::fs::canonicalize(path).map_err(Refusal::Io)?;
        if canonical.to_string_lossy().chars().any(char::is_control) {
            return Err(Refusal::ControlInName);
        }
        if !self.roots.iter().any(|r| canonical.starts_with(r)) {
            return Err(Refusal::Outside(canonical));
        }
        let meta = std::fs::metadata(&canonical).map_err(Refusal::Io)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(Refusal::TooLarge(meta.len()));
        }
        Ok(canonical)
    }

    /// Reads `path` as UTF-8 text if the policy allows it.
    pub fn read(&self, path: &Path) -> Result<String, Refusal> {
        let canonical = self.check(path)?;
        let mut file = open_nonblocking(&canonical).map_err(Refusal::Io)?;
        // The file may have been swapped between the check and the open.
        let meta = file.metadata().map_err(Refusal::Io)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular);
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(Refusal::Io)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Refusal::TooLarge(bytes.len() as u64));
        }
        String::from_utf8(bytes).map_err(|_| Refusal::NotUtf8)
    }
}

fn parent_dir(entry: &Path) -> PathBuf {
    match entry.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Opens for reading without blocking on a FIFO that appeared after the metadata check.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_regular_files_under_the_roots() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(root.join("a.json"), "{}").unwrap();
        std::fs::write(dir.path().join("secret.json"), "{}").unwrap();
        let access = Access::for_entry(&root.join("a.json"), &[]);
        assert_eq!(access.read(&root.join("a.json")).unwrap(), "{}");
        assert!(matches!(
            access.read(&root.join("../secret.json")),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(access.read(&root), Err(Refusal::NotRegular)));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.json"), root.join("link.json"))
                .unwrap();
            assert!(matches!(
                access.read(&root.join("link.json")),
                Err(Refusal::Outside(_))
            ));
            let wide = Access::for_entry(&root.join("a.json"), &[dir.path().to_path_buf()]);
            assert_eq!(wide.read(&root.join("link.json")).unwrap(), "{}");
            let devices = Access::for_entry(Path::new("/dev/zero"), &[]);
            assert!(matches!(
                devices.read(Path::new("/dev/zero")),
                Err(Refusal::NotRegular)
            ));
            std::fs::write(root.join("a\ncargo:rustc-link-arg=x.json"), "{}").unwrap();
            assert!(matches!(
                access.read(&root.join("a\ncargo:rustc-link-arg=x.json")),
                Err(Refusal::ControlInName)
            ));
        }
    }
}
