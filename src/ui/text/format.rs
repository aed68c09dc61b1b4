//! Dates, enum values and refusals in words, in the user's language.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::{Lang, Msg};
use crate::client::CallError;
use crate::domain::dates::DateError;
use crate::domain::{
    Education, ExitReason, NikError, Origin, Problem, ReferralSource, Refusal, Religion, Role, Sex,
    Stage, Status, regency,
};

const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS_ID: [&str; 7] = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
const DAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `28 Nov 2026` (Indonesian month names in Indonesian).
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let months = if lang == Lang::Id {
        &MONTHS_ID
    } else {
        &MONTHS_EN
    };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// `Sab 28 Nov 2026`: the header's date.
pub fn date_with_day(lang: Lang, d: NaiveDate) -> String {
    let days = if lang == Lang::Id { &DAYS_ID } else { &DAYS_EN };
    format!(
        "{} {}",
        days[d.weekday().num_days_from_monday() as usize],
        date(lang, d)
    )
}

/// `28/11/26`: dates in dense tables.
pub fn date_short(d: NaiveDate) -> String {
    d.format("%d/%m/%y").to_string()
}

/// `28 Nov 2026 14:32`.
pub fn date_time(lang: Lang, t: NaiveDateTime) -> String {
    format!("{} {}", date(lang, t.date()), t.format("%H:%M"))
}

pub fn shift(lang: Lang, s: crate::domain::shift::Shift) -> &'static str {
    use crate::domain::shift::Shift;
    lang.t(match s {
        Shift::Morning => Msg::ShiftMorning,
        Shift::Afternoon => Msg::ShiftAfternoon,
        Shift::Night => Msg::ShiftNight,
    })
}

pub fn presence(lang: Lang, p: crate::domain::roll_call::Presence) -> &'static str {
    use crate::domain::roll_call::Presence;
    lang.t(match p {
        Presence::Present => Msg::PresencePresent,
        Presence::Leave => Msg::PresenceLeave,
        Presence::Sick => Msg::PresenceSick,
        Presence::Referred => Msg::PresenceReferred,
        Presence::Absconded => Msg::PresenceAbsconded,
    })
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    lang.t(match r {
        Role::Staff => Msg::RoleStaff,
        Role::Supervisor => Msg::RoleSupervisor,
        Role::Head => Msg::RoleHead,
    })
}

pub fn sex(lang: Lang, s: Sex) -> &'static str {
    lang.t(match s {
        Sex::Male => Msg::SexMale,
        Sex::Female => Msg::SexFemale,
    })
}

pub fn sex_short(lang: Lang, s: Sex) -> &'static str {
    lang.t(match s {
        Sex::Male => Msg::SexMaleShort,
        Sex::Female => Msg::SexFemaleShort,
    })
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    lang.t(match s {
        Status::Active => Msg::StatusActive,
        Status::Leave => Msg::StatusLeave,
        Status::Sick => Msg::StatusSick,
        Status::Referred => Msg::StatusReferred,
        Status::Absconded => Msg::StatusAbsconded,
        Status::Exited => Msg::StatusExited,
    })
}

pub fn stage(lang: Lang, s: Stage) -> &'static str {
    lang.t(match s {
        Stage::Intake => Msg::StageIntake,
        Stage::Assessment => Msg::StageAssessment,
        Stage::Plan => Msg::StagePlan,
        Stage::Intervention => Msg::StageIntervention,
        Stage::Resocialisation => Msg::StageResocialisation,
        Stage::Termination => Msg::StageTermination,
        Stage::Aftercare => Msg::StageAftercare,
    })
}

pub fn stage_short(lang: Lang, s: Stage) -> &'static str {
    lang.t(match s {
        Stage::Intake => Msg::StageIntakeShort,
        Stage::Assessment => Msg::StageAssessmentShort,
        Stage::Plan => Msg::StagePlanShort,
        Stage::Intervention => Msg::StageInterventionShort,
        Stage::Resocialisation => Msg::StageResocialisationShort,
        Stage::Termination => Msg::StageTerminationShort,
        Stage::Aftercare => Msg::StageAftercareShort,
    })
}

pub fn religion(lang: Lang, r: Religion) -> &'static str {
    lang.t(match r {
        Religion::Unknown => Msg::Unknown,
        Religion::Islam => Msg::ReligionIslam,
        Religion::Protestant => Msg::ReligionProtestant,
        Religion::Catholic => Msg::ReligionCatholic,
        Religion::Hindu => Msg::ReligionHindu,
        Religion::Buddhist => Msg::ReligionBuddhist,
        Religion::Confucian => Msg::ReligionConfucian,
        Religion::Other => Msg::ReligionOther,
    })
}

