//! What a key means: the keymap turns keys into actions; screens and popups apply them.

/// One user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave mentas; asks first if a form holds unsaved input.
    Quit,
    /// Show every key that works here and everywhere.
    Help,
    /// Move the selection or scroll up one row.
    Up,
    /// Move the selection or scroll down one row.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first row.
    Home,
    /// To the last row.
    End,
    /// Open the selected resident's detail.
    Open,
    /// Close what is on top and go back.
    Back,
    /// Start typing a search.
    Search,
    /// Finish typing the search and keep its results.
    SearchDone,
    /// Empty the search.
    SearchClear,
    /// Open the form for a new resident.
    New,
    /// Open the form to edit the selected resident.
    Edit,
    /// Change the selected resident's status.
    ChangeStatus,
    /// Show or hide residents who have exited.
    ToggleExited,
    /// Next status filter (all, then each status).
    CycleStatusFilter,
    /// Next stage filter (all, then each stage).
    CycleStageFilter,
    /// Previous status filter (the other way round from `CycleStatusFilter`).
    CycleStatusFilterBack,
    /// Previous stage filter (the other way round from `CycleStageFilter`).
    CycleStageFilterBack,
    /// Sort by the next column.
    CycleSort,
    /// Reverse the sort order.
    ReverseSort,
    /// Remove every filter (the roster's search stays; Esc clears that).
    ClearFilters,
    /// Focus the next form field.
    NextField,
    /// Focus the previous form field.
    PrevField,
    /// Previous value of a choice field (or cursor left in text).
    ChoicePrev,
    /// Next value of a choice field (or cursor right in text).
    ChoiceNext,
    /// Save the form.
    Save,
    /// Close the form (asks first if something was typed).
    Cancel,
    /// Ignore the likely duplicates and create a new person.
    ContinueNew,
    /// Open the selected existing person instead of creating a new one.
    OpenExisting,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Show the resident roster.
    GoRoster,
    /// Show the staff accounts (kepala).
    GoStaff,
    /// Show the audit trail (kepala).
    GoAudit,
    /// Show the audit trail of the resident on screen (kepala).
    AuditOfClient,
    /// Undo the resident's last status change (today, supervisor), after asking.
    UndoStatus,
    /// Audit: filter by the record of the selected entry, then by kinds of record.
    PickRecord,
    /// Audit: drop the record filter only.
    ClearRecord,
    /// Ask for a date range.
    AskRange,
    /// After a conflict: load the other version into the form.
    TakeTheirs,
    /// Show Hari ini (today).
    GoToday,
    /// Show this shift's roll call.
    GoRollCall,
    /// Write a handover note.
    NewHandover,
    /// Read earlier handover notes.
    HandoverList,
    /// A digit: in the roll call, part of a row number to jump to.
    Digit(u8),
    /// Mark hadir and move on.
    MarkPresent,
    /// Mark izin and move on.
    MarkLeave,
    /// Mark sakit and move on.
    MarkSick,
    /// Mark dirujuk and move on.
    MarkReferred,
    /// Mark kabur (asks when last seen).
    MarkAbsconded,
    /// Step the selected row's mark to the next one.
    CycleMark,
    /// Mark every row without a mark hadir.
    AllPresent,
    /// Show only rows without a mark, or all.
    ToggleUnmarked,
    /// A note for the selected row's mark.
    Note,
    /// The roll call of the shift before.
    PrevShift,
    /// The roll call of the shift after.
    NextShift,
    /// Export roll calls to a spreadsheet.
    Export,
    /// Change when the shifts start (kepala).
    ShiftTimes,
}
