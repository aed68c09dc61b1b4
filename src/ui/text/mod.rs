//! Every word the UI shows, in Indonesian (default) and English, and how dates, names of
//! statuses and refusals are worded.

mod catalogue;
mod format;

pub use catalogue::Msg;
pub use format::*;

use serde::{Deserialize, Serialize};

/// The language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// The text of `msg` in this language.
    pub fn t(self, msg: Msg) -> &'static str {
        match self {
            Lang::Id => msg.id(),
            Lang::En => msg.en(),
        }
    }

    /// The text of `msg` with each `{}` replaced by the next of `args`, in order.
    pub fn f(self, msg: Msg, args: &[&str]) -> String {
        let mut out = String::new();
        let mut rest = self.t(msg);
        for arg in args {
            match rest.split_once("{}") {
                Some((before, after)) => {
                    out.push_str(before);
                    out.push_str(arg);
                    rest = after;
                }
                None => break,
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let (id, en) = (Lang::Id.t(*msg), Lang::En.t(*msg));
            assert!(!id.trim().is_empty(), "{msg:?} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(
                id.matches("{}").count(),
                en.matches("{}").count(),
                "{msg:?} placeholders differ"
            );
        }
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            Lang::En.f(Msg::ChangedBy, &["Siti", "14:32"]),
            "Changed by Siti on 14:32"
        );
        assert_eq!(
            Lang::Id.f(Msg::ChangedBy, &["Siti", "14:32"]),
            "Diubah oleh Siti pada 14:32"
        );
    }
}
