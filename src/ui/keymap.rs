//! The key table: for each context, which keys do what. Key handling, the footer and the
//! help screen all read this one table, so what is shown is what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::text::Msg;

/// Where the keys are going: the screen, or the popup on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Roster,
    /// The roster with a filter on (status, stage, exited shown): `c` clears them.
    RosterFiltered,
    /// Typing in the roster's search line.
    Search,
    Detail,
    /// A resident's detail that shows whole at this size: no scroll keys in the footer.
    DetailFits,
    /// The resident form or the status form.
    Form,
    /// A form of one field (a mark's note): Enter saves.
    ShortForm,
    Duplicates,
    /// Likely duplicates where one holds the same NIK: only opening them is offered.
    DuplicatesSameNik,
    Confirm,
    Help,
    /// First-run setup form.
    Setup,
    /// A screen with nothing to do but leave (no account).
    Gate,
    Staff,
    Audit,
    Today,
    RollCall,
    /// A y/n question on the roll call ("back?", "mark N hadir?"): only y and n.
    RollAsk,
    /// Typing a name to jump to in the roll call.
    Jump,
    /// The multi-line handover editor: every key but save and cancel is text.
    Editor,
    /// A list popup: the residents behind a number.
    List,
    /// The earlier handover notes, read by note, by day, newest or oldest.
    Handovers,
}

impl Context {
    /// Contexts where printable keys are typed text, so single-letter keys are not bound.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search
                | Context::Form
                | Context::ShortForm
                | Context::Setup
                | Context::Jump
                | Context::Editor
        )
    }
}

/// One key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}

/// Keys, how the footer writes them, what they do, and whether the footer lists them.
pub struct Binding {
    pub keys: &'static [Key],
    pub shown: &'static str,
    pub action: Action,
    pub label: Msg,
    pub footer: bool,
}

const fn b(
    keys: &'static [Key],
    shown: &'static str,
    action: Action,
    label: Msg,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        shown,
        action,
        label,
        footer,
    }
}

// The tables read best one binding per line.
const UP: &[Key] = &[code(KeyCode::Up), k('k')];
const DOWN: &[Key] = &[code(KeyCode::Down), k('j')];
const BACKTAB: &[Key] = &[
    Key(KeyCode::BackTab, KeyModifiers::SHIFT),
    code(KeyCode::BackTab),
    code(KeyCode::Up),
];

/// The roster with a filter on: `c` first, so that the footer offers it. Without a
/// filter there is nothing to clear, and the roster's keys are the rest (`ROSTER`).
#[rustfmt::skip]
const ROSTER_FILTERED: &[Binding] = &[
    b(&[k('c')], "c", Action::ClearFilters, Msg::KeyClearFilters, true),
    b(&[code(KeyCode::Enter)], "Enter", Action::Open, Msg::KeyOpen, true),
    b(&[k('/')], "/", Action::Search, Msg::KeySearch, true),
    b(&[k('n')], "n", Action::New, Msg::KeyNew, true),
    b(&[k('e')], "e", Action::Edit, Msg::KeyEdit, true),
    b(&[k('s')], "s", Action::ChangeStatus, Msg::KeyStatus, true),
    b(&[k('f')], "f", Action::CycleStatusFilter, Msg::KeyFilterStatus, true),
    b(&[k('t')], "t", Action::CycleStageFilter, Msg::KeyFilterStage, true),
    b(&[k('F')], "F", Action::CycleStatusFilterBack, Msg::KeyFilterStatusBack, false),
    b(&[k('T')], "T", Action::CycleStageFilterBack, Msg::KeyFilterStageBack, false),
    b(&[k('x')], "x", Action::ToggleExited, Msg::KeyShowExited, true),
    b(&[k('o')], "o", Action::CycleSort, Msg::KeySort, true),
    b(&[k('O')], "O", Action::ReverseSort, Msg::KeyReverse, false),
    b(&[code(KeyCode::Esc)], "Esc", Action::SearchClear, Msg::KeyClearSearch, false),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];
