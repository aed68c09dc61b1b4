//! The key table: for each context, which keys do what. Key handling, the footer and the
//! help screen all read this one table, so what is shown is what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::text::Msg;

/// Where the keys are going: the screen, or the popup on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Roster,
    /// Typing in the roster's search line.
    Search,
    Detail,
    /// The resident form or the status form.
    Form,
    Duplicates,
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
    /// Typing a name to jump to in the roll call.
    Jump,
    /// The multi-line handover editor: every key but save and cancel is text.
    Editor,
    /// A list popup (residents behind a number, earlier handovers).
    List,
}

impl Context {
    /// Contexts where printable keys are typed text, so single-letter keys are not bound.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search | Context::Form | Context::Setup | Context::Jump | Context::Editor
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

#[rustfmt::skip]
const ROSTER: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::Open, Msg::KeyOpen, true),
    b(&[k('/')], "/", Action::Search, Msg::KeySearch, true),
    b(&[k('n')], "n", Action::New, Msg::KeyNew, true),
    b(&[k('e')], "e", Action::Edit, Msg::KeyEdit, true),
    b(&[k('s')], "s", Action::ChangeStatus, Msg::KeyStatus, true),
    b(&[k('f')], "f", Action::CycleStatusFilter, Msg::KeyFilterStatus, true),
    b(&[k('t')], "t", Action::CycleStageFilter, Msg::KeyFilterStage, true),
    b(&[k('x')], "x", Action::ToggleExited, Msg::KeyShowExited, true),
    b(&[k('o')], "o", Action::CycleSort, Msg::KeySort, true),
    b(&[k('O')], "O", Action::ReverseSort, Msg::KeyReverse, false),
    b(&[k('c'), code(KeyCode::Esc)], "c", Action::ClearFilters, Msg::KeyClearFilters, false),
    b(UP, "↑/k", Action::Up, Msg::KeyMove, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyMove, false),
    b(&[code(KeyCode::PageUp)], "PgUp", Action::PageUp, Msg::KeyPage, false),
    b(&[code(KeyCode::PageDown), k(' ')], "PgDn", Action::PageDown, Msg::KeyPage, false),
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
];

#[rustfmt::skip]
const SEARCH: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::SearchDone, Msg::KeyDone, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::SearchClear, Msg::KeyClearSearch, true),
    b(&[code(KeyCode::Up)], "↑", Action::Up, Msg::KeyMove, false),
    b(&[code(KeyCode::Down)], "↓", Action::Down, Msg::KeyMove, true),
];

#[rustfmt::skip]
const DETAIL: &[Binding] = &[
    b(&[code(KeyCode::Esc), code(KeyCode::Backspace), code(KeyCode::Left)], "Esc", Action::Back, Msg::KeyBack, true),
    b(&[k('e')], "e", Action::Edit, Msg::KeyEdit, true),
    b(&[k('s')], "s", Action::ChangeStatus, Msg::KeyStatus, true),
    b(&[k('a')], "a", Action::AuditOfClient, Msg::KeyAuditOfClient, false),
    b(UP, "↑/k", Action::Up, Msg::KeyScroll, true),
    b(DOWN, "↓/j", Action::Down, Msg::KeyScroll, false),
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
    b(&[ctrl('s'), code(KeyCode::F(2))], "Ctrl-S/F2", Action::Save, Msg::KeySave, true),
    b(&[code(KeyCode::Esc)], "Esc", Action::Cancel, Msg::KeyCancel, true),
    b(&[code(KeyCode::Tab), code(KeyCode::Down), code(KeyCode::Enter)], "Tab/↓/Enter", Action::NextField, Msg::KeyNextField, true),
    b(BACKTAB, "S-Tab/↑", Action::PrevField, Msg::KeyPrevField, false),
    b(&[code(KeyCode::Left)], "←", Action::ChoicePrev, Msg::KeyChoose, false),
    b(&[code(KeyCode::Right)], "←/→", Action::ChoiceNext, Msg::KeyChoose, true),
    b(&[ctrl('t')], "Ctrl-T", Action::TakeTheirs, Msg::KeyTakeTheirs, false),
];

#[rustfmt::skip]
const DUPLICATES: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::OpenExisting, Msg::KeyOpenExisting, true),
    b(&[k('c')], "c", Action::ContinueNew, Msg::KeyContinueNew, true),
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
    b(&[code(KeyCode::Esc), k('?'), k('q')], "Esc", Action::Back, Msg::KeyBack, true),
    b(UP, "↑/k", Action::Up, Msg::KeyScroll, false),
    b(DOWN, "↓/j", Action::Down, Msg::KeyScroll, false),
];

