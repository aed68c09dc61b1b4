//! Who did something, by name: the staff logins the server records (audit, status
//! history, roll-call marks) turned into the names people know each other by. One small
//! list per session, loaded at start and again when staff accounts change.

use ratatui::text::Span;

use crate::protocol::StaffName;
use crate::ui::screens::roster::fit;

/// Words that go before a name as a courtesy and belong with the name they precede.
const HONORIFICS: [&str; 8] = ["pak", "bu", "ibu", "bapak", "mas", "mbak", "sdr", "sdri"];

/// Every staff account's login and display name (a facility has a few dozen at most).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffNames {
    names: Vec<StaffName>,
}

impl StaffNames {
    pub fn new(names: Vec<StaffName>) -> StaffNames {
        StaffNames { names }
    }

    /// The display name of `login`, or the login itself when no account has it (an
    /// account removed, or the list not loaded).
    pub fn full<'a>(&'a self, login: &'a str) -> &'a str {
        self.names
            .iter()
            .find(|n| n.username == login)
            .map(|n| n.display_name.as_str())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(login)
    }

    /// The name of `login` in `width` columns: whole if it fits, else without a title
    /// after a comma ("Hartono"), else the first name (with "Pak"/"Bu" before it), else
    /// cut and ended with "…".
    pub fn short(&self, login: &str, width: usize) -> String {
        short_name(self.full(login), width)
    }
}

/// `name` in `width` columns, shortened as `StaffNames::short` says.
pub fn short_name(name: &str, width: usize) -> String {
    let fits = |s: &str| Span::raw(s).width() <= width;
    if fits(name) {
        return name.to_string();
    }
    let untitled = name.split(',').next().unwrap_or(name).trim();
    if !untitled.is_empty() && fits(untitled) {
        return untitled.to_string();
    }
    let words: Vec<&str> = untitled.split_whitespace().collect();
    let first = match words.as_slice() {
        [honorific, given, ..] if HONORIFICS.contains(&honorific.to_lowercase().as_str()) => {
            format!("{honorific} {given}")
        }
        [given, ..] => given.to_string(),
        [] => name.to_string(),
    };
    if fits(&first) {
        return first;
    }
    fit(&first, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> StaffNames {
        StaffNames::new(vec![
            StaffName {
                username: "budi".into(),
                display_name: "Budiman Santoso".into(),
            },
            StaffName {
                username: "root".into(),
                display_name: "Hartono, S.Sos".into(),
            },
            StaffName {
                username: "nobadi".into(),
                display_name: "Pak Nobadi Wiryo".into(),
            },
        ])
    }

    #[test]
    fn a_login_becomes_the_name_and_an_unknown_login_stays_as_it_is() {
        let n = names();
        assert_eq!(n.full("budi"), "Budiman Santoso");
        assert_eq!(n.full("root"), "Hartono, S.Sos");
        assert_eq!(n.full("siti"), "siti");
    }

    #[test]
    fn a_short_name_drops_the_title_then_keeps_the_first_name_then_ends_in_an_ellipsis() {
        let n = names();
        assert_eq!(n.short("root", 20), "Hartono, S.Sos");
        assert_eq!(n.short("root", 10), "Hartono");
        assert_eq!(n.short("budi", 10), "Budiman");
        assert_eq!(n.short("nobadi", 10), "Pak Nobadi");
        assert_eq!(n.short("budi", 5), "Budi…");
        assert_eq!(n.short("siti", 10), "siti");
    }
}