const ROSTER: &[Binding] = ROSTER_FILTERED.split_at(1).1;

#[rustfmt::skip]
const SEARCH: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::SearchDone, Msg::KeyDone, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::SearchClear, Msg::KeyClearSearch, true),
    // Letters are the query here: exited residents are shown with Ctrl-X (the hint says so).
    b(&[ctrl('x')], "Ctrl-X", Action::ToggleExited, Msg::KeyShowExited, false),
    b(&[code(KeyCode::Up)], "↑", Action::Up, Msg::KeyMove, false),
    b(&[code(KeyCode::Down)], "↓", Action::Down, Msg::KeyMove, true),
];

#[rustfmt::skip]
const DETAIL: &[Binding] = &[
    b(&[code(KeyCode::Esc), code(KeyCode::Backspace), code(KeyCode::Left)], "Esc", Action::Back, Msg::KeyBack, true),
    b(&[k('e')], "e", Action::Edit, Msg::KeyEdit, true),
    b(&[k('s')], "s", Action::ChangeStatus, Msg::KeyStatus, true),
    b(DOWN, "↓/j", Action::Down, Msg::KeyScroll, true),
    b(&[k('a')], "a", Action::AuditOfClient, Msg::KeyAuditOfClient, true),
    b(&[k('u')], "u", Action::UndoStatus, Msg::KeyUndoStatus, false),
    b(UP, "↑/k", Action::Up, Msg::KeyScroll, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

/// A detail that shows whole: the same keys, but the footer offers no scrolling.
#[rustfmt::skip]
const DETAIL_FITS: &[Binding] = &[
    b(&[code(KeyCode::Esc), code(KeyCode::Backspace), code(KeyCode::Left)], "Esc", Action::Back, Msg::KeyBack, true),
    b(&[k('e')], "e", Action::Edit, Msg::KeyEdit, true),
    b(&[k('s')], "s", Action::ChangeStatus, Msg::KeyStatus, true),
    b(&[k('a')], "a", Action::AuditOfClient, Msg::KeyAuditOfClient, true),
    b(&[k('u')], "u", Action::UndoStatus, Msg::KeyUndoStatus, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyScroll, false),
    b(UP, "↑/k", Action::Up, Msg::KeyScroll, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

#[rustfmt::skip]
const STAFF: &[Binding] = &[
    b(&[k('n')], "n", Action::New, Msg::KeyNew, true),
    b(&[k('e'), code(KeyCode::Enter)], "e", Action::Edit, Msg::KeyEdit, true),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

#[rustfmt::skip]
const AUDIT: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::Open, Msg::KeyOpen, true),
    b(&[k('f')], "f", Action::CycleStatusFilter, Msg::KeyFilterStaff, true),
    b(&[k('d')], "d", Action::AskRange, Msg::KeyRange, true),
    b(&[k('r')], "r", Action::PickRecord, Msg::KeyFilterRecord, true),
    b(&[k('x')], "x", Action::ClearRecord, Msg::KeyClearRecord, false),
    b(&[k('c')], "c", Action::ClearFilters, Msg::KeyClearFilters, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Back, Msg::KeyBack, false),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

#[rustfmt::skip]
const FORM: &[Binding] = &[
    b(&[ctrl('s'), code(KeyCode::F(2))], "Ctrl-S", Action::Save, Msg::KeySave, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Cancel, Msg::KeyCancel, true),
    b(&[code(KeyCode::Tab), code(KeyCode::Down), code(KeyCode::Enter)], "Tab/Enter", Action::NextField, Msg::KeyNextOrSave, true),
    b(BACKTAB, "S-Tab/↑", Action::PrevField, Msg::KeyPrevField, false),
    // The hint under a focused choice says ←/→; the footer keeps room for F1 and Ctrl-C.
    b(&[code(KeyCode::Left)], "←/→", Action::ChoicePrev, Msg::KeyChoose, false),
    b(&[code(KeyCode::Right)], "←/→", Action::ChoiceNext, Msg::KeyChoose, false),
    b(&[ctrl('t')], "Ctrl-T", Action::TakeTheirs, Msg::KeyTakeTheirs, false),
];

#[rustfmt::skip]
const SHORT_FORM: &[Binding] = &[
    b(&[code(KeyCode::Enter), ctrl('s'), code(KeyCode::F(2))], "Enter", Action::Save, Msg::KeySave, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Cancel, Msg::KeyCancel, true),
];

#[rustfmt::skip]
const DUPLICATES: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::OpenExisting, Msg::KeyOpenExisting, true),
    b(&[k('c')], "c", Action::ContinueNew, Msg::KeyContinueNew, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Back, Msg::KeyBack, true),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
];

/// The same NIK is the same person (or a typo): no "continue as a new person".
#[rustfmt::skip]
const DUPLICATES_SAME_NIK: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::OpenExisting, Msg::KeyOpenExisting, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Back, Msg::KeyBack, true),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
];