#[rustfmt::skip]
const SETUP: &[Binding] = &[
    b(&[code(KeyCode::Enter), ctrl('s'), code(KeyCode::F(2))], "Enter", Action::Save, Msg::KeySave, true),
    b(&[code(KeyCode::Tab), code(KeyCode::Down)], "Tab", Action::NextField, Msg::KeyNextField, true),
    b(BACKTAB, "S-Tab", Action::PrevField, Msg::KeyPrevField, false),
];

#[rustfmt::skip]
const TODAY: &[Binding] = &[
    b(&[code(KeyCode::Enter)], "Enter", Action::Open, Msg::KeyOpen, true),
    b(&[k('n')], "n", Action::NewHandover, Msg::KeyHandoverNew, true),
    b(&[k('h')], "h", Action::HandoverList, Msg::KeyHandoverList, true),
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
    b(&[k(' '), code(KeyCode::Enter)], "Spasi", Action::CycleMark, Msg::KeyCycleMark, false),
    b(&[k('u')], "u", Action::ToggleUnmarked, Msg::KeyUnmarkedOnly, false),
    b(&[k('c')], "c", Action::Note, Msg::KeyNote, false),
    b(&[k('/')], "/", Action::Search, Msg::KeySearch, false),
    b(&[k('[')], "[", Action::PrevShift, Msg::KeyPrevShift, false),
    b(&[k(']')], "]", Action::NextShift, Msg::KeyNextShift, false),
    b(&[k('x')], "x", Action::Export, Msg::KeyExport, false),
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
    b(&[code(KeyCode::Home), k('g')], "Home", Action::Home, Msg::KeyFirstLast, false),
    b(&[code(KeyCode::End), k('G')], "End", Action::End, Msg::KeyFirstLast, false),
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
];

/// Keys that work wherever nothing above claims them. `q`, `?` and the screen digits
/// only outside text.
#[rustfmt::skip]
const GLOBAL: &[Binding] = &[
    b(&[k('1'), code(KeyCode::F(5))], "1", Action::GoToday, Msg::KeyTabs, false),
    b(&[k('2'), code(KeyCode::F(6))], "2", Action::GoRoster, Msg::KeyTabs, false),
    b(&[k('3'), code(KeyCode::F(7))], "3", Action::GoRollCall, Msg::KeyTabs, false),
    b(&[k('4'), code(KeyCode::F(8))], "4", Action::GoStaff, Msg::KeyTabs, false),
    b(&[k('5'), code(KeyCode::F(9))], "5", Action::GoAudit, Msg::KeyTabs, false),
    b(&[k('?'), code(KeyCode::F(1))], "?", Action::Help, Msg::KeyHelp, true),
    b(&[k('q')], "q", Action::Quit, Msg::KeyQuit, true),
];
#[rustfmt::skip]
const GLOBAL_ALWAYS: &[Binding] = &[
    b(&[ctrl('c'), ctrl('q')], "Ctrl-C", Action::Quit, Msg::KeyQuit, true),
];

pub fn bindings(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Roster => ROSTER,
        Context::Search => SEARCH,
        Context::Detail => DETAIL,
        Context::Form => FORM,
        Context::Duplicates => DUPLICATES,
        Context::Confirm => CONFIRM,
        Context::Help => HELP,
        Context::Setup => SETUP,
        Context::Gate => &[],
        Context::Staff => STAFF,
        Context::Audit => AUDIT,
        Context::Today => TODAY,
        Context::RollCall => ROLL_CALL,
        Context::Jump => JUMP,
        Context::Editor => EDITOR,
        Context::List => LIST,
    }
}

/// The global bindings that apply in `ctx`.
pub fn global(ctx: Context) -> &'static [Binding] {
    if ctx.takes_text() || ctx == Context::Confirm {
        GLOBAL_ALWAYS
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
    fn no_key_is_bound_twice_in_one_context() {
        // A context may claim a global key on purpose (`q` closes help); within one table
        // a key must mean one thing.
        let contexts = [
            Context::Roster,
            Context::Search,
            Context::Detail,
            Context::Form,
            Context::Duplicates,
            Context::Confirm,
            Context::Help,
            Context::Setup,
            Context::Staff,
            Context::Audit,
            Context::Today,
            Context::RollCall,
            Context::Jump,
            Context::Editor,
            Context::List,
        ];
        for table in contexts
            .map(bindings)
            .into_iter()
            .chain([GLOBAL, GLOBAL_ALWAYS])
        {
            let all: Vec<&Key> = table.iter().flat_map(|b| b.keys).collect();
            for (i, a) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(a), "{a:?} bound twice");
            }
        }
    }
}
