//! Backups: every sled tree in one file, and restoring such a file into an empty data dir.
//!
//! The file, all integers big-endian:
//!
//! ```text
//! "MENTASBK"                      magic, 8 bytes
//! u16   backup format (1)
//! u8    store format of the store it came from
//! u16 + UTF-8   created at, WIB, "2026-11-28T02:00:00"
//! u16 + UTF-8   mentas version that wrote it
//! u32   number of trees
//! per tree:  u16 + name bytes, u64 number of pairs,
//!            per pair: u32 + key bytes, u32 + value bytes
//! u32   CRC-32 (IEEE) of every byte before it
//! ```
//!
//! sled has no snapshots: a backup is consistent because the caller keeps every command
//! out while it is written (the service's write lock). It is written to `FILE.partial`,
//! synced, and only then renamed to `FILE`, so a crash never leaves a half-written `FILE`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, ErrorKind, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;

use super::error::StoreError;
use super::keys::STORE_FORMAT;
use super::{Store, sled_config};
use crate::protocol::{BackupSummary, CheckReport, TreeCount};

/// The first bytes of every backup.
pub const MAGIC: &[u8; 8] = b"MENTASBK";
/// The layout described above; bumped when it changes.
pub const FORMAT_VERSION: u16 = 1;
/// What an unfinished backup file's name ends with.
pub const PARTIAL_SUFFIX: &str = ".partial";

const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
/// Longest tree name, key or value a backup is believed to hold: guards against a
/// damaged length.
const MAX_NAME: usize = 1 << 10;
const MAX_ITEM: u64 = 64 << 20;
/// Pairs written to sled per batch when restoring.
const BATCH_PAIRS: usize = 4096;
/// Backup files may be read by the service account's group (the data dir's rule).
const FILE_MODE: u32 = 0o660;

/// Why a backup or a restore failed. Each text is one line for the user.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the backup file must be given as an absolute path: {}", .0.display())]
    NotAbsolute(PathBuf),
    #[error("{} is in the data dir itself; keep backups in a directory of their own (e.g. /var/lib/mentas/backups/)", .0.display())]
    InsideDataDir(PathBuf),
    #[error("{} exists and is not a mentas backup; choose another file name", .0.display())]
    WouldOverwrite(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a mentas backup", .0.display())]
    NotBackup(PathBuf),
    #[error("{} is a backup of format {found}; this mentas reads format {FORMAT_VERSION}: restore it with a newer mentas", path.display())]
    NewerFormat { path: PathBuf, found: u16 },
    #[error("{} is of a newer mentas (store format {found}; this one knows up to {STORE_FORMAT}): restore it with that version", path.display())]
    NewerStore { path: PathBuf, found: u8 },
    #[error("{} is damaged or cut short ({why}); it cannot be restored, use another backup", path.display())]
    Damaged { path: PathBuf, why: String },
    #[error("{} is an unfinished backup (the backup writing it was interrupted); restore a complete one", .0.display())]
    Partial(PathBuf),
    #[error("{} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("{} is not empty (it holds {found}); restore only into an empty or new directory: move it aside first", dir.display())]
    NotEmpty { dir: PathBuf, found: String },
    #[error("the store changed while the backup was written; nothing was kept")]
    Changed,
    #[error("the restored store does not check clean ({} problems, first: {}); nothing was kept", .0.problem_count(), .0.problems.first().map_or("", String::as_str))]
    CheckFailed(Box<CheckReport>),
    #[error("{0}")]
    Store(#[from] StoreError),
}

fn sled_failed(e: sled::Error) -> BackupError {
    BackupError::Store(StoreError::Sled(e))
}

/// One tree as `Store::dump` gives it: its name and its key/value pairs in key order.
pub type TreeDump = (Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>);

/// `FILE.partial`: where a backup to `file` is written before it is renamed.
pub fn partial_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_os_string();
    name.push(PARTIAL_SUFFIX);
    PathBuf::from(name)
}

fn is_partial(file: &Path) -> bool {
    file.to_str().is_some_and(|s| s.ends_with(PARTIAL_SUFFIX))
}

/// A writer that counts and checksums what passes through it.
struct SummingWriter<W> {
    inner: W,
    crc: crc32fast::Hasher,
    bytes: u64,
}

impl<W: Write> SummingWriter<W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.crc.update(bytes);
        self.bytes += bytes.len() as u64;
        self.inner.write_all(bytes)
    }

    /// A length-prefixed byte string; `u16` or `u32` prefix.
    fn short(&mut self, bytes: &[u8]) -> io::Result<()> {
        let len = u16::try_from(bytes.len()).map_err(|_| too_long())?;
        self.put(&len.to_be_bytes())?;
        self.put(bytes)
    }

    fn long(&mut self, bytes: &[u8]) -> io::Result<()> {
        let len = u32::try_from(bytes.len()).map_err(|_| too_long())?;
        self.put(&len.to_be_bytes())?;
        self.put(bytes)
    }
}

