//! The message catalogue: each message in Indonesian and English, side by side, so a
//! message without both cannot be written.

macro_rules! catalogue {
    ($($name:ident => $id:literal, $en:literal;)*) => {
        /// A message the UI shows. `{}` marks where `Lang::f` puts its arguments.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name,)* }

        impl Msg {
            /// Every message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            pub(super) fn id(self) -> &'static str {
                match self { $(Msg::$name => $id,)* }
            }

            pub(super) fn en(self) -> &'static str {
                match self { $(Msg::$name => $en,)* }
            }
        }
    };
}

catalogue! {
    // Shell
    TabRoster => "Klien", "Residents";
    RoleStaff => "staf", "staff";
    RoleSupervisor => "supervisor", "supervisor";
    RoleHead => "kepala", "head";
    TooSmall => "Jendela terlalu kecil", "Window too small";
    TooSmallHint => "Perbesar terminal sampai minimal {}×{}", "Enlarge the terminal to at least {}×{}";
    Loading => "Memuat…", "Loading…";
    HelpTitle => "Tombol", "Keys";
    HelpHere => "Di layar ini", "On this screen";
    HelpEverywhere => "Di mana saja", "Everywhere";
    HelpClose => "Esc atau ? untuk menutup", "Esc or ? to close";
    ConfirmDiscard => "Buang isian yang belum disimpan?  y = ya, buang   n = tidak, kembali", "Discard unsaved input?  y = yes, discard   n = no, go back";
    ConfirmQuit => "Ada isian yang belum disimpan. Tetap keluar?  y = ya   n = tidak", "There is unsaved input. Quit anyway?  y = yes   n = no";
    // Keys (footer and help)
    KeyQuit => "keluar", "quit";
    KeyHelp => "bantuan", "help";
    KeyMove => "pindah", "move";
    KeyPage => "halaman", "page";
    KeyFirstLast => "awal/akhir", "first/last";
    KeyOpen => "buka", "open";
    KeyBack => "kembali", "back";
    KeySearch => "cari", "search";
    KeyNew => "baru", "new";
    KeyEdit => "ubah", "edit";
    KeyStatus => "status", "status";
    KeyShowExited => "tampilkan keluar", "show exited";
    KeyFilterStatus => "filter status", "filter status";
    KeyFilterStage => "filter tahap", "filter stage";
    KeySort => "urutkan", "sort";
    KeyReverse => "balik urutan", "reverse";
    KeyClearFilters => "hapus filter", "clear filters";
    KeySave => "simpan", "save";
    KeyCancel => "batal", "cancel";
    KeyNextField => "kolom berikut", "next field";
    KeyPrevField => "kolom sebelum", "previous field";
    KeyChoose => "pilih nilai", "choose value";
    KeyDone => "selesai", "done";
    KeyClearSearch => "hapus pencarian", "clear search";
    KeyContinueNew => "lanjut sebagai orang baru", "continue as a new person";
    KeyOpenExisting => "buka orang ini", "open this person";
    KeyYes => "ya", "yes";
    KeyNo => "tidak", "no";
    KeyScroll => "gulir", "scroll";
    // Roster
    ColRegNo => "No. Reg", "Reg. no";
    ColName => "Nama", "Name";
    ColNickname => "Panggilan", "Nickname";
    ColNik => "NIK", "NIK";
    ColSex => "JK", "Sex";
    ColAge => "Umur", "Age";
    ColOrigin => "Asal", "Origin";
    ColAdmitted => "Masuk", "Admitted";
    ColStage => "Tahap", "Stage";
    ColStatus => "Status", "Status";
    ColRoom => "Kamar", "Room";
    ColStays => "Masuk ke-", "Stay no.";
    RosterCount => "{} dari {} klien", "{} of {} residents";
    RosterFilterStatus => "status: {}", "status: {}";
    RosterFilterStage => "tahap: {}", "stage: {}";
    RosterInResidence => "belum keluar", "not exited";
    RosterAllIncludingExited => "semua, termasuk keluar", "all, exited included";
    RosterSort => "urut: {}", "sort: {}";
    RosterSearchPrompt => "Cari: ", "Search: ";
    RosterSearchHint => "nama, panggilan, no. reg atau NIK", "name, nickname, reg. no or NIK";
    RosterAll => "semua", "all";
    RosterEmpty => "Belum ada klien. Tekan n untuk menambah.", "No residents yet. Press n to add one.";
    RosterNoMatch => "Tidak ada klien yang cocok. Esc menghapus pencarian, c menghapus filter.", "No resident matches. Esc clears the search, c clears the filters.";
    // Roster: search among the exited, filters backwards
    RosterExitedMatches => "+{} cocok di antara yang sudah keluar ({} tampilkan)", "+{} more among those who exited ({} shows them)";
    RosterExitedMatchesShort => "+{} sudah keluar ({} tampilkan)", "+{} exited ({} shows them)";
    RosterExitedMatchesTiny => "+{} keluar ({})", "+{} exited ({})";
    KeyFilterStatusBack => "filter status sebelumnya", "previous status filter";
    KeyFilterStageBack => "filter tahap sebelumnya", "previous stage filter";
    // Sex
    SexMale => "Laki-laki", "Male";
    SexFemale => "Perempuan", "Female";
    SexMaleShort => "L", "M";
    SexFemaleShort => "P", "F";
    // Status
    StatusActive => "aktif", "active";
    StatusLeave => "izin", "on leave";
    StatusSick => "sakit", "sick";
    StatusReferred => "dirujuk", "referred";
    StatusAbsconded => "kabur", "absconded";
    StatusExited => "keluar", "exited";
    // Stage
    StageIntake => "Pendekatan awal", "Intake";
    StageAssessment => "Asesmen", "Assessment";
    StagePlan => "Rencana intervensi", "Intervention plan";
    StageIntervention => "Intervensi", "Intervention";
    StageResocialisation => "Resosialisasi", "Resocialisation";
    StageTermination => "Terminasi", "Termination";
    StageAftercare => "Bimbingan lanjut", "Aftercare";
    StageIntakeShort => "Awal", "Intake";
    StageAssessmentShort => "Asesmen", "Assess.";
    StagePlanShort => "Rencana", "Plan";
    StageInterventionShort => "Intervensi", "Interv.";
    StageResocialisationShort => "Resos.", "Resoc.";
    StageTerminationShort => "Terminasi", "Termin.";
    StageAftercareShort => "Lanjut", "Aftercare";
    // Religion
    ReligionIslam => "Islam", "Islam";
    ReligionProtestant => "Kristen", "Protestant";
    ReligionCatholic => "Katolik", "Catholic";
    ReligionHindu => "Hindu", "Hindu";
    ReligionBuddhist => "Buddha", "Buddhist";
    ReligionConfucian => "Konghucu", "Confucian";
    ReligionOther => "Lainnya", "Other";
    // Education
    EducationNone => "Tidak sekolah", "No schooling";
    EducationPrimary => "SD", "Primary";
    EducationJuniorHigh => "SMP", "Junior high";
    EducationSeniorHigh => "SMA/SMK", "Senior high";
    EducationHigher => "Perguruan tinggi", "Higher education";
    // Referral
    ReferralRaid => "Razia Satpol PP", "Satpol PP raid";
    ReferralSocialOffice => "Rujukan Dinas Sosial", "Social office referral";
    ReferralPolice => "Kepolisian", "Police";
    ReferralHospital => "Rumah sakit", "Hospital";
    ReferralFamily => "Keluarga", "Family";
    ReferralSelf => "Datang sendiri", "Came on their own";
    ReferralOther => "Lainnya", "Other";
    // Exit reasons
    ExitFamily => "Kembali ke keluarga", "Returned to family";
    ExitWork => "Bekerja", "Work";
    ExitOwnBusiness => "Usaha sendiri", "Own business";
    ExitReferred => "Dirujuk ke lembaga lain", "Referred elsewhere";
    ExitAbsconded => "Kabur", "Absconded";
    ExitDied => "Meninggal", "Died";
    ExitOther => "Lainnya", "Other";
    // Origin and unknowns
    Unknown => "tidak diketahui", "unknown";
    OutsideEastJava => "Luar Jawa Timur", "Outside East Java";
    None_ => "belum ada", "none";
    // Form
    FormNewTitle => "Klien baru", "New resident";
    FormEditTitle => "Ubah data: {}", "Edit: {}";
    FieldName => "Nama lengkap", "Full name";
    FieldNickname => "Nama panggilan", "Nickname";
    FieldNik => "NIK", "NIK";
    FieldKk => "No. KK", "Family card no.";
    FieldSex => "Jenis kelamin", "Sex";
    FieldBirthPlace => "Tempat lahir", "Place of birth";
    FieldBirthDate => "Tanggal lahir", "Date of birth";
    FieldReligion => "Agama", "Religion";
    FieldEducation => "Pendidikan", "Education";
    FieldOrigin => "Asal daerah", "Origin";
    FieldFamilyContact => "Kontak keluarga", "Family contact";
    FieldAdmitted => "Tanggal masuk", "Admission date";
    FieldReferral => "Sumber rujukan", "Referred by";
    FieldRoom => "Kamar", "Room";
    FieldBed => "Tempat tidur", "Bed";
    FieldStage => "Tahap", "Stage";
    FieldNotes => "Catatan", "Notes";
    HintDate => "hh-bb-tttt, mis. 28-11-2026", "dd-mm-yyyy, e.g. 28-11-2026";
    HintBirth => "hh-bb-tttt, atau tahun kira-kira (1975), kosong = tidak tahu", "dd-mm-yyyy, or a rough year (1975), empty = unknown";
    HintNumber => "16 angka, kosong = belum ada", "16 digits, empty = none yet";
    HintChoice => "←/→ memilih, atau ketik untuk mencari", "←/→ to choose, or type to find";
    FormUnsaved => "belum disimpan", "not saved";
    FormFixErrors => "Ada {} isian yang perlu diperbaiki (ditandai ⚠).", "{} fields need fixing (marked ⚠).";
    FormWarningsAccept => "Periksa peringatan di atas. Tekan Ctrl-S lagi untuk tetap menyimpan.", "Check the warnings above. Press Ctrl-S again to save anyway.";
    // Problems
    ProblemNameRequired => "Isi nama lengkap atau nama panggilan", "Enter a full name or a nickname";
    ProblemTooLong => "Terlalu panjang (paling banyak {} huruf)", "Too long (at most {} characters)";
    ProblemNumberLength => "Harus 16 angka (tertulis {})", "Must be 16 digits ({} typed)";
    ProblemNumberDigits => "Hanya boleh angka", "Digits only";
    ProblemNikDate => "Digit 7–12 (tanggal lahir) bukan tanggal yang ada", "Digits 7–12 (birth date) are not a real date";
    ProblemNikZero => "Kode wilayah atau nomor urut tidak boleh nol", "Region code or serial cannot be zero";
    ProblemDateFormat => "Tulis tanggal seperti 28-11-2026", "Write the date like 28-11-2026";
    ProblemDateTimeFormat => "Tulis seperti 28-11-2026 14:30", "Write it like 28-11-2026 14:30";
    ProblemNoSuchDay => "Tanggal itu tidak ada di kalender", "That date does not exist";
    ProblemBirthYear => "Tahun lahir tidak masuk akal", "Not a plausible birth year";
    ProblemInFuture => "Tanggal ini belum terjadi", "This date is in the future";
    ProblemTooEarly => "Tanggal ini terlalu lampau", "This date is too far back";
    ProblemNikTaken => "NIK ini sudah dipakai {} ({})", "This NIK already belongs to {} ({})";
    // Roster, forms, duplicates, beds, confirmations (round 2)
    DupNikIntro => "NIK ini sudah dipakai {} ({}): orang yang sama, atau NIK salah ketik. Buka datanya (Enter) atau kembali memperbaiki NIK (Esc).", "This NIK already belongs to {} ({}): the same person, or a mistyped NIK. Open their record (Enter) or go back to fix the NIK (Esc).";
    SetupAlreadyDoneBy => "Penyiapan sudah dilakukan oleh {} di sesi lain; isian Anda tidak disimpan: panti \"{}\", kapasitas {}, nama \"{}\". Keluar (Ctrl-C) lalu jalankan mentas lagi.", "Setup was already done by {} in another session; what you typed was not saved: facility \"{}\", capacity {}, name \"{}\". Quit (Ctrl-C) and start mentas again.";
    KeyNextOrSave => "berikut/simpan", "next/save";
    FormFixOne => "Ada 1 isian yang perlu diperbaiki (ditandai ⚠).", "1 field needs fixing (marked ⚠).";
    RosterOnlyExitedMatch => "Yang cocok semuanya sudah keluar ({} klien). {} menampilkan yang sudah keluar.", "Everyone who matches has exited ({} residents). {} shows those who exited.";
    RosterNoMatchSearch => "Tidak ada klien yang cocok. Esc menghapus pencarian.", "No resident matches. Esc clears the search.";
    RosterNoMatchFilters => "Tidak ada klien dengan filter ini. c menghapus filter.", "No resident with these filters. c clears the filters.";
    UndoNoBedBack => "Tanpa kamar/bed: bed sebelumnya sudah ditempati orang lain (atau tidak tercatat); isi lewat e.", "No room/bed: the previous bed is now someone else's (or none was recorded); set one with e.";
    ProblemBedTaken => "Kamar dan bed ini masih ditempati {} ({})", "This room and bed are still held by {} ({})";
    ProblemCapacity => "Tulis angka 1–9999", "Enter a number 1–9999";
    ProblemRequired => "Wajib diisi", "Required";
    WarnNikBirthDate => "NIK menyebut lahir {}, tidak sama dengan tanggal lahir", "The NIK says born {}, unlike the birth date";
    WarnNikBirthYear => "NIK menyebut tahun lahir {}, tidak sama", "The NIK says birth year {}, which differs";
    WarnNikSex => "NIK menyebut {}, tidak sama dengan jenis kelamin", "The NIK says {}, unlike the recorded sex";
    // Duplicates
    DupTitle => "Mungkin orang yang sama", "Possibly the same person";
    DupIntro => "Sudah ada klien yang mirip. Orang yang kembali sebaiknya dibuka, bukan dibuat baru:", "Similar residents exist. A returning person should be opened, not created again:";
    DupSameNik => "NIK sama", "same NIK";
    DupSimilarName => "nama mirip {}%", "name {}% alike";
    DupSameYear => "tahun lahir sama", "same birth year";
    DupSameOrigin => "asal sama", "same origin";
    DupExitedHint => "sudah keluar: membuka berarti memulai tinggal baru", "exited: opening starts a new stay";
    // Detail
    DetailIdentity => "Identitas", "Identity";
    DetailPlacement => "Penempatan", "Placement";
    DetailStays => "Riwayat tinggal", "Stays";
    DetailHistory => "Riwayat status", "Status history";
    DetailLastChanged => "Terakhir diubah oleh {}, {}", "Last changed by {}, {}";
    DetailStayOpen => "sekarang", "now";
    DetailStayLine => "Tinggal ke-{}: {} – {} ({})", "Stay {}: {} – {} ({})";
    DetailRecordedBy => "dicatat {} oleh {}", "recorded {} by {}";
    DetailExpectedBack => "kembali {}", "back {}";
    DetailReferredTo => "ke {}", "to {}";
    DetailLastSeen => "terakhir terlihat {}", "last seen {}";
    DetailDays => "{} hari", "{} days";
    DetailAgeApprox => "sekitar {} tahun", "about {} years";
    DetailAge => "{} tahun", "{} years";
    // Status form
    StatusTitle => "Ubah status: {}", "Change status: {}";
    StatusNow => "Status sekarang: {}", "Current status: {}";
    StatusFieldStatus => "Status baru", "New status";
    StatusFieldDate => "Berlaku tanggal", "From date";
    StatusFieldReturn => "Kembali tanggal", "Expected back";
    StatusFieldReferredTo => "Dirujuk ke", "Referred to";
    StatusFieldLastSeen => "Terakhir terlihat", "Last seen";
    StatusFieldReason => "Alasan keluar", "Exit reason";
    StatusFieldDestination => "Tujuan / tempat tinggal", "Destination";
    StatusFieldNote => "Catatan", "Note";
    HintDateTime => "hh-bb-tttt jj:mm, mis. 28-11-2026 14:30", "dd-mm-yyyy hh:mm, e.g. 28-11-2026 14:30";
    StatusSame => "Status itu sudah berlaku", "That is already the status";
    WrongDateInFuture => "Tanggal belum terjadi", "The date is in the future";
    WrongDateBeforeAdmission => "Tanggal sebelum tanggal masuk", "The date is before admission";
    WrongAlreadyExited => "Klien sudah keluar; buka lewat Klien baru untuk memulai tinggal baru", "The resident has exited; start a new stay through New resident";
    WrongReturnBeforeDate => "Tanggal kembali sebelum tanggal izin", "Expected return is before the leave starts";
    WrongNotExited => "Klien masih di panti", "The resident is still in residence";
    WrongDateBeforeLastChange => "Tanggal sebelum perubahan status terakhir", "The date is before the last status change";
    WrongDateBeforeExit => "Tanggal sebelum tanggal keluar terakhir", "The date is before the last exit";
    WrongLastSeenInFuture => "Waktu terakhir terlihat belum terjadi", "Last seen is in the future";
    WrongAdmittedBeforePreviousExit => "Tanggal masuk sebelum keluar dari tinggal sebelumnya", "Admission is before the previous stay ended";
    WrongAdmittedAfterExit => "Tanggal masuk sesudah tanggal keluar", "Admission is after the exit";
    WrongTooLong => "Isian terlalu panjang", "Text too long";
    WrongShiftOrder => "Jam mulai piket harus berurutan: pagi, siang, malam", "Shift starts must be in order: morning, afternoon, night";
    WrongNotInRollCall => "Penghuni ini tidak ada dalam apel piket itu", "This resident is not in that shift's roll call";
    WrongRangeTooLong => "Rentang paling lama satu tahun", "The range can be a year at most";
    WrongRangeReversed => "Tanggal akhir sebelum tanggal awal", "The end date is before the start date";
    WrongHandoverEmpty => "Catatan serah terima masih kosong", "The handover note is empty";
    WrongOther => "Tidak bisa dilakukan sekarang ({})", "Not possible now ({})";
    // Results and refusals
    SavedNew => "Tersimpan: {} ({})", "Saved: {} ({})";
    SavedEdit => "Perubahan tersimpan: {}", "Changes saved: {}";
    SavedStatus => "Status {} tersimpan: {}", "Status {} saved: {}";
    SavedReadmit => "Tinggal baru dimulai untuk {}", "New stay started for {}";
    Unchanged => "Tidak ada yang berubah", "Nothing changed";
    ChangedBy => "Diubah oleh {} pada {}", "Changed by {} on {}";
    ConflictKeep => "{}. Isian Anda masih di sini: Ctrl-S menyimpan di atas versi baru, Esc membatalkan.", "{}. Your input is kept: Ctrl-S saves it over the new version, Esc cancels.";
    NeedsRole => "Perlu peran {}", "Needs the {} role";
    NoAccount => "Akun OS \"{}\" belum punya akun staf mentas.", "The OS user \"{}\" has no mentas staff account.";
    NoAccountHint => "Minta kepala panti ({}) menambahkan Anda: mentas staff add {} --role staf. Tekan q untuk keluar.", "Ask the facility head ({}) to add you: mentas staff add {} --role staf. Press q to quit.";
    NotSetUp => "Data belum disiapkan", "The store is not set up yet";
    AlreadySetUp => "Data sudah disiapkan sebelumnya", "The store was already set up";
    NotFound => "Data tidak ditemukan (mungkin dihapus)", "Record not found (perhaps removed)";
    StorageFailed => "Gangguan penyimpanan: perubahan terakhir belum pasti tersimpan; periksa ruang disk, lalu periksa perubahan itu. ({})", "Storage problem: the last change may not be saved; check disk space, then check that change. ({})";
    ConnectionLost => "Koneksi terputus: {}", "Connection lost: {}";
    UnexpectedReply => "Jawaban server tidak dikenal; versi mentas berbeda?", "Unexpected reply from the server; different mentas versions?";
    // Today
    TabToday => "Hari ini", "Today";
    ShiftMorning => "pagi", "morning";
    ShiftAfternoon => "siang", "afternoon";
    ShiftNight => "malam", "night";
    TodayShift => "piket {} ({}–{})", "{} shift ({}–{})";
    TodayOnline => "masuk: {}", "logged in: {}";
    TodayHeadcount => "Jumlah penghuni", "Headcount";
    TodayInResidence => "Di panti", "In residence";
    TodayPresent => "aktif / hadir", "active / present";
    TodayUnmarked => "belum diabsen", "not yet marked";
    TodayRollCall => "Apel {}: {} dari {} ditandai", "{} roll call: {} of {} marked";
    TodayHandover => "Serah terima terakhir", "Last handover";
    TodayNoHandover => "Belum ada catatan serah terima. Tekan n untuk menulis.", "No handover note yet. Press n to write one.";
    TodayDue => "Perlu ditindaklanjuti ({})", "To follow up ({})";
    TodayNothingDue => "Tidak ada yang tertunda.", "Nothing pending.";
    TodayLastBackup => "Cadangan terakhir: {}", "Last backup: {}";
    TodayBackupOld => "Cadangan terakhir: {} — sudah lebih dari 2 hari", "Last backup: {} — over 2 days ago";
    TodayNoBackup => "Belum pernah dicadangkan (mentas backup, lihat README)", "Never backed up (mentas backup, see README)";
    DueAbsconded => "kabur sejak {}: {}", "absconded since {}: {}";
    DueLeave => "izin lewat batas (kembali {}): {}", "leave overdue (due back {}): {}";
    DueRollCall => "apel {} belum selesai: {} dari {}", "{} roll call not finished: {} of {}";
    DueAssessment => "belum asesmen setelah {} hari: {}", "no assessment after {} days: {}";
    DueNoNik => "belum ada NIK: {}", "no NIK yet: {}";
    DueMany => "{} penghuni: {}", "{} residents: {}";
    PeopleTitle => "{} ({})", "{} ({})";
    KeyShiftTimes => "jam piket", "shift times";
    ShiftTimesTitle => "Jam mulai piket", "Shift start times";
    ShiftStarts => "Piket {} mulai", "{} shift starts";
    HintTime => "jam:menit, mis. 07:00", "hours:minutes, e.g. 07:00";
    ShiftTimesSaved => "Jam piket tersimpan", "Shift times saved";
    KeyHandoverNew => "tulis serah terima", "write handover";
    KeyHandoverList => "serah terima sebelumnya", "earlier handovers";
    // Roll call
    TabRollCall => "Apel", "Roll call";
    PresencePresent => "hadir", "present";
    PresenceLeave => "izin", "leave";
    PresenceSick => "sakit", "sick";
    PresenceReferred => "dirujuk", "referred";
    PresenceAbsconded => "kabur", "absconded";
    RollTitle => "Apel {} · {}", "Roll call · {} shift · {}";
    RollProgress => "{} dari {} ditandai", "{} of {} marked";
    RollClosed => "selesai: perubahan = koreksi (supervisor)", "finished: changes are corrections (supervisor)";
    RollUnmarkedOnly => "hanya yang belum", "unmarked only";
    RollColNo => "No", "No";
    RollColMark => "Tanda", "Mark";
    RollColNote => "Catatan", "Note";
    RollColBy => "Oleh", "By";
    RollImplied => "(status)", "(status)";
    RollJump => "Lompat ke: ", "Jump to: ";
    RollRow => "baris {}", "row {}";
    RollAllMarked => "{} ditandai hadir", "{} marked present";
    RollKaburTitle => "Kabur: {}", "Absconded: {}";
    RollNoteTitle => "Catatan tanda: {}", "Mark note: {}";
    RollLastSeen => "Terakhir terlihat", "Last seen";
    KeyPresent => "hadir", "present";
    KeyLeave => "izin", "leave";
    KeySick => "sakit", "sick";
    KeyReferred => "rujuk", "refer";
    KeyAbsconded => "kabur", "abscond";
    KeyCycleMark => "ganti tanda (Spasi)", "cycle mark (Space)";
    KeyAllPresent => "sisa hadir", "rest present";
    KeyUnmarkedOnly => "hanya belum", "unmarked only";
    KeyNote => "catatan", "note";
    KeyPrevShift => "piket sebelum", "previous shift";
    KeyNextShift => "piket sesudah", "next shift";
    KeyJumpRow => "lompat ke nomor", "jump to number";
    KeyExport => "ekspor", "export";
    // Roll call (issue 4 review): in-place cycle, returns, notes, go to, grace period
    RollRunning => "berlangsung", "in progress";
    RollNotStarted => "belum mulai", "not started yet";
    RollGrace => "berakhir {} — masih bisa ditandai s.d. {}", "ended {} — can still be marked until {}";
    RollConfirmReturn => "Catat {} sudah kembali? y/n", "Record {} as back? y/n";
    RollBackFrom => "{}: kembali dari {}", "{}: back from {}";
    RollNoteHint => "c: catatan untuk {}", "c: note for {}";
    RollGoToTitle => "Buka apel", "Open a roll call";
    RollGoToDate => "Tanggal", "Date";
    RollGoToShift => "Piket", "Shift";
    RollGoToFuture => "Tanggal itu belum tiba", "That date has not come yet";
    RollGoToNotStarted => "Piket {} hari ini belum mulai", "Today's {} shift has not started yet";
    RollGoToBeforeFirst => "Belum ada catatan sebelum {}", "There are no records before {}";
    KeyGoTo => "buka tanggal & piket", "go to date & shift";
    // Roll call (second review): returns asked of every key, H asks, closed with gaps
    RollConfirmLeaveUntil => "{} sedang izin s.d. {}; catat sudah kembali? y/n", "{} is on leave until {}; record as back? y/n";
    RollConfirmAway => "{} sedang {}; catat sudah kembali? y/n", "{} is away ({}); record as back? y/n";
    RollConfirmAllPresent => "Tandai {} yang belum ditandai hadir? y/n", "Mark the {} unmarked present? y/n";
    RollClosedUnmarked => "ditutup: {} belum ditandai; perubahan = koreksi (supervisor)", "closed: {} unmarked; changes are corrections (supervisor)";
    // Handover
    HandoverTitle => "Serah terima piket {} · {}", "Handover · {} shift · {}";
    HandoverHint => "Tulis untuk piket berikutnya. Ctrl-S simpan, Esc batal.", "Write for the next shift. Ctrl-S saves, Esc cancels.";
    HandoverSaved => "Catatan serah terima tersimpan", "Handover note saved";
    HandoverEmpty => "Catatan masih kosong", "The note is empty";
    HandoverListTitle => "Serah terima sebelumnya", "Earlier handovers";
    HandoverBy => "{} · {} {} · {}", "{} · {} {} · {}";
    // Hari ini and handover notes (issue 4 review)
    WrongHandoverShiftOver => "Piket catatan ini sudah berakhir lebih dari 30 menit lalu", "This note's shift ended more than 30 minutes ago";
    HandoverMoved => "Piket {} berakhir lebih dari 30 menit lalu; catatan kini untuk piket {}. Ctrl-S simpan.", "The {} shift ended over 30 minutes ago; the note now goes to the {} shift. Ctrl-S saves.";
    HandoverNoteHead => "Piket {} · {}", "{} shift · {}";
    HandoverWritten => "{}, ditulis {}", "{}, written {}";
    HandoverListPos => "{} dari {}", "{} of {}";
    KeyDay => "per hari", "by day";
    KeyNewestOldest => "terbaru/terlama", "newest/oldest";
    KeyClose => "tutup", "close";
    // Hari ini (issue 4, second review): two counts, every note, fitted lines
    TodayRegistered => "Terdaftar", "Registered";
    TodayColStatus => "status", "status";
    TodayColMarks => "apel", "marks";
    TodayOnRollCall => "di daftar apel", "on the roll call";
    TodayMarksTitle => "Apel {}: {}", "{} roll call: {}";
    TodayNightDates => "{} → {} {}", "{} → {} {}";
    TodayOnlineMore => "{} +{}", "{} +{}";
    TodayNoteMore => " (h: baca semua)", " (h: read all)";
    TodayDueAbove => "↑ {} lagi", "↑ {} more";
    TodayDueBelow => "↓ {} lagi", "↓ {} more";
    DueRollCallUnfinished => "apel {} {} tidak selesai: {} belum ditandai", "{} roll call of {} not finished: {} not marked";
    DueAssessmentMany => "belum asesmen ≥ {} hari", "no assessment for {}+ days";
    DueNoNikMany => "belum ada NIK", "no NIK yet";
    KeyCountColumn => "status/apel", "status/roll call";
    ShiftTimesMovesNow => "Piket sekarang menjadi {} ({}–{}). Simpan? Ctrl-S lagi", "The current shift becomes {} ({}–{}). Save? Ctrl-S again";
    AuditHandoverOf => "Serah terima {} {}", "Handover {} {}";
    // Export
    ExportTitle => "Ekspor apel", "Export roll calls";
    ExportFormat => "Format", "Format";
    ExportFrom => "Dari tanggal", "From";
    ExportTo => "Sampai tanggal", "To";
    ExportFile => "Berkas", "File";
    ExportDone => "{} baris ditulis ke {}", "{} rows written to {}";
    ExportFailed => "Gagal menulis {}: {}", "Could not write {}: {}";
    // Export form: CSV separator and shift; starting the TUI (export/launch engineer)
    ExportCsvSemicolon => "CSV, pemisah titik koma (;)", "CSV, semicolon-separated (;)";
    ExportCsvComma => "CSV, pemisah koma (,)", "CSV, comma-separated (,)";
    ExportShift => "Piket", "Shift";
    ExportAllShifts => "semua", "all";
    ExportFormatHint => "CSV dengan ; untuk Excel berpengaturan Indonesia. ←/→ memilih", "CSV with ; for Excel with Indonesian settings. ←/→ to choose";
    LaunchPermissionDenied => "izin ditolak: pengguna OS Anda ({}) tidak boleh memakai mentas di {}. Minta administrator menambahkan Anda ke grup {} (sudo usermod -aG {} {}), lalu login ulang.", "permission denied: your OS user ({}) may not use mentas in {}. Ask the administrator to add you to the group {} (sudo usermod -aG {} {}), then log in again.";
    LaunchNoTerminal => "tidak ada terminal untuk menampilkan mentas ({}); perintah yang tidak perlu terminal: lihat mentas --help", "no terminal to show mentas in ({}); for commands that need none see mentas --help";
    // Staff
    TabStaff => "Staf", "Staff";
    TabAudit => "Audit", "Audit";
    StaffCount => "{} akun, {} aktif", "{} accounts, {} active";
    StaffColUser => "Pengguna OS", "OS user";
    StaffColName => "Nama", "Name";
    StaffColRole => "Peran", "Role";
    StaffColActive => "Status", "Status";
    StaffActive => "aktif", "active";
    StaffInactive => "nonaktif", "disabled";
    StaffUserHint => "nama pengguna login (mis. siti)", "the login name (e.g. siti)";
    StaffNewTitle => "Akun staf baru", "New staff account";
    StaffEditTitle => "Ubah akun: {}", "Edit account: {}";
    StaffSaved => "Akun tersimpan: {}", "Account saved: {}";
    WrongStaffExists => "Akun untuk pengguna ini sudah ada", "That user already has an account";
    WrongLastHead => "Kepala terakhir tidak bisa diturunkan atau dinonaktifkan", "The last head cannot be demoted or disabled";
    WrongBadUsername => "Bukan nama pengguna OS yang sah (huruf kecil, angka, _ atau -)", "Not a valid OS user name (lower case, digits, _ or -)";
    // Audit
    AuditCount => "{} perubahan", "{} changes";
    AuditFilterBy => "oleh: {}", "by: {}";
    AuditFilterRange => "tanggal: {}", "dates: {}";
    AuditFilterRecord => "data: {}", "record: {}";
    AuditColWhen => "Waktu", "When";
    AuditColBy => "Oleh", "By";
    AuditColRecord => "Data", "Record";
    AuditColAction => "Aksi", "Action";
    AuditColFields => "Yang berubah", "What changed";
    AuditEntryTitle => "Perubahan", "Change";
    AuditCreated => "dibuat", "created";
    AuditUpdated => "diubah", "updated";
    AuditStatus => "status", "status";
    AuditReadmitted => "masuk lagi", "readmitted";
    AuditSetUp => "penyiapan", "setup";
    AuditDemo => "data demo", "demo data";
    AuditMarked => "apel", "roll call";
    AuditCorrected => "koreksi apel", "roll-call fix";
    AuditHandover => "serah terima", "handover";
    AuditBackup => "cadangan", "backup";
    AuditFacility => "panti", "facility";
    AuditStaffRecord => "staf {}", "staff {}";
    RangeTitle => "Rentang tanggal", "Date range";
    RangeFrom => "Dari tanggal", "From";
    RangeTo => "Sampai tanggal", "To";
    KeyFilterStaff => "filter staf", "filter staff";
    KeyRange => "rentang tanggal", "date range";
    KeyAuditOfClient => "riwayat perubahan", "change history";
    KeyTakeTheirs => "ambil versi lain", "take their version";
    KeyTabs => "layar", "screens";
    // Connection
    Offline => "Koneksi terputus, menyambung ulang… Isian Anda aman. ({})", "Connection lost, reconnecting… Your input is safe. ({})";
    Reconnected => "Tersambung lagi; data dimuat ulang.", "Connected again; data reloaded.";
    DemoMaking => "mentas: membuat data demo untuk {} penghuni, beberapa detik…", "mentas: making demo data for {} residents, a few seconds…";
    ConflictCompare => "{}. Perubahan mereka ditandai !. Ctrl-S simpan gabungan · Ctrl-T ambil versi mereka · Esc batal", "{}. Their changes are marked !. Ctrl-S saves both · Ctrl-T takes theirs · Esc cancels";
    TheirVersion => "versi lain: {}", "their version: {}";
    TookTheirs => "Versi terbaru dimuat ke formulir.", "The latest version is now in the form.";
    // Resident form, returning residents, keys and help (forms/help block)
    ChoiceUnset => "— pilih —", "— choose —";
    ProblemChoose => "Wajib dipilih", "Choose one";
    FormReadmitTitle => "Masuk kembali: {}", "Returning: {}";
    ReturningChoose => "Orang yang sama: isian Anda dibawa. Yang berbeda dari data tercatat ditandai !: Ctrl-T menukar nilai kolom itu · Ctrl-S simpan · Esc kembali", "Same person: your input is carried over. Where it differs from the record it is marked !: Ctrl-T swaps that field · Ctrl-S saves · Esc goes back";
    ReturningTyped => "diketik: {} · Ctrl-T pakai ini", "typed: {} · Ctrl-T uses this";
    ReturningStored => "tercatat: {} · Ctrl-T pakai ini", "on record: {} · Ctrl-T uses this";
    ReturningSwapped => "Nilai kolom ditukar.", "Field value swapped.";
    ConflictTheirsTaken => "diubah oleh {} (semula: {}), dipakai", "changed by {} (was: {}), taken";
    ConflictBothChanged => "{} juga mengubah ini: {} · Ctrl-S tetap pakai isian Anda", "{} changed this too: {} · Ctrl-S keeps yours";
    ConflictStatusChanged => "Status diubah oleh {}: {} → {}.", "Status changed by {}: {} → {}.";
    ConflictNewStay => "{} memulai tinggal baru.", "{} started a new stay.";
    ConflictNoField => "{} tidak mengubah isian formulir ini.", "{} changed nothing in this form.";
    FooterMore => "… {} semua tombol", "… {} all keys";
    HelpScroll => "↑/↓ menggulir", "↑/↓ to scroll";
    // Setup
    SetupTitle => "Penyiapan pertama", "First-run setup";
    SetupIntro => "Data masih kosong. Isi nama panti; akun OS Anda ({}) menjadi kepala.", "The store is empty. Name the facility; your OS user ({}) becomes its head.";
    SetupFacility => "Nama panti", "Facility name";
    SetupCapacity => "Kapasitas (tempat tidur)", "Capacity (beds)";
    SetupHeadName => "Nama Anda", "Your name";
    SetupDone => "Penyiapan selesai. Selamat bekerja.", "Setup done.";
    // Status changes, undo, audit filter, reconnecting (live updates and audit)
    WrongNotLastChange => "Hanya perubahan status terakhir yang bisa dibatalkan", "Only the last status change can be undone";
    WrongChangeNotToday => "Hanya perubahan yang dicatat hari ini yang bisa dibatalkan", "Only a change recorded today can be undone";
    WrongNothingToUndo => "Status awal suatu tinggal tidak bisa dibatalkan", "The status a stay began with cannot be undone";
    AuditUndone => "batal", "undone";
    ConfirmExit => "Keluarkan {} dari panti? Tinggalnya ditutup dan kamar serta bednya menjadi kosong.  y = ya   n = tidak", "Exit {} from the facility? This closes their stay and frees their room and bed.  y = yes   n = no";
    ConfirmUndo => "Batalkan perubahan terakhir {}: {} ({})? Status kembali ke {}.  y = ya   n = tidak", "Undo the last change of {}: {} ({})? The status goes back to {}.  y = yes   n = no";
    SavedUndo => "Dibatalkan: {} kembali berstatus {}", "Undone: {} is {} again";
    DetailUndoHint => "u: batalkan perubahan terakhir (hari ini, supervisor)", "u: undo the last change (today, supervisor)";
    KeyUndoStatus => "batalkan status", "undo status";
    KeyFilterRecord => "filter data", "filter record";
    KeyClearRecord => "hapus filter data", "clear record filter";
    AuditKindStaff => "akun staf", "staff accounts";
    AuditKindFacility => "pengaturan panti", "facility settings";
    AuditRecordClear => "{}  (x: hapus)", "{}  (x: clear)";
    FormReconnected => "Tersambung lagi; Ctrl-S menyimpan.", "Connected again; Ctrl-S saves.";
    ServerOtherVersion => "Server mentas kini versi lain (diperbarui). Keluar (q) lalu jalankan mentas lagi.", "The mentas server is now another version (upgraded). Quit (q) and start mentas again.";
    ServerOtherVersionService => "Server mentas kini versi lain. Minta administrator: systemctl restart mentas, lalu jalankan mentas lagi.", "The mentas server is now another version. Ask the administrator: systemctl restart mentas, then start mentas again.";
    ConfirmRestartServer => "Server mentas yang berjalan versi lebih lama. Mulai ulang server dengan versi ini? Sesi lain tersambung sendiri.  y = ya   n = tidak", "The running mentas server is an older version. Restart it with this version? Other sessions reconnect by themselves.  y = yes   n = no";
    ServerRestarting => "Server dimulai ulang; menyambung lagi…", "Restarting the server; reconnecting…";
    // Who did what: audit field names and summaries, the detail's scroll markers
    AuditCountOne => "{} perubahan", "{} change";
    AuditFieldStatus => "Status", "Status";
    AuditFieldPresence => "Kehadiran", "Presence";
    AuditFieldRecorded => "Dicatat", "Recorded";
    AuditFieldStays => "Jumlah tinggal", "Stays";
    AuditFieldMarkedPresent => "Ditandai hadir", "Marked present";
    AuditFieldText => "Isi catatan", "Note text";
    AuditFieldFile => "Berkas", "File";
    AuditFieldBytes => "Ukuran (byte)", "Size (bytes)";
    AuditFieldRecords => "Jumlah data", "Records";
    AuditFieldFacilityName => "Nama panti", "Facility name";
    AuditFieldCapacity => "Kapasitas", "Capacity";
    AuditFieldHead => "Kepala", "Head";
    AuditFieldMarks => "Tanda apel", "Roll-call marks";
    AuditFieldHandovers => "Catatan serah terima", "Handover notes";
    AuditFieldBedTaken => "Tempat tidur dipakai", "Bed taken by";
    AuditFieldShiftStart => "Mulai piket {}", "{} shift starts";
    AuditFieldActive => "Aktif", "Active";
    AuditMarkedAll => "{} ditandai hadir", "{} marked present";
    AuditSummaryLine => "{} {}: {}", "{} {}: {}";
    DetailMore => "▼ lanjut di bawah (↓ PgDn)", "▼ more below (↓ PgDn)";
    DetailMoreAbove => "▲ di atas (↑ PgUp)", "▲ above (↑ PgUp)";
    DetailNoStays => "Belum ada", "None yet";
    // Connection, server, accounts, command line (issue 3 review)
    LostClosed => "server menutup sambungan", "the server closed the connection";
    LostReconnecting => "sedang menyambung ulang", "reconnecting";
    LostNoAnswer => "server tidak menjawab", "no answer from the server";
    LostNoAnswerWrite => "server tidak menjawab; perubahan mungkin sudah tersimpan — periksa sebelum menyimpan lagi", "no answer from the server; the change may have been saved — check before saving again";
    LostGone => "server pergi sebelum menjawab", "the server went away before answering";
    LostGoneWrite => "server pergi sebelum menjawab; perubahan mungkin sudah tersimpan — periksa sebelum menyimpan lagi", "the server went away before answering; the change may have been saved — check before saving again";
    OfflineNoInput => "Koneksi terputus, menyambung ulang… ({})", "Connection lost, reconnecting… ({})";
    ServiceDown => "Layanan mentas tidak berjalan; minta administrator: systemctl start mentas", "The mentas service is not running; ask the administrator: systemctl start mentas";
    ServerOlder => "Server mentas yang berjalan versi lebih lama (protokol {}; mentas ini protokol {}).", "The running mentas server is an older version (protocol {}; this mentas speaks {}).";
    ServerNewer => "Server mentas kini versi lebih baru (protokol {}; mentas ini protokol {}). Keluar (q) lalu jalankan mentas lagi.", "The mentas server is now a newer version (protocol {}; this mentas speaks {}). Quit (q) and start mentas again.";
    ServerOlderService => "Server mentas kini versi lain (protokol {}; mentas ini protokol {}). Minta administrator: systemctl restart mentas, lalu jalankan mentas lagi.", "The mentas server is now another version (protocol {}; this mentas speaks {}). Ask the administrator: systemctl restart mentas, then start mentas again.";
    NoAccountDisabled => "Akun staf Anda ({}) dinonaktifkan.", "Your staff account ({}) is disabled.";
    NoAccountDisabledHint => "Kepala panti ({}) dapat mengaktifkan: mentas staff enable {}. Tekan q untuk keluar.", "The facility head ({}) can enable it: mentas staff enable {}. Press q to quit.";
    NoAccountNoName => "Pengguna OS Anda tidak punya nama ({}); mentas mengenali staf dari nama login.", "Your OS user has no name ({}); mentas knows staff by their login name.";
    NoAccountNoNameHint => "Minta administrator membuatkan nama login untuk Anda, lalu kepala panti ({}) menambahkan akun staf. Tekan q untuk keluar.", "Ask the administrator to give you a login name, then the facility head ({}) to add a staff account. Press q to quit.";
    CliAdded => "Akun ditambahkan: {} ({}), peran {}", "Added {} ({}), role {}";
    CliEnabled => "Akun diaktifkan: {}", "Enabled {}";
    CliDisabled => "Akun dinonaktifkan: {}", "Disabled {}";
    CliRoleSet => "Peran {} kini {}", "{} now has the role {}";
    CliEnableHint => "Kepala panti ({}) dapat mengaktifkan: mentas staff enable {}", "The facility head ({}) can enable it: mentas staff enable {}";
    CliNoStaffAccount => "Tidak ada akun staf untuk {}", "No staff account for {}";
    CliNoOsUser => "Tidak ada pengguna OS \"{}\" di mesin ini; periksa ejaannya, atau tambahkan --force bila akunnya dibuat nanti", "There is no OS user \"{}\" on this machine; check the spelling, or add --force if the login is made later";
    CliRestartAsk => "mentas: server yang berjalan versi lebih lama (protokol {}; mentas ini protokol {}).\nMulai ulang server sekarang? Pengguna lain tersambung sendiri. [y/N] ", "mentas: the running server is an older version (protocol {}; this mentas speaks {}).\nRestart the server now? Others using it reconnect by themselves. [y/N] ";
    CliNotRestarted => "tidak dimulai ulang; server lama masih berjalan", "not restarted; the older server is still running";
    LaunchServerNewer => "server mentas yang berjalan lebih baru (protokol {}; mentas ini protokol {}); jalankan program mentas yang baru", "the running mentas server is newer (protocol {}; this mentas speaks {}); run the newer mentas program";
    LaunchMismatchService => "server mentas yang berjalan versi lain (protokol {}; mentas ini protokol {}); minta administrator: systemctl restart mentas", "the running mentas server is another version (protocol {}; this mentas speaks {}); ask the administrator: systemctl restart mentas";
    LaunchNotDir => "{} bukan direktori; --data harus menunjuk direktori data", "{} is not a directory; --data must name a data directory";
    LaunchNotDemo => "{} berisi data yang bukan data demo; pilih direktori kosong untuk --demo", "{} holds data that is not a demo store; choose an empty dir for --demo";
    LaunchNoHome => "direktori rumah tidak ditemukan; pakai --data DIR", "cannot find a home directory; use --data DIR";
    LaunchServiceDown => "layanan mentas untuk {} tidak berjalan ({}); minta administrator: systemctl start mentas", "the mentas service for {} is not running ({}); ask the administrator: systemctl start mentas";
    LaunchServiceFailed => "layanan mentas untuk {} tidak berjalan: {}", "the mentas service for {} is not running: {}";
    LaunchCannotConnect => "tidak bisa menyambung ke server mentas di {}: {}", "cannot connect to the mentas server at {}: {}";
    LaunchCannotCreate => "tidak bisa membuat direktori data {}: {}", "cannot create data dir {}: {}";
    LaunchCannotLock => "tidak bisa mengambil kunci mulai {}: {}", "cannot take the start lock {}: {}";
    LaunchCannotSpawn => "tidak bisa menjalankan server mentas {}: {}", "cannot start the mentas server {}: {}";
    LaunchServerExited => "server mentas berhenti saat mulai ({}); lihat log di {}", "the mentas server stopped at start ({}); see the log in {}";
    LaunchServerRefused => "server mentas tidak bisa mulai: {}", "the mentas server could not start: {}";
    LaunchServerSlow => "server mentas belum siap setelah {} detik; lihat log di {}", "the mentas server did not start within {} seconds; see the log in {}";
    LaunchHandshake => "server mentas tidak menjawab salam pembuka", "the mentas server did not answer the handshake";
}
