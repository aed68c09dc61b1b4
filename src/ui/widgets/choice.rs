//! A fixed list of values chosen with ←/→ or by typing part of a value's name.

/// The chosen index in a list of `len` options, plus what was typed to find one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub index: usize,
    pub len: usize,
    typed: String,
}

impl Choice {
    pub fn new(index: usize, len: usize) -> Choice {
        Choice {
            index: index.min(len.saturating_sub(1)),
            len,
            typed: String::new(),
        }
    }

    pub fn next(&mut self) {
        self.typed.clear();
        self.index = (self.index + 1) % self.len.max(1);
    }

    pub fn prev(&mut self) {
        self.typed.clear();
        self.index = (self.index + self.len.max(1) - 1) % self.len.max(1);
    }

    /// Adds `c` to what was typed and jumps to the first label containing it; if nothing
    /// contains it, starts again from `c` alone.
    pub fn type_char(&mut self, c: char, labels: &[String]) {
        self.typed.push(c);
        if !self.find(labels) {
            self.typed = c.to_string();
            self.find(labels);
        }
    }

    /// Forgets what was typed (focus moved away).
    pub fn clear_typed(&mut self) {
        self.typed.clear();
    }

    fn find(&mut self, labels: &[String]) -> bool {
        let needle = self.typed.to_lowercase();
        let starts = labels
            .iter()
            .position(|l| l.to_lowercase().starts_with(&needle));
        let contains = || {
            labels
                .iter()
                .position(|l| l.to_lowercase().contains(&needle))
        };
        match starts.or_else(contains) {
            Some(i) => {
                self.index = i;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_finds_by_start_then_by_part() {
        let labels: Vec<String> = [
            "Kab. Malang",
            "Kab. Pasuruan",
            "Kota Pasuruan",
            "Kota Malang",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut c = Choice::new(0, labels.len());
        for ch in "kota p".chars() {
            c.type_char(ch, &labels);
        }
        assert_eq!(c.index, 2);
        c.clear_typed();
        for ch in "pas".chars() {
            c.type_char(ch, &labels);
        }
        assert_eq!(c.index, 1);
        c.next();
        assert_eq!(c.index, 2);
        c.prev();
        c.prev();
        assert_eq!(c.index, 0);
        c.prev();
        assert_eq!(c.index, 3);
    }
}