fn too_long() -> io::Error {
    io::Error::new(ErrorKind::InvalidInput, "an item is too long for a backup")
}

/// Fails when `file` is not a place a backup may be written: relative, in the data dir
/// itself (or sled's blob dir), or an existing file that is not a backup.
fn check_target(data_dir: &Path, file: &Path) -> Result<(), BackupError> {
    if !file.is_absolute() {
        return Err(BackupError::NotAbsolute(file.to_path_buf()));
    }
    if let (Some(parent), Ok(data)) = (file.parent(), fs::canonicalize(data_dir))
        && let Ok(parent) = fs::canonicalize(parent)
        && (parent == data || parent.starts_with(data.join("blobs")))
    {
        return Err(BackupError::InsideDataDir(file.to_path_buf()));
    }
    match File::open(file) {
        Ok(mut existing) => {
            let mut magic = [0; 8];
            if existing.read_exact(&mut magic).is_err() || &magic != MAGIC {
                return Err(BackupError::WouldOverwrite(file.to_path_buf()));
            }
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        // A directory, or unreadable: writing will say what is wrong.
        Err(_) if file.is_dir() => Err(BackupError::WouldOverwrite(file.to_path_buf())),
        Err(_) => Ok(()),
    }
}

/// Syncs the directory holding `file`, so a rename into it survives a power cut.
fn sync_parent(file: &Path) -> io::Result<()> {
    match file.parent() {
        Some(parent) => File::open(parent)?.sync_all(),
        None => Ok(()),
    }
}

impl Store {
    /// Every tree's name, sorted.
    pub(super) fn tree_names(&self) -> Vec<sled::IVec> {
        let mut names = self.db.tree_names();
        names.sort();
        names
    }

    /// Every tree and its pairs in key order: for tests comparing two stores byte for
    /// byte. Holds everything in memory.
    pub fn dump(&self) -> Result<Vec<TreeDump>, StoreError> {
        let mut out = Vec::new();
        for name in self.tree_names() {
            let tree = self.db.open_tree(&name)?;
            let pairs = tree
                .iter()
                .map(|item| item.map(|(k, v)| (k.to_vec(), v.to_vec())))
                .collect::<Result<_, _>>()?;
            out.push((name.to_vec(), pairs));
        }
        Ok(out)
    }

    /// Writes every tree to `file` (absolute), through `FILE.partial`, synced and renamed.
    /// The caller keeps every write out meanwhile: that is what makes it a snapshot.
    pub fn write_backup(
        &self,
        file: &Path,
        created_at: NaiveDateTime,
    ) -> Result<BackupSummary, BackupError> {
        check_target(&self.dir, file)?;
        let partial = partial_path(file);
        let replaced_partial = partial.exists();
        let written = self.write_partial(&partial, created_at);
        let (bytes, trees) = match written {
            Ok(done) => done,
            Err(e) => {
                let _ = fs::remove_file(&partial);
                return Err(e);
            }
        };
        let failed = |source| BackupError::Write {
            path: file.to_path_buf(),
            source,
        };
        if let Err(e) = fs::rename(&partial, file) {
            let _ = fs::remove_file(&partial);
            return Err(failed(e));
        }
        sync_parent(file).map_err(failed)?;
        Ok(BackupSummary {
            path: file.to_path_buf(),
            bytes,
            records: trees.iter().map(|t| t.pairs).sum(),
            trees,
            created_at,
            mentas_version: env!("CARGO_PKG_VERSION").to_string(),
            replaced_partial,
        })
    }

    /// Writes the snapshot to `partial` and syncs it; its size and the trees' counts.
    fn write_partial(
        &self,
        partial: &Path,
        created_at: NaiveDateTime,
    ) -> Result<(u64, Vec<TreeCount>), BackupError> {
        let failed = |source| BackupError::Write {
            path: partial.to_path_buf(),
            source,
        };
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(FILE_MODE)
            .open(partial)
            .map_err(failed)?;
        let mut out = SummingWriter {
            inner: BufWriter::new(file),
            crc: crc32fast::Hasher::new(),
            bytes: 0,
        };
        let names = self.tree_names();
        let count = u32::try_from(names.len()).map_err(|_| failed(too_long()))?;
        let created = created_at.format(TIME_FORMAT).to_string();
        (|| {
            out.put(MAGIC)?;
            out.put(&FORMAT_VERSION.to_be_bytes())?;
            out.put(&[STORE_FORMAT])?;
            out.short(created.as_bytes())?;
            out.short(env!("CARGO_PKG_VERSION").as_bytes())?;
            out.put(&count.to_be_bytes())
        })()
        .map_err(failed)?;
        let mut trees = Vec::with_capacity(names.len());
        for name in names {
            let tree = self.db.open_tree(&name).map_err(sled_failed)?;
            // sled cannot say how many pairs a tree holds without walking it.
            let pairs = tree.iter().keys().count() as u64;
            out.short(&name).map_err(failed)?;
            out.put(&pairs.to_be_bytes()).map_err(failed)?;
            let mut written = 0u64;
            for item in tree.iter() {
                let (key, value) = item.map_err(sled_failed)?;
                out.long(&key).map_err(failed)?;
                out.long(&value).map_err(failed)?;
                written += 1;
            }
            if written != pairs {
                return Err(BackupError::Changed);
            }
            trees.push(TreeCount {
                name: String::from_utf8_lossy(&name).into_owned(),
                pairs,
            });
        }
        let crc = out.crc.clone().finalize();
        let mut inner = out.inner;
        inner.write_all(&crc.to_be_bytes()).map_err(failed)?;
        let file = inner.into_inner().map_err(|e| failed(e.into_error()))?;
        file.sync_all().map_err(failed)?;
        Ok((out.bytes + 4, trees))
    }
}

/// One thing read from a backup, in file order.
enum Item<'a> {
    /// A tree starts; its pairs follow.
    Tree(&'a [u8]),
    Pair(&'a [u8], &'a [u8]),
}

/// A backup's header.
struct Header {
    store_format: u8,
    created_at: NaiveDateTime,
    mentas_version: String,
}

/// A reader that checksums what it reads and names the file in its errors.
struct SummingReader<'p, R> {
    inner: R,
    crc: crc32fast::Hasher,
    bytes: u64,
    path: &'p Path,
}

