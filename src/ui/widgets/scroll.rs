//! Where a long table's view stands: the first row on screen and the page height, both
//! remembered at each draw, and how the movement keys move the selection and the view.

use std::cell::Cell;

use crate::ui::action::Action;

/// A table's view, kept by `render` (hence the cells) and read by the keys.
#[derive(Debug)]
pub struct Scroll {
    offset: Cell<usize>,
    page: Cell<usize>,
}

impl Default for Scroll {
    fn default() -> Scroll {
        Scroll {
            offset: Cell::new(0),
            page: Cell::new(10),
        }
    }
}

impl Scroll {
    /// The first row on screen at the last draw.
    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    /// Where a movement key (arrows, PgUp/PgDn, Home/End) takes the selection among `len`
    /// rows, or `None` for any other action. PgUp and PgDn move the view with it.
    pub fn step(&self, action: &Action, selected: usize, len: usize) -> Option<usize> {
        let page = self.page.get().max(1);
        let to = match action {
            Action::Up => selected.saturating_sub(1),
            Action::Down => selected + 1,
            Action::PageUp => {
                self.offset.set(self.offset.get().saturating_sub(page));
                selected.saturating_sub(page)
            }
            Action::PageDown => {
                self.offset.set(self.offset.get() + page);
                selected + page
            }
            Action::Home => 0,
            Action::End => len.saturating_sub(1),
            _ => return None,
        };
        Some(to.min(len.saturating_sub(1)))
    }

    /// At a draw of `page` rows: remembers the page and returns the first row to show,
    /// keeping `selected` on screen (see [`follow`]).
    pub fn place(&self, page: usize, selected: usize, len: usize) -> usize {
        self.page.set(page.max(1));
        let offset = follow(self.offset.get(), selected, page, len);
        self.offset.set(offset);
        offset
    }
}

/// Rows of context kept beside the selection when the view jumps (at most a quarter of
/// the page).
const JUMP_CONTEXT: usize = 3;

/// The first row to show so that `selected` is on a page of `page` rows out of `len`,
/// moving the view as seldom as possible.
///
/// Over a slow link, scrolling a table by one row costs a repaint of every row on screen
/// (about 1.7 KB at 80×24) where moving the highlight costs about 200 bytes. So the view
/// does not creep along row by row: when the selection steps off the bottom, the view
/// jumps so that the selected row lands near the top, the few rows just passed still
/// above it (and the other way round going up). The next page's worth of keys then only
/// move the highlight: Down averages about 300 bytes a key instead of 1,700, and the eye
/// finds its place by the rows it has just read. Editors have long done the same on
/// slow terminals (vi's `scrolljump`).
fn follow(offset: usize, selected: usize, page: usize, len: usize) -> usize {
    let page = page.max(1);
    let context = JUMP_CONTEXT.min(page / 4);
    let offset = if selected >= offset + page {
        selected - context
    } else if selected < offset {
        (selected + context + 1).saturating_sub(page)
    } else {
        offset
    };
    offset.min(len.saturating_sub(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_jumps_only_when_the_selection_leaves_the_page() {
        // 18 rows on the page, 3 kept as context.
        assert_eq!(follow(0, 17, 18, 100), 0);
        assert_eq!(follow(0, 18, 18, 100), 15);
        assert_eq!(follow(15, 14, 18, 100), 0);
        assert_eq!(follow(40, 39, 18, 100), 25);
        // Never past the end, never before the start, whatever the page.
        assert_eq!(follow(0, 99, 18, 100), 82);
        assert_eq!(follow(90, 95, 18, 100), 82);
        assert_eq!(follow(0, 0, 0, 0), 0);
        assert_eq!(follow(5, 2, 1, 10), 2);
    }

    #[test]
    fn keys_move_the_selection_within_the_rows() {
        let scroll = Scroll::default();
        assert_eq!(scroll.place(18, 0, 100), 0);
        assert_eq!(scroll.step(&Action::Down, 0, 100), Some(1));
        assert_eq!(scroll.step(&Action::Up, 0, 100), Some(0));
        assert_eq!(scroll.step(&Action::End, 0, 100), Some(99));
        assert_eq!(scroll.step(&Action::PageDown, 95, 100), Some(99));
        assert_eq!(scroll.offset(), 18, "PgDn moves the view a page");
        assert_eq!(scroll.step(&Action::Home, 50, 0), Some(0));
        assert_eq!(scroll.step(&Action::Open, 5, 100), None);
    }
}