pub fn education(lang: Lang, e: Education) -> &'static str {
    lang.t(match e {
        Education::Unknown => Msg::Unknown,
        Education::None => Msg::EducationNone,
        Education::Primary => Msg::EducationPrimary,
        Education::JuniorHigh => Msg::EducationJuniorHigh,
        Education::SeniorHigh => Msg::EducationSeniorHigh,
        Education::Higher => Msg::EducationHigher,
    })
}

pub fn referral(lang: Lang, r: ReferralSource) -> &'static str {
    lang.t(match r {
        ReferralSource::Unknown => Msg::Unknown,
        ReferralSource::Raid => Msg::ReferralRaid,
        ReferralSource::SocialOffice => Msg::ReferralSocialOffice,
        ReferralSource::Police => Msg::ReferralPolice,
        ReferralSource::Hospital => Msg::ReferralHospital,
        ReferralSource::Family => Msg::ReferralFamily,
        ReferralSource::SelfReferred => Msg::ReferralSelf,
        ReferralSource::Other => Msg::ReferralOther,
    })
}

pub fn exit_reason(lang: Lang, r: ExitReason) -> &'static str {
    lang.t(match r {
        ExitReason::ReturnedToFamily => Msg::ExitFamily,
        ExitReason::Work => Msg::ExitWork,
        ExitReason::OwnBusiness => Msg::ExitOwnBusiness,
        ExitReason::Referred => Msg::ExitReferred,
        ExitReason::Absconded => Msg::ExitAbsconded,
        ExitReason::Died => Msg::ExitDied,
        ExitReason::Other => Msg::ExitOther,
    })
}

/// The full name: `Kab. Pasuruan`, `Kota Surabaya`.
pub fn origin(lang: Lang, o: Origin) -> String {
    match o {
        Origin::Unknown => lang.t(Msg::Unknown).to_string(),
        Origin::Regency(code) => {
            regency::name(code).map_or_else(|| code.to_string(), str::to_string)
        }
        Origin::OutsideEastJava => lang.t(Msg::OutsideEastJava).to_string(),
    }
}

/// For tables: `Pasuruan`, `Kt Pasuruan`; unknown is `?`.
pub fn origin_short(lang: Lang, o: Origin) -> String {
    match o {
        Origin::Unknown => "?".into(),
        Origin::Regency(code) => match regency::name(code) {
            Some(n) => n
                .strip_prefix("Kab. ")
                .map_or_else(|| n.replace("Kota ", "Kt "), str::to_string),
            None => code.to_string(),
        },
        Origin::OutsideEastJava => lang.t(Msg::OutsideEastJava).to_string(),
    }
}

pub fn date_error(lang: Lang, e: DateError) -> String {
    lang.t(match e {
        DateError::Format => Msg::ProblemDateFormat,
        DateError::NoSuchDay => Msg::ProblemNoSuchDay,
    })
    .to_string()
}

pub fn number_error(lang: Lang, e: NikError) -> String {
    match e {
        NikError::WrongLength(n) => lang.f(Msg::ProblemNumberLength, &[&n.to_string()]),
        NikError::NotDigits => lang.t(Msg::ProblemNumberDigits).into(),
        NikError::ImpossibleDate => lang.t(Msg::ProblemNikDate).into(),
        NikError::ZeroPart => lang.t(Msg::ProblemNikZero).into(),
    }
}

/// A field problem in words.
pub fn problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::NameOrNicknameRequired => lang.t(Msg::ProblemNameRequired).into(),
        Problem::TooLong(n) => lang.f(Msg::ProblemTooLong, &[&n.to_string()]),
        Problem::Number(e) => number_error(lang, *e),
        Problem::Date(e) => date_error(lang, *e),
        Problem::BirthYear => lang.t(Msg::ProblemBirthYear).into(),
        Problem::InFuture => lang.t(Msg::ProblemInFuture).into(),
        Problem::TooEarly => lang.t(Msg::ProblemTooEarly).into(),
        Problem::NikTaken { name, reg_no } => lang.f(Msg::ProblemNikTaken, &[name, reg_no]),
        Problem::BedTaken { name, reg_no } => lang.f(Msg::ProblemBedTaken, &[name, reg_no]),
    }
}