impl<R: Read> SummingReader<'_, R> {
    fn damaged(&self, why: impl Into<String>) -> BackupError {
        BackupError::Damaged {
            path: self.path.to_path_buf(),
            why: why.into(),
        }
    }

    /// Reads exactly `buf.len()` bytes, unchecksummed; a short read is a cut-short file.
    fn raw(&mut self, buf: &mut [u8]) -> Result<(), BackupError> {
        match self.inner.read_exact(buf) {
            Ok(()) => {
                self.bytes += buf.len() as u64;
                Ok(())
            }
            Err(e) if e.kind() == ErrorKind::UnexpectedEof => {
                Err(self.damaged(format!("it ends after {} bytes", self.bytes)))
            }
            Err(source) => Err(BackupError::Read {
                path: self.path.to_path_buf(),
                source,
            }),
        }
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], BackupError> {
        let mut buf = [0; N];
        self.raw(&mut buf)?;
        self.crc.update(&buf);
        Ok(buf)
    }

    /// `len` bytes into `buf` (reused), growing it only as data arrives.
    fn bytes_into(&mut self, len: u64, buf: &mut Vec<u8>) -> Result<(), BackupError> {
        if len > MAX_ITEM {
            return Err(self.damaged(format!("an item claims {len} bytes")));
        }
        buf.clear();
        let read = (&mut self.inner)
            .take(len)
            .read_to_end(buf)
            .map_err(|source| BackupError::Read {
                path: self.path.to_path_buf(),
                source,
            })?;
        self.bytes += read as u64;
        if (read as u64) < len {
            return Err(self.damaged(format!("it ends after {} bytes", self.bytes)));
        }
        self.crc.update(buf);
        Ok(())
    }

    fn short(&mut self, buf: &mut Vec<u8>) -> Result<(), BackupError> {
        let len = u16::from_be_bytes(self.take()?);
        self.bytes_into(u64::from(len), buf)
    }

    fn long(&mut self, buf: &mut Vec<u8>) -> Result<(), BackupError> {
        let len = u32::from_be_bytes(self.take()?);
        self.bytes_into(u64::from(len), buf)
    }

    fn text(&mut self) -> Result<String, BackupError> {
        let mut buf = Vec::new();
        self.short(&mut buf)?;
        String::from_utf8(buf).map_err(|_| self.damaged("a header text is not UTF-8"))
    }
}

