//! Who is on the other end of a connection: the peer's uid from the socket itself
//! (SO_PEERCRED), mapped to an OS user name, which the service maps to a staff account.
//! Nobody can claim to be someone else.

use std::collections::HashMap;
use std::io;
use std::os::unix::net::UnixStream;

/// How peer uids become user names.
#[derive(Debug, Clone)]
pub enum Identity {
    /// The OS user database: the real thing.
    OsUsers,
    /// Tests: uids mapped by the table; a uid not in it is unknown.
    Fixed(HashMap<u32, String>),
    /// Tests: the n-th connection to say `Hello` acts as the n-th name, whatever its uid
    /// (in one test process every client has the same uid); those past the list are
    /// unknown.
    InTurn(Vec<String>),
}

impl Identity {
    /// The user name for a peer with `uid`, the `nth` to say `Hello` (from 0). An
    /// unknown uid gets `uid:N`, which has no staff account, so the service refuses
    /// everything but `Hello`.
    pub fn username(&self, uid: u32, nth: u64) -> String {
        let known = match self {
            Identity::OsUsers => {
                uzers::get_user_by_uid(uid).and_then(|u| u.name().to_str().map(str::to_string))
            }
            Identity::Fixed(table) => table.get(&uid).cloned(),
            Identity::InTurn(names) => usize::try_from(nth)
                .ok()
                .and_then(|n| names.get(n))
                .cloned(),
        };
        known.unwrap_or_else(|| unknown(uid))
    }
}

/// The name given to a uid nobody knows.
pub fn unknown(uid: u32) -> String {
    format!("uid:{uid}")
}

/// Whether `username` is one `unknown` made up: an OS user without a name, who cannot be
/// given an account (no `mentas staff add uid:1234`).
pub fn is_nameless(username: &str) -> bool {
    username
        .strip_prefix("uid:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The uid of the process on the other end of `stream`, as the kernel recorded it when
/// that process connected.
pub fn peer_uid(stream: &UnixStream) -> io::Result<u32> {
    let cred = rustix::net::sockopt::socket_peercred(stream)?;
    Ok(cred.uid.as_raw())
}

/// The OS user this process runs as: the head of a demo facility it loads.
pub fn own_username() -> String {
    uzers::get_current_username()
        .and_then(|n| n.into_string().ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_table_maps_known_uids_only() {
        let id = Identity::Fixed(HashMap::from([(1001, "budi".to_string())]));
        assert_eq!(id.username(1001, 0), "budi");
        assert_eq!(id.username(1234, 1), "uid:1234");
    }

    #[test]
    fn names_in_turn_then_unknown() {
        let id = Identity::InTurn(vec!["kepala".into(), "budi".into()]);
        assert_eq!(id.username(0, 0), "kepala");
        assert_eq!(id.username(0, 1), "budi");
        assert_eq!(id.username(7, 2), "uid:7");
    }

    #[test]
    fn the_os_knows_our_own_uid() {
        let (a, _b) = UnixStream::pair().unwrap();
        let uid = peer_uid(&a).unwrap();
        assert_eq!(uid, rustix::process::getuid().as_raw());
        // A uid the system surely has no user for.
        assert_eq!(
            Identity::OsUsers.username(4_000_000_000, 0),
            "uid:4000000000"
        );
    }
}
