//! Long lists decoded at their exact length. serde's default reserves at most about 1 MiB
//! up front and then doubles, so a roster of ten thousand rows passes through twice its
//! size while it is decoded; bincode states the length first, and the frame size limit
//! bounds what a peer can claim.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// The most elements reserved up front, whatever length a peer states.
const MAX_RESERVED: usize = 1 << 18;

/// `#[serde(deserialize_with = "exact::vec")]`: a `Vec` reserved at the stated length.
pub fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_seq(Exact(PhantomData))
}

struct Exact<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVED));
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }
}