/// Reads the backup `file` from start to end, handing each tree and pair to `each`, and
/// checks its checksum at the end: whatever `each` did must be undone if this fails.
fn read_backup(
    file: &Path,
    mut each: impl FnMut(Item<'_>) -> Result<(), BackupError>,
) -> Result<(Header, u64, Vec<TreeCount>), BackupError> {
    if is_partial(file) {
        return Err(BackupError::Partial(file.to_path_buf()));
    }
    let opened = match File::open(file) {
        Ok(opened) => opened,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let partial = partial_path(file);
            return Err(if partial.exists() {
                BackupError::Partial(partial)
            } else {
                BackupError::Missing(file.to_path_buf())
            });
        }
        Err(source) => {
            return Err(BackupError::Read {
                path: file.to_path_buf(),
                source,
            });
        }
    };
    let mut r = SummingReader {
        inner: BufReader::new(opened),
        crc: crc32fast::Hasher::new(),
        bytes: 0,
        path: file,
    };
    let magic: [u8; 8] = match r.take() {
        Ok(magic) => magic,
        Err(BackupError::Damaged { .. }) => return Err(BackupError::NotBackup(file.into())),
        Err(e) => return Err(e),
    };
    if &magic != MAGIC {
        return Err(BackupError::NotBackup(file.to_path_buf()));
    }
    let format = u16::from_be_bytes(r.take()?);
    if format != FORMAT_VERSION {
        return Err(if format > FORMAT_VERSION {
            BackupError::NewerFormat {
                path: file.to_path_buf(),
                found: format,
            }
        } else {
            r.damaged(format!("unknown backup format {format}"))
        });
    }
    let [store_format] = r.take()?;
    let created = r.text()?;
    let created_at = NaiveDateTime::parse_from_str(&created, TIME_FORMAT)
        .map_err(|_| r.damaged("its creation time does not read"))?;
    let mentas_version = r.text()?;
    let tree_count = u32::from_be_bytes(r.take()?);
    let mut trees = Vec::new();
    let mut name = Vec::new();
    let mut key = Vec::new();
    let mut value = Vec::new();
    for _ in 0..tree_count {
        r.short(&mut name)?;
        if name.len() > MAX_NAME {
            return Err(r.damaged("a tree name is too long"));
        }
        let pairs = u64::from_be_bytes(r.take()?);
        each(Item::Tree(&name))?;
        for _ in 0..pairs {
            r.long(&mut key)?;
            r.long(&mut value)?;
            each(Item::Pair(&key, &value))?;
        }
        trees.push(TreeCount {
            name: String::from_utf8_lossy(&name).into_owned(),
            pairs,
        });
    }
    let expected = r.crc.clone().finalize();
    let mut stored = [0; 4];
    r.raw(&mut stored)?;
    if u32::from_be_bytes(stored) != expected {
        return Err(r.damaged("its checksum does not match its contents"));
    }
    let mut extra = [0; 1];
    if r.inner
        .read(&mut extra)
        .map_err(|source| BackupError::Read {
            path: file.to_path_buf(),
            source,
        })?
        != 0
    {
        return Err(r.damaged("bytes follow its checksum"));
    }
    let header = Header {
        store_format,
        created_at,
        mentas_version,
    };
    Ok((header, r.bytes, trees))
}

/// Reads the whole backup `file` and checks it: magic, format, structure and checksum.
/// Writes nothing.
pub fn verify(file: &Path) -> Result<BackupSummary, BackupError> {
    let (header, bytes, trees) = read_backup(file, |_| Ok(()))?;
    if header.store_format > STORE_FORMAT {
        return Err(BackupError::NewerStore {
            path: file.to_path_buf(),
            found: header.store_format,
        });
    }
    Ok(BackupSummary {
        path: file.to_path_buf(),
        bytes,
        records: trees.iter().map(|t| t.pairs).sum(),
        trees,
        created_at: header.created_at,
        mentas_version: header.mentas_version,
        replaced_partial: false,
    })
}

