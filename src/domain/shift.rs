//! Shifts (piket): pagi, siang, malam, with start times the head may change. A moment
//! belongs to one shift of one date; the night shift after midnight belongs to the date it
//! started on (06:59 on the 29th is the malam shift of the 28th).

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// One of the three daily shifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Shift {
    /// pagi, 07:00–14:00 by default.
    Morning,
    /// siang, 14:00–21:00 by default.
    Afternoon,
    /// malam, 21:00–07:00 by default.
    Night,
}

impl Shift {
    pub const ALL: [Shift; 3] = [Shift::Morning, Shift::Afternoon, Shift::Night];
}

/// When each shift starts. Morning < afternoon < night, all on the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftTimes {
    pub morning: NaiveTime,
    pub afternoon: NaiveTime,
    pub night: NaiveTime,
}

impl Default for ShiftTimes {
    fn default() -> ShiftTimes {
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
        ShiftTimes {
            morning: at(7),
            afternoon: at(14),
            night: at(21),
        }
    }
}

/// A shift on a date: the key of a roll call and of handover notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ShiftSlot {
    /// The date the shift starts on.
    pub date: NaiveDate,
    pub shift: Shift,
}

impl ShiftTimes {
    /// True if the three starts are in order within one day.
    pub fn is_valid(&self) -> bool {
        self.morning < self.afternoon && self.afternoon < self.night
    }

    fn start_time(&self, shift: Shift) -> NaiveTime {
        match shift {
            Shift::Morning => self.morning,
            Shift::Afternoon => self.afternoon,
            Shift::Night => self.night,
        }
    }

    /// The shift a moment (WIB) belongs to.
    pub fn slot_at(&self, t: NaiveDateTime) -> ShiftSlot {
        let (date, time) = (t.date(), t.time());
        if time < self.morning {
            let before = date.pred_opt().unwrap_or(date);
            ShiftSlot {
                date: before,
                shift: Shift::Night,
            }
        } else if time < self.afternoon {
            ShiftSlot {
                date,
                shift: Shift::Morning,
            }
        } else if time < self.night {
            ShiftSlot {
                date,
                shift: Shift::Afternoon,
            }
        } else {
            ShiftSlot {
                date,
                shift: Shift::Night,
            }
        }
    }

    /// When a slot starts.
    pub fn start(&self, slot: ShiftSlot) -> NaiveDateTime {
        slot.date.and_time(self.start_time(slot.shift))
    }

    /// When a slot ends: the next slot's start.
    pub fn end(&self, slot: ShiftSlot) -> NaiveDateTime {
        self.start(slot.next())
    }
}

impl ShiftSlot {
    /// The slot after this one.
    pub fn next(self) -> ShiftSlot {
        match self.shift {
            Shift::Morning => ShiftSlot {
                shift: Shift::Afternoon,
                ..self
            },
            Shift::Afternoon => ShiftSlot {
                shift: Shift::Night,
                ..self
            },
            Shift::Night => ShiftSlot {
                date: self.date + Duration::days(1),
                shift: Shift::Morning,
            },
        }
    }

    /// The slot before this one.
    pub fn prev(self) -> ShiftSlot {
        match self.shift {
            Shift::Morning => ShiftSlot {
                date: self.date - Duration::days(1),
                shift: Shift::Night,
            },
            Shift::Afternoon => ShiftSlot {
                shift: Shift::Morning,
                ..self
            },
            Shift::Night => ShiftSlot {
                shift: Shift::Afternoon,
                ..self
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn slot(d: u32, shift: Shift) -> ShiftSlot {
        ShiftSlot {
            date: NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            shift,
        }
    }

    #[test]
    fn boundaries_follow_the_default_times() {
        let times = ShiftTimes::default();
        assert_eq!(
            times.slot_at(t(29, 6, 59)),
            slot(28, Shift::Night),
            "06:59 is last night's shift"
        );
        assert_eq!(times.slot_at(t(29, 7, 0)), slot(29, Shift::Morning));
        assert_eq!(times.slot_at(t(29, 13, 59)), slot(29, Shift::Morning));
        assert_eq!(times.slot_at(t(29, 14, 0)), slot(29, Shift::Afternoon));
        assert_eq!(times.slot_at(t(29, 20, 59)), slot(29, Shift::Afternoon));
        assert_eq!(times.slot_at(t(29, 21, 0)), slot(29, Shift::Night));
        assert_eq!(times.slot_at(t(29, 0, 0)), slot(28, Shift::Night));
    }

    #[test]
    fn slots_step_and_have_ends() {
        let times = ShiftTimes::default();
        let night = slot(28, Shift::Night);
        assert_eq!(night.next(), slot(29, Shift::Morning));
        assert_eq!(night.next().prev(), night);
        assert_eq!(times.start(night), t(28, 21, 0));
        assert_eq!(times.end(night), t(29, 7, 0));
        assert!(slot(28, Shift::Night) < slot(29, Shift::Morning));
    }

    #[test]
    fn custom_times_must_be_in_order() {
        let mut times = ShiftTimes::default();
        assert!(times.is_valid());
        times.afternoon = NaiveTime::from_hms_opt(6, 0, 0).unwrap();
        assert!(!times.is_valid());
        let shifted = ShiftTimes {
            morning: NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
            afternoon: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            night: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        };
        assert_eq!(shifted.slot_at(t(29, 6, 30)), slot(29, Shift::Morning));
        assert_eq!(shifted.slot_at(t(29, 21, 30)), slot(29, Shift::Afternoon));
    }
}
