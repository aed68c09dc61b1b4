//! The store's watermark: a small file beside sled's own (`DATA/store.watermark`) saying
//! how far the audit sequence had reached when the store was last flushed.
//!
//! sled recovers a damaged log silently to whatever it can still read: an empty store when
//! `db` was cut short or overwritten, an older one when its tail was lost. Served as it is,
//! that would look like a new facility waiting for setup. So a store whose audit sequence
//! is behind its watermark has lost records and is refused as damaged.
//!
//! The value written is always one read before a flush that then succeeded, so it never
//! claims more than is on disk. A missing or unreadable watermark only weakens the check
//! (it is written again); it never makes a good store look damaged.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The watermark's file name in the data dir.
pub const FILE: &str = "store.watermark";
const FIRST_LINE: &str = "mentas store watermark";
const SEQ_LABEL: &str = "next_audit_seq";

/// Where the watermark of the store in `dir` lives.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// The audit sequence the store in `dir` was last flushed with; `None` when there is no
/// readable watermark.
pub(super) fn read(dir: &Path) -> Option<u64> {
    let text = fs::read_to_string(path(dir)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != FIRST_LINE {
        return None;
    }
    let (label, value) = lines.next()?.split_once(' ')?;
    if label != SEQ_LABEL {
        return None;
    }
    value.trim().parse().ok()
}

/// Records `next_audit_seq` as the watermark: written beside it, then renamed over it, so
/// a crash leaves the old watermark or the new one, never half of one.
pub(super) fn write(dir: &Path, next_audit_seq: u64) -> io::Result<()> {
    let tmp = dir.join(format!("{FILE}.tmp"));
    let mut file = fs::File::create(&tmp)?;
    write!(file, "{FIRST_LINE}\n{SEQ_LABEL} {next_audit_seq}\n")?;
    drop(file);
    fs::rename(&tmp, path(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_watermark_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), None);
        write(dir.path(), 42).unwrap();
        assert_eq!(read(dir.path()), Some(42));
        write(dir.path(), 43).unwrap();
        assert_eq!(read(dir.path()), Some(43));
    }

    #[test]
    fn garbage_is_no_watermark() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(path(dir.path()), b"\x00\x01garbage").unwrap();
        assert_eq!(read(dir.path()), None);
        fs::write(path(dir.path()), format!("{FIRST_LINE}\n{SEQ_LABEL} x\n")).unwrap();
        assert_eq!(read(dir.path()), None);
    }
}
