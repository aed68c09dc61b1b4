//! `mentas check`: every record of every tree decodes (migrating old versions), each key
//! matches the record under it, the NIK index and the residents agree both ways, marks
//! name residents that exist, and every counter is past the highest id it hands out.
//!
//! Problems name trees, ids and keys, never a NIK or a name.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Store;
use super::codec::{Record, decode};
use super::error::StoreError;
use super::import::reg_parts;
use super::keys::{
    AUDIT, CLIENT_NIK, CLIENTS, FACILITY_KEY, FORMAT_KEY, HANDOVERS, LAST_BACKUP_KEY, MARKS, META,
    NEXT_AUDIT_SEQ_KEY, NEXT_CLIENT_ID_KEY, NEXT_HANDOVER_ID_KEY, STAFF, STORE_FORMAT, mark_key,
    reg_serial_key,
};
use crate::domain::audit::AuditEntry;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::Mark;
use crate::domain::{Client, Facility, Staff};
use crate::protocol::CheckReport;

/// Problems listed in a report; past these, only counted.
const MAX_LISTED: usize = 50;

/// sled's own tree, always there, unused by mentas.
const DEFAULT_TREE: &[u8] = b"__sled__default";

/// The report being built.
struct Findings {
    report: CheckReport,
}

impl Findings {
    fn problem(&mut self, text: String) {
        if self.report.problems.len() < MAX_LISTED {
            self.report.problems.push(text);
        } else {
            self.report.more_problems += 1;
        }
    }

    /// Decodes a record, noting a problem (and giving `None`) if it does not.
    fn decode<R: Record>(&mut self, bytes: &[u8], key: &str) -> Option<R> {
        match decode::<R>(bytes, key) {
            Ok(record) => Some(record),
            Err(StoreError::NewerVersion { found, known, .. }) => {
                self.problem(format!(
                    "{} {key}: written by a newer mentas (version {found}, this one knows {known})",
                    R::NAME
                ));
                None
            }
            Err(_) => {
                self.problem(format!("{} {key}: does not decode", R::NAME));
                None
            }
        }
    }
}

/// A key or value of 8 bytes as a `u64`.
fn as_u64(bytes: &[u8]) -> Option<u64> {
    bytes.try_into().ok().map(u64::from_be_bytes)
}

type Pairs = Vec<(sled::IVec, sled::IVec)>;