/// What `dir` holds, for "not empty": up to a few names.
fn contents(dir: &Path) -> Result<Option<String>, BackupError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == ErrorKind::NotADirectory => {
            return Ok(Some("a file, not a directory".into()));
        }
        Err(source) => {
            return Err(BackupError::Read {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Ok(None);
    }
    names.sort();
    let total = names.len();
    names.truncate(4);
    let mut found = names.join(", ");
    if total > 4 {
        found.push_str(&format!(" and {} more", total - 4));
    }
    Ok(Some(found))
}

/// Restores the backup `file` into `dir`, which must be empty or not exist: checks the
/// whole file first, writes every tree, flushes, opens the result as a store and checks
/// it. On any failure, removes what it wrote. Returns the backup's summary and the check.
pub fn restore(dir: &Path, file: &Path) -> Result<(BackupSummary, CheckReport), BackupError> {
    if let Some(found) = contents(dir)? {
        return Err(BackupError::NotEmpty {
            dir: dir.to_path_buf(),
            found,
        });
    }
    let summary = verify(file)?;
    let created_dir = !dir.exists();
    fs::create_dir_all(dir).map_err(|source| BackupError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    match write_restored(dir, file) {
        Ok(report) => Ok((summary, report)),
        Err(e) => {
            clear(dir, created_dir);
            Err(e)
        }
    }
}

fn write_restored(dir: &Path, file: &Path) -> Result<CheckReport, BackupError> {
    {
        let db = sled_config(dir).open().map_err(sled_failed)?;
        let mut tree: Option<sled::Tree> = None;
        let mut batch = sled::Batch::default();
        let mut in_batch = 0;
        let flush_batch = |tree: &Option<sled::Tree>, batch: &mut sled::Batch, n: &mut usize| {
            if *n > 0
                && let Some(tree) = tree
            {
                tree.apply_batch(std::mem::take(batch))
                    .map_err(sled_failed)?;
            }
            *n = 0;
            Ok::<(), BackupError>(())
        };
        // The file was verified, but it is read again here: a change since is caught by
        // the checksum, and then everything is removed.
        read_backup(file, |item| {
            match item {
                Item::Tree(name) => {
                    flush_batch(&tree, &mut batch, &mut in_batch)?;
                    tree = Some(db.open_tree(name).map_err(sled_failed)?);
                }
                Item::Pair(key, value) => {
                    batch.insert(key, value);
                    in_batch += 1;
                    if in_batch >= BATCH_PAIRS {
                        flush_batch(&tree, &mut batch, &mut in_batch)?;
                    }
                }
            }
            Ok(())
        })?;
        flush_batch(&tree, &mut batch, &mut in_batch)?;
        db.flush().map_err(sled_failed)?;
    }
    let store = Store::open(dir)?;
    let report = store.check()?;
    if !report.is_clean() {
        return Err(BackupError::CheckFailed(Box::new(report)));
    }
    Ok(report)
}

/// Removes what a failed restore wrote: the dir it created, or everything in the empty
/// dir it was given. sled's last writes may land a moment after its handle is dropped,
/// so removal is tried again for a while.
fn clear(dir: &Path, created_dir: bool) {
    for _ in 0..40 {
        let done = if created_dir {
            match fs::remove_dir_all(dir) {
                Ok(()) => true,
                Err(e) => e.kind() == ErrorKind::NotFound,
            }
        } else {
            fs::read_dir(dir).is_ok_and(|entries| {
                entries.filter_map(Result::ok).all(|entry| {
                    let path = entry.path();
                    if path.is_dir() {
                        fs::remove_dir_all(&path).is_ok()
                    } else {
                        fs::remove_file(&path).is_ok()
                    }
                })
            }) && contents(dir).is_ok_and(|c| c.is_none())
        };
        if done {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    tracing::warn!("could not remove everything a failed restore wrote");
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn the_file_is_laid_out_as_documented() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("data")).unwrap();
        let at = NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(2, 0, 0)
            .unwrap();
        let file = dir.path().join("x.bak");
        let summary = store.write_backup(&file, at).unwrap();
        let bytes = fs::read(&file).unwrap();
        assert_eq!(summary.bytes, bytes.len() as u64);
        assert_eq!(&bytes[..8], MAGIC);
        assert_eq!(bytes[8..10], FORMAT_VERSION.to_be_bytes());
        assert_eq!(bytes[10], STORE_FORMAT);
        assert_eq!(bytes[11..13], 19u16.to_be_bytes());
        assert_eq!(&bytes[13..32], b"2026-11-28T02:00:00");
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        let n = version.len();
        assert_eq!(bytes[32..34], (n as u16).to_be_bytes());
        assert_eq!(&bytes[34..34 + n], version);
        // sled's default tree and mentas's seven, in name order.
        assert_eq!(bytes[34 + n..38 + n], 8u32.to_be_bytes());
        assert_eq!(bytes[38 + n..40 + n], 15u16.to_be_bytes());
        assert_eq!(&bytes[40 + n..55 + n], b"__sled__default");
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        assert_eq!(crc, crc32fast::hash(body).to_be_bytes());
        let names: Vec<_> = summary.trees.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "__sled__default",
                "audit",
                "client_nik",
                "clients",
                "handovers",
                "marks",
                "meta",
                "staff"
            ]
        );
        // A new store holds only its format.
        assert_eq!(summary.records, 1);
    }
}