#[rustfmt::skip]
const CONFIRM: &[Binding] = &[
    b(&[k('y'), k('Y')], "y", Action::Yes, Msg::KeyYes, true),
    b(&[k('n'), k('N'), k('t'), code(KeyCode::Esc)], "n", Action::No, Msg::KeyNo, true),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    b(&[code(KeyCode::Esc), k('?'), k('q'), code(KeyCode::F(1))], "Esc", Action::Back, Msg::KeyBack, true),
    b(UP, "↑/k", Action::Up, Msg::KeyScroll, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyScroll, false),
];

#[rustfmt::skip]
const SETUP: &[Binding] = &[
    b(&[ctrl('s'), code(KeyCode::F(2))], "Ctrl-S", Action::Save, Msg::KeySave, true),
    b(&[code(KeyCode::Tab), code(KeyCode::Down), code(KeyCode::Enter)], "Tab/Enter", Action::NextField, Msg::KeyNextOrSave, true),
    b(BACKTAB, "S-Tab", Action::PrevField, Msg::KeyPrevField, false),
];

#[rustfmt::skip]
const TODAY: &[Binding] = &[
    // n and h first: the footer keeps them when it is cut (the note panel points to h).
    b(&[k('n')], "n", Action::NewHandover, Msg::KeyHandoverNew, true),
    b(&[k('h')], "h", Action::HandoverList, Msg::KeyHandoverList, true),
    b(&[code(KeyCode::Enter)], "Enter", Action::Open, Msg::KeyOpen, true),
    b(&[code(KeyCode::Left)], "←/→", Action::ChoicePrev, Msg::KeyCountColumn, false),
    b(&[code(KeyCode::Right)], "←/→", Action::ChoiceNext, Msg::KeyCountColumn, false),
    b(&[k('p')], "p", Action::ShiftTimes, Msg::KeyShiftTimes, false),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

#[rustfmt::skip]
const ROLL_CALL: &[Binding] = &[
    b(&[k('h')], "h", Action::MarkPresent, Msg::KeyPresent, true),
    b(&[k('i')], "i", Action::MarkLeave, Msg::KeyLeave, true),
    b(&[k('s')], "s", Action::MarkSick, Msg::KeySick, true),
    b(&[k('r')], "r", Action::MarkReferred, Msg::KeyReferred, true),
    b(&[k('k')], "k", Action::MarkAbsconded, Msg::KeyAbsconded, true),
    b(&[k('H')], "H", Action::AllPresent, Msg::KeyAllPresent, true),
    // Space is named in the label, in the user's language; the key column stays neutral.
    b(&[code(KeyCode::Enter), k(' ')], "Enter", Action::CycleMark, Msg::KeyCycleMark, false),
    b(&[k('u')], "u", Action::ToggleUnmarked, Msg::KeyUnmarkedOnly, false),
    b(&[k('c')], "c", Action::Note, Msg::KeyNote, false),
    b(&[k('/')], "/", Action::Search, Msg::KeySearch, false),
    b(&[k('[')], "[", Action::PrevShift, Msg::KeyPrevShift, false),
    b(&[k(']')], "]", Action::NextShift, Msg::KeyNextShift, false),
    b(&[k('x')], "x", Action::Export, Msg::KeyExport, false),
    // Go to a date and shift (a date popup, like the audit's date range).
    b(&[k('g')], "g", Action::AskRange, Msg::KeyGoTo, false),
    b(&[k('0')], "0-9", Action::Digit(0), Msg::KeyJumpRow, false),
    b(&[k('1')], "0-9", Action::Digit(1), Msg::KeyJumpRow, false),
    b(&[k('2')], "0-9", Action::Digit(2), Msg::KeyJumpRow, false),
    b(&[k('3')], "0-9", Action::Digit(3), Msg::KeyJumpRow, false),
    b(&[k('4')], "0-9", Action::Digit(4), Msg::KeyJumpRow, false),
    b(&[k('5')], "0-9", Action::Digit(5), Msg::KeyJumpRow, false),
    b(&[k('6')], "0-9", Action::Digit(6), Msg::KeyJumpRow, false),
    b(&[k('7')], "0-9", Action::Digit(7), Msg::KeyJumpRow, false),
    b(&[k('8')], "0-9", Action::Digit(8), Msg::KeyJumpRow, false),
    b(&[k('9')], "0-9", Action::Digit(9), Msg::KeyJumpRow, false),
    b(&[code(KeyCode::Esc)], "Esc", Action::Back, Msg::KeyBack, false),
    b(&[code(KeyCode::Up)], "↑", Action::Up, Msg::KeyMove, false),
    b(&[code(KeyCode::Down), k('j')], "↓", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::PageDown)], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::Home)], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