impl Findings {
    /// Every pair of `tree` that can be read. Corrupted data (sled reads pages lazily, so
    /// a damaged file may first show here) is a problem that ends the tree; another sled
    /// failure is an error.
    fn pairs(&mut self, name: &str, tree: &sled::Tree) -> Result<Pairs, StoreError> {
        let mut out = Vec::new();
        for item in tree.iter() {
            match item {
                Ok(pair) => out.push(pair),
                Err(sled::Error::Corruption { .. }) => {
                    self.problem(format!(
                        "{name}: sled found corrupted data after {} readable records; the store files are damaged",
                        out.len()
                    ));
                    break;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(out)
    }
}

impl Store {
    /// Checks the whole store. Problems go into the report; an error means sled itself
    /// could not be read. Callers keep writes out meanwhile (the service's write lock),
    /// or the index and the records may be caught mid-change.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let mut f = Findings {
            report: CheckReport::default(),
        };
        let known: [&[u8]; 8] = [
            DEFAULT_TREE,
            CLIENTS.as_bytes(),
            CLIENT_NIK.as_bytes(),
            STAFF.as_bytes(),
            AUDIT.as_bytes(),
            META.as_bytes(),
            MARKS.as_bytes(),
            HANDOVERS.as_bytes(),
        ];
        for name in self.tree_names() {
            f.report.trees += 1;
            let tree = self.db.open_tree(&name)?;
            let label = String::from_utf8_lossy(&name).into_owned();
            if !known.contains(&name.as_ref()) {
                f.problem(format!("unknown tree {label:?}"));
                f.report.records += f.pairs(&label, &tree)?.len() as u64;
            } else if name.as_ref() == DEFAULT_TREE {
                f.report.records += f.pairs(&label, &tree)?.len() as u64;
            }
        }

        // Residents: id → NIK, the highest id, the highest serial of each year.
        let mut niks: HashMap<u64, Option<String>> = HashMap::new();
        let mut serials: BTreeMap<i32, u64> = BTreeMap::new();
        for (key, bytes) in f.pairs(CLIENTS, &self.clients)? {
            f.report.records += 1;
            f.report.clients += 1;
            let Some(id) = as_u64(&key) else {
                f.problem(format!("clients: a key of {} bytes, not 8", key.len()));
                continue;
            };
            let Some(client) = f.decode::<Client>(&bytes, &id.to_string()) else {
                niks.insert(id, None);
                continue;
            };
            if client.id.0 != id {
                f.problem(format!("client {id}: the record holds id {}", client.id.0));
            }
            if let Some((year, serial)) = reg_parts(&client.reg_no) {
                let top = serials.entry(year).or_default();
                *top = (*top).max(serial);
            }
            niks.insert(id, client.details.nik.map(|n| n.as_str().to_string()));
        }
        let top_client = niks.keys().copied().max().unwrap_or(0);

        // The NIK index, both ways.
        let mut indexed: HashSet<(String, u64)> = HashSet::new();
        for (key, bytes) in f.pairs(CLIENT_NIK, &self.client_nik)? {
            f.report.records += 1;
            let Some(id) = as_u64(&bytes) else {
                f.problem("NIK index: an entry whose resident id is not 8 bytes".into());
                continue;
            };
            let nik = String::from_utf8_lossy(&key).into_owned();
            match niks.get(&id) {
                None => f.problem(format!(
                    "NIK index: an entry points to client {id}, who does not exist"
                )),
                Some(Some(held)) if *held == nik => {}
                // A record that did not decode was reported already.
                Some(None) if !self.clients_decodes(id) => {}
                Some(_) => f.problem(format!(
                    "NIK index: an entry points to client {id}, whose record holds another NIK or none"
                )),
            }
            indexed.insert((nik, id));
        }
        let mut unindexed: Vec<u64> = niks
            .iter()
            .filter_map(|(id, nik)| {
                let nik = nik.as_ref()?;
                (!indexed.contains(&(nik.clone(), *id))).then_some(*id)
            })
            .collect();
        unindexed.sort_unstable();
        for id in unindexed {
            f.problem(format!(
                "client {id}: their NIK is not in the NIK index (or is indexed to another)"
            ));
        }

        for (key, bytes) in f.pairs(STAFF, &self.staff)? {
            f.report.records += 1;
            f.report.staff += 1;
            let name = String::from_utf8_lossy(&key).into_owned();
            if let Some(staff) = f.decode::<Staff>(&bytes, &name)
                && staff.username != name
            {
                f.problem(format!("staff {name}: the record names {}", staff.username));
            }
        }

        let mut top_audit = 0;
        for (key, bytes) in f.pairs(AUDIT, &self.audit)? {
            f.report.records += 1;
            f.report.audit += 1;
            let Some(seq) = as_u64(&key) else {
                f.problem(format!("audit: a key of {} bytes, not 8", key.len()));
                continue;
            };
            top_audit = top_audit.max(seq);
            f.decode::<AuditEntry>(&bytes, &seq.to_string());
        }

        for (key, bytes) in f.pairs(MARKS, &self.marks)? {
            f.report.records += 1;
            f.report.marks += 1;
            let label = format!("{:02x?}", key.as_ref());
            let Some(mark) = f.decode::<Mark>(&bytes, &label) else {
                continue;
            };
            let at = format!("{} {:?}", mark.slot.date, mark.slot.shift);
            if mark_key(mark.slot, mark.client)[..] != key[..] {
                f.problem(format!(
                    "mark of client {} in roll call {at}: stored under another key",
                    mark.client.0
                ));
            }
            if !niks.contains_key(&mark.client.0) {
                f.problem(format!(
                    "mark in roll call {at}: client {} does not exist",
                    mark.client.0
                ));
            }
        }

        let mut top_note = 0;
        for (key, bytes) in f.pairs(HANDOVERS, &self.handovers)? {
            f.report.records += 1;
            f.report.handovers += 1;
            let Some(id) = as_u64(&key) else {
                f.problem(format!("handovers: a key of {} bytes, not 8", key.len()));
                continue;
            };
            top_note = top_note.max(id);
            if let Some(note) = f.decode::<HandoverNote>(&bytes, &id.to_string())
                && note.id != id
            {
                f.problem(format!("handover {id}: the record holds id {}", note.id));
            }
        }

        // Settings and counters.
        let mut counters: HashMap<Vec<u8>, Option<u64>> = HashMap::new();
        let mut facility = false;
        for (key, bytes) in f.pairs(META, &self.meta)? {
            f.report.records += 1;
            match key.as_ref() {
                FORMAT_KEY => match bytes.as_ref() {
                    [v] if *v <= STORE_FORMAT => {}
                    [v] => f.problem(format!("store format {v} is newer than {STORE_FORMAT}")),
                    _ => f.problem("meta: the store format does not decode".into()),
                },
                FACILITY_KEY => {
                    facility = f.decode::<Facility>(&bytes, "facility").is_some();
                }
                LAST_BACKUP_KEY => {
                    if super::decode_time(&bytes).is_err() {
                        f.problem("meta: the last backup time does not decode".into());
                    }
                }
                other => {
                    counters.insert(other.to_vec(), as_u64(&bytes));
                }
            }
        }
        let mut counter = |f: &mut Findings, key: &[u8], name: &str, top: u64| {
            let next = match counters.remove(key) {
                Some(Some(next)) => next,
                Some(None) => {
                    f.problem(format!("meta: the {name} counter is not 8 bytes"));
                    return;
                }
                None => 1,
            };
            if next <= top {
                f.problem(format!(
                    "meta: the {name} counter is {next}, not past the highest in use ({top})"
                ));
            }
        };
        counter(&mut f, NEXT_CLIENT_ID_KEY, "next client id", top_client);
        counter(&mut f, NEXT_AUDIT_SEQ_KEY, "next audit sequence", top_audit);
        counter(&mut f, NEXT_HANDOVER_ID_KEY, "next handover id", top_note);
        for (year, top) in serials {
            let name = format!("registration serial {year}");
            counter(&mut f, &reg_serial_key(year), &name, top);
        }
        // Keys left over are counters of years no resident was registered in (kept),
        // or something unknown.
        for (key, value) in counters {
            let name = String::from_utf8_lossy(&key).into_owned();
            if !name.starts_with("reg_serial/") {
                f.problem(format!("meta: unknown key {name:?}"));
            } else if value.is_none() {
                f.problem(format!("meta: the counter {name} is not 8 bytes"));
            }
        }
        if !facility && (f.report.clients > 0 || f.report.staff > 0) {
            f.problem("meta: residents or staff but no facility".into());
        }
        Ok(f.report)
    }

    /// Whether the resident record `id` decodes (for not reporting one fault twice).
    fn clients_decodes(&self, id: u64) -> bool {
        matches!(self.client(crate::domain::ClientId(id)), Ok(Some(_)))
    }
}
