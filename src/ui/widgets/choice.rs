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

    /// Adds `c` to what was typed and jumps to the first label containing it. If no label
    /// contains it, the choice stays as it was and the text is kept as typed, to be shown
    /// as matching nothing ("pasuruan" typed into Agama picks no religion).
    pub fn type_char(&mut self, c: char, labels: &[String]) {
        self.typed.push(c);
        self.find(labels);
    }

    /// Takes back the last typed character, finding again by what is left.
    pub fn backspace(&mut self, labels: &[String]) -> bool {
        if self.typed.pop().is_none() {
            return false;
        }
        if !self.typed.is_empty() {
            self.find(labels);
        }
        true
    }

    /// What was typed to find a value (empty after ←/→ or leaving the field).
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// True when something was typed that no label contains.
    pub fn unmatched(&self, labels: &[String]) -> bool {
        let needle = self.typed.to_lowercase();
        !needle.is_empty() && !labels.iter().any(|l| l.to_lowercase().contains(&needle))
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

    #[test]
    fn text_matching_no_label_changes_nothing_and_is_kept() {
        let labels: Vec<String> = ["Islam", "Kristen", "Katolik", "Hindu", "Buddha"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut c = Choice::new(0, labels.len());
        for ch in "pasuruan".chars() {
            c.type_char(ch, &labels);
        }
        assert_eq!(c.index, 0, "still Islam, not Kristen");
        assert_eq!(c.typed(), "pasuruan");
        assert!(c.unmatched(&labels));
        // Backspace back to nothing, then a real name finds it.
        while c.backspace(&labels) {}
        for ch in "kat".chars() {
            c.type_char(ch, &labels);
        }
        assert_eq!(c.index, 2);
        assert!(!c.unmatched(&labels));
    }
}