/// While the roll call asks y/n, no mark key works (nor shows): Esc answers n.
#[rustfmt::skip]
const ROLL_ASK: &[Binding] = &[
    b(&[k('y'), k('Y')], "y", Action::Yes, Msg::KeyYes, true),
    b(&[k('n'), k('N'), code(KeyCode::Esc)], "n", Action::No, Msg::KeyNo, true),
];

#[rustfmt::skip]
const JUMP: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::SearchDone, Msg::KeyDone, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::SearchClear, Msg::KeyCancel, true),
];

#[rustfmt::skip]
const EDITOR: &[Binding] = &[
    b(&[ctrl('s'), code(KeyCode::F(2))], "Ctrl-S/F2", Action::Save, Msg::KeySave, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Cancel, Msg::KeyCancel, true),
];

#[rustfmt::skip]
const LIST: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::Open, Msg::KeyOpen, true),
    b(&[code(KeyCode::Esc), k('q')], "Esc", Action::Back, Msg::KeyBack, true),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

/// Earlier handover notes: nothing to open, so Enter is not offered.
#[rustfmt::skip]
const HANDOVERS: &[Binding] = &[
    b(&[code(KeyCode::Esc), k('q')], "Esc", Action::Back, Msg::KeyClose, true),
    b(&[code(KeyCode::PageUp)], "PgUp/PgDn", Action::PageUp, Msg::KeyDay, true),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyDay, false),
    b(&[code(KeyCode::Home), k('g')], "Home/End", Action::Home, Msg::KeyNewestOldest, true),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyNewestOldest, false),
    b(UP, "↑↓", Action::Up, Msg::KeyNote, true),
    b(DOWN, "↓/j", Action::Down, Msg::KeyNote, false),
];