/// A `WrongState` reason code from the service in words.
pub fn wrong_state(lang: Lang, code: &str) -> String {
    match code {
        "date-in-future" => lang.t(Msg::WrongDateInFuture).into(),
        "date-before-admission" => lang.t(Msg::WrongDateBeforeAdmission).into(),
        "already-exited" => lang.t(Msg::WrongAlreadyExited).into(),
        "leave-return-before-date" => lang.t(Msg::WrongReturnBeforeDate).into(),
        "not-exited" => lang.t(Msg::WrongNotExited).into(),
        "date-before-last-change" => lang.t(Msg::WrongDateBeforeLastChange).into(),
        "date-before-exit" => lang.t(Msg::WrongDateBeforeExit).into(),
        "last-seen-in-future" => lang.t(Msg::WrongLastSeenInFuture).into(),
        "admitted-before-previous-exit" => lang.t(Msg::WrongAdmittedBeforePreviousExit).into(),
        "admitted-after-exit" => lang.t(Msg::WrongAdmittedAfterExit).into(),
        "note-too-long" | "text-too-long" => lang.t(Msg::WrongTooLong).into(),
        "staff-exists" => lang.t(Msg::WrongStaffExists).into(),
        "shift-times-order" => lang.t(Msg::WrongShiftOrder).into(),
        "not-in-roll-call" => lang.t(Msg::WrongNotInRollCall).into(),
        "range-too-long" => lang.t(Msg::WrongRangeTooLong).into(),
        "range-reversed" => lang.t(Msg::WrongRangeReversed).into(),
        "handover-empty" => lang.t(Msg::WrongHandoverEmpty).into(),
        "handover-shift-over" => lang.t(Msg::WrongHandoverShiftOver).into(),
        "last-head" => lang.t(Msg::WrongLastHead).into(),
        "bad-username" => lang.t(Msg::WrongBadUsername).into(),
        "name-required" => lang.t(Msg::ProblemRequired).into(),
        "not-last-change" => lang.t(Msg::WrongNotLastChange).into(),
        "change-not-today" => lang.t(Msg::WrongChangeNotToday).into(),
        "nothing-to-undo" => lang.t(Msg::WrongNothingToUndo).into(),
        "facility-name-required" | "head-name-required" | "capacity-required" => {
            lang.t(Msg::ProblemRequired).into()
        }
        other => lang.f(Msg::WrongOther, &[other]),
    }
}

/// A failed call in words, for the status line.
pub fn call_error(lang: Lang, e: &CallError) -> String {
    match e {
        CallError::Refused(r) => refusal(lang, r),
        CallError::Lost(why) => lang.f(Msg::ConnectionLost, &[why]),
        CallError::Unexpected => lang.t(Msg::UnexpectedReply).into(),
    }
}

/// A refusal in words.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match r {
        Refusal::Invalid(problems) => problems
            .iter()
            .map(|p| problem(lang, &p.problem))
            .collect::<Vec<_>>()
            .join("; "),
        Refusal::Conflict { by_name, at, .. } | Refusal::StaleStaff { by_name, at, .. } => {
            lang.f(Msg::ChangedBy, &[by_name, &date_time(lang, *at)])
        }
        Refusal::NeedsRole(needed) => lang.f(Msg::NeedsRole, &[role(lang, *needed)]),
        Refusal::NoAccount(user) => lang.f(Msg::NoAccount, &[user]),
        Refusal::NotSetUp => lang.t(Msg::NotSetUp).into(),
        Refusal::AlreadySetUp => lang.t(Msg::AlreadySetUp).into(),
        Refusal::NotFound => lang.t(Msg::NotFound).into(),
        Refusal::WrongState(code) => wrong_state(lang, code),
        Refusal::Storage(why) => lang.f(Msg::StorageFailed, &[why]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 8, 17).unwrap();
        assert_eq!(date(Lang::Id, d), "17 Agu 2026");
        assert_eq!(date(Lang::En, d), "17 Aug 2026");
        let sat = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(date_with_day(Lang::Id, sat), "Sab 28 Nov 2026");
        assert_eq!(date_with_day(Lang::En, sat), "Sat 28 Nov 2026");
        assert_eq!(date_short(sat), "28/11/26");
    }

    #[test]
    fn origins_shorten_for_tables() {
        assert_eq!(origin_short(Lang::Id, Origin::Regency(3514)), "Pasuruan");
        assert_eq!(origin_short(Lang::Id, Origin::Regency(3575)), "Kt Pasuruan");
        assert_eq!(origin(Lang::En, Origin::Regency(3578)), "Kota Surabaya");
        assert_eq!(origin_short(Lang::En, Origin::Unknown), "?");
    }
}

#[cfg(test)]
mod reason_tests {
    use super::*;

    #[test]
    fn every_reason_code_has_words_of_its_own() {
        for code in crate::domain::reasons::ALL {
            for lang in [Lang::Id, Lang::En] {
                let words = wrong_state(lang, code);
                assert!(
                    !words.contains(code),
                    "{code} has no message in {lang:?}: {words}"
                );
            }
        }
    }
}
