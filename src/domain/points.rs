//! Readiness points in exact integer arithmetic (half-point units), so that scores never drift
//! through floating-point error and the wasm needs no float formatting.

use serde::Serialize;
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

use super::assessment::Answer;
use super::catalog::Severity;

/// A number of points, stored in halves: `Points::halves(3)` is 1.5 points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Points(u32);

impl Points {
    pub const ZERO: Points = Points(0);

    pub const fn halves(n: u32) -> Points {
        Points(n)
    }

    pub const fn whole(n: u32) -> Points {
        Points(n * 2)
    }

    pub fn in_halves(self) -> u32 {
        self.0
    }

    /// The noun after the amount: "1 point", "1.5 points", "2 points".
    pub fn noun(self) -> &'static str {
        if self == Points::whole(1) {
            "point"
        } else {
            "points"
        }
    }

    /// What a finding costs, short: "−1 pt", "−1.5 pts", "−2 pts".
    pub fn lost_text(self) -> String {
        if self == Points::ZERO {
            return "no points lost".to_string();
        }
        format!("−{self} {}", if self == Points::whole(1) { "pt" } else { "pts" })
    }

    /// Whole percent of `self` out of `total`, rounded down (100 only when nothing is missing).
    pub fn percent_of(self, total: Points) -> u32 {
        if total.0 == 0 {
            100
        } else {
            ((u64::from(self.0) * 100) / u64::from(total.0)) as u32
        }
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 % 2 == 0 {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, rhs: Points) -> Points {
        Points(self.0 + rhs.0)
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, rhs: Points) {
        self.0 += rhs.0;
    }
}

impl Sub for Points {
    type Output = Points;
    fn sub(self, rhs: Points) -> Points {
        Points(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

/// What an item of this severity is worth: a major gap costs more than an observation.
pub fn weight(severity: Severity) -> Points {
    Points::whole(match severity {
        Severity::Major => 3,
        Severity::Minor => 2,
        Severity::Observation => 1,
    })
}

/// Points an answer earns on an item of the given weight; `None` when the item is out of scope
/// (N/A with a justification). Yes earns all, partly half, anything else nothing.
pub fn earned(answer: Option<Answer>, weight: Points) -> Option<Points> {
    match answer {
        Some(Answer::Yes) => Some(weight),
        Some(Answer::Partly) => Some(Points(weight.0 / 2)),
        Some(Answer::No) | Some(Answer::NotSure) | None => Some(Points::ZERO),
        Some(Answer::NotApplicable) => None,
    }
}