/// Keys that work wherever nothing above claims them. `q`, `?` and the screen digits
/// only outside text; where keys are text, `GLOBAL_ALWAYS`.
#[rustfmt::skip]
const GLOBAL: &[Binding] = &[
    b(&[k('1')], "1–5", Action::GoToday, Msg::KeyTabs, false),
    b(&[k('2')], "1–5", Action::GoRoster, Msg::KeyTabs, false),
    b(&[k('3')], "1–5", Action::GoRollCall, Msg::KeyTabs, false),
    b(&[k('4')], "1–5", Action::GoStaff, Msg::KeyTabs, false),
    b(&[k('5')], "1–5", Action::GoAudit, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(5))], "F5–F9", Action::GoToday, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(6))], "F5–F9", Action::GoRoster, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(7))], "F5–F9", Action::GoRollCall, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(8))], "F5–F9", Action::GoStaff, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(9))], "F5–F9", Action::GoAudit, Msg::KeyTabs, false),
    b(&[k('?')], "?", Action::Help, Msg::KeyHelp, true),
    b(&[code(KeyCode::F(1))], "F1", Action::Help, Msg::KeyHelp, false),
    b(&[k('q')], "q", Action::Quit, Msg::KeyQuit, true),
    b(&[ctrl('c'), ctrl('q')], "Ctrl-C/Ctrl-Q", Action::Quit, Msg::KeyQuit, false),
];
/// On Apel the digits jump to row numbers, so the screens are the F-keys only.
#[rustfmt::skip]
const GLOBAL_ROLL_CALL: &[Binding] = &[
    b(&[code(KeyCode::F(5))], "F5–F9", Action::GoToday, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(6))], "F5–F9", Action::GoRoster, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(7))], "F5–F9", Action::GoRollCall, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(8))], "F5–F9", Action::GoStaff, Msg::KeyTabs, false),
    b(&[code(KeyCode::F(9))], "F5–F9", Action::GoAudit, Msg::KeyTabs, false),
    b(&[k('?')], "?", Action::Help, Msg::KeyHelp, true),
    b(&[code(KeyCode::F(1))], "F1", Action::Help, Msg::KeyHelp, false),
    b(&[k('q')], "q", Action::Quit, Msg::KeyQuit, true),
    b(&[ctrl('c'), ctrl('q')], "Ctrl-C/Ctrl-Q", Action::Quit, Msg::KeyQuit, false),
];
/// Without an account: only help and quit.
#[rustfmt::skip]
const GLOBAL_GATE: &[Binding] = &[
    b(&[k('?')], "?", Action::Help, Msg::KeyHelp, true),
    b(&[code(KeyCode::F(1))], "F1", Action::Help, Msg::KeyHelp, false),
    b(&[k('q')], "q", Action::Quit, Msg::KeyQuit, true),
    b(&[ctrl('c'), ctrl('q')], "Ctrl-C/Ctrl-Q", Action::Quit, Msg::KeyQuit, false),
];
#[rustfmt::skip]
const GLOBAL_ALWAYS: &[Binding] = &[
    b(&[code(KeyCode::F(1))], "F1", Action::Help, Msg::KeyHelp, true),
    b(&[ctrl('c'), ctrl('q')], "Ctrl-C", Action::Quit, Msg::KeyQuit, true),
];

pub fn bindings(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Roster => ROSTER,
        Context::RosterFiltered => ROSTER_FILTERED,
        Context::Search => SEARCH,
        Context::Detail => DETAIL,
        Context::DetailFits => DETAIL_FITS,
        Context::Form => FORM,
        Context::ShortForm => SHORT_FORM,
        Context::Duplicates => DUPLICATES,
        Context::DuplicatesSameNik => DUPLICATES_SAME_NIK,
        Context::Confirm => CONFIRM,
        Context::Help => HELP,
        Context::Setup => SETUP,
        Context::Gate => &[],
        Context::Staff => STAFF,
        Context::Audit => AUDIT,
        Context::Today => TODAY,
        Context::RollCall => ROLL_CALL,
        Context::RollAsk => ROLL_ASK,
        Context::Jump => JUMP,
        Context::Editor => EDITOR,
        Context::List => LIST,
        Context::Handovers => HANDOVERS,
    }
}

/// The global bindings that apply in `ctx`.
pub fn global(ctx: Context) -> &'static [Binding] {
    if ctx.takes_text() || matches!(ctx, Context::Confirm | Context::RollAsk) {
        GLOBAL_ALWAYS
    } else if ctx == Context::RollCall {
        GLOBAL_ROLL_CALL
    } else if ctx == Context::Gate {
        GLOBAL_GATE
    } else {
        GLOBAL
    }
}

fn matches(key: &KeyEvent, binding: &Binding) -> bool {
    // Terminals differ in reporting SHIFT with upper-case letters; compare without it.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    binding.keys.iter().any(|Key(c, m)| {
        *c == key.code && (*m - KeyModifiers::SHIFT == mods || (*c == KeyCode::BackTab))
    })
}

/// What `key` means in `ctx`, if anything. Context keys win over global ones.
pub fn lookup(ctx: Context, key: &KeyEvent) -> Option<Action> {
    bindings(ctx)
        .iter()
        .chain(global(ctx))
        .find(|b| matches(key, b))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn letters_are_text_in_forms_and_commands_elsewhere() {
        assert_eq!(
            lookup(Context::Roster, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(lookup(Context::Form, &key(KeyCode::Char('q'))), None);
        assert_eq!(lookup(Context::Search, &key(KeyCode::Char('n'))), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::Form, &ctrl_c), Some(Action::Quit));
        assert_eq!(lookup(Context::Roster, &ctrl_c), Some(Action::Quit));
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::Detail, &ctrl_q), Some(Action::Quit));
    }

    #[test]
    fn f1_opens_help_even_where_keys_are_text() {
        for ctx in [
            Context::Form,
            Context::Setup,
            Context::Search,
            Context::Roster,
        ] {
            assert_eq!(
                lookup(ctx, &key(KeyCode::F(1))),
                Some(Action::Help),
                "{ctx:?}"
            );
        }
        assert_eq!(lookup(Context::Form, &key(KeyCode::Char('?'))), None);
        assert_eq!(
            lookup(Context::Help, &key(KeyCode::F(1))),
            Some(Action::Back)
        );
    }

    #[test]
    fn enter_moves_to_the_next_field_in_every_form() {
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        for ctx in [Context::Form, Context::Setup] {
            assert_eq!(lookup(ctx, &key(KeyCode::Enter)), Some(Action::NextField));
            assert_eq!(lookup(ctx, &ctrl_s), Some(Action::Save));
        }
    }

    #[test]
    fn shift_tab_goes_back_however_the_terminal_reports_it() {
        assert_eq!(
            lookup(
                Context::Form,
                &KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)
            ),
            Some(Action::PrevField)
        );
        assert_eq!(
            lookup(Context::Form, &key(KeyCode::BackTab)),
            Some(Action::PrevField)
        );
        assert_eq!(
            lookup(
                Context::Roster,
                &KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT)
            ),
            Some(Action::ReverseSort)
        );
    }

    #[test]
    fn exited_are_shown_with_ctrl_x_while_typing_and_a_same_nik_offers_no_new_person() {
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::Search, &ctrl_x), Some(Action::ToggleExited));
        assert_eq!(lookup(Context::Search, &key(KeyCode::Char('x'))), None);
        let c = key(KeyCode::Char('c'));
        assert_eq!(lookup(Context::Duplicates, &c), Some(Action::ContinueNew));
        assert_ne!(
            lookup(Context::DuplicatesSameNik, &c),
            Some(Action::ContinueNew)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        // A context may claim a global key on purpose (`q` closes help); within one table
        // a key must mean one thing.
        let contexts = [
            Context::Roster,
            Context::RosterFiltered,
            Context::Search,
            Context::Detail,
            Context::DetailFits,
            Context::Form,
            Context::ShortForm,
            Context::Duplicates,
            Context::DuplicatesSameNik,
            Context::Confirm,
            Context::Help,
            Context::Setup,
            Context::Staff,
            Context::Audit,
            Context::Today,
            Context::RollCall,
            Context::RollAsk,
            Context::Jump,
            Context::Editor,
            Context::List,
            Context::Handovers,
        ];
        for table in
            contexts
                .map(bindings)
                .into_iter()
                .chain([GLOBAL, GLOBAL_ROLL_CALL, GLOBAL_ALWAYS])
        {
            let all: Vec<&Key> = table.iter().flat_map(|b| b.keys).collect();
            for (i, a) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(a), "{a:?} bound twice");
            }
        }
    }
}
