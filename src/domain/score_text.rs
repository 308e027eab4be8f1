//! What a score says in words: the findings expected, the requirements whose minors add up, the
//! questions not known yet, the verdict's meaning and the reason for it. Split from `score`,
//! which computes the figures.

use super::score::{Rule, Score, Verdict, NOT_READY_BELOW, READY_FROM};
use super::systemic::MinorsAddUp;
use super::wording::and_list;

// The verdict's meanings share their clauses (`Score::meaning` returns them as static text).
macro_rules! late {
    () => {
        "No major nonconformity today, but a recurring activity running late will be one by the audit day unless it is held \
         before then"
    };
}
macro_rules! below_line {
    () => {
        "the score is below 70 %: too much is missing or unproven for the evidence to carry an audit"
    };
}
macro_rules! adding_up_tail {
    () => {
        "add up to what an auditor would likely raise as a major"
    };
}
macro_rules! adding_up {
    () => {
        concat!("minor ones under the same requirement ", adding_up_tail!())
    };
}
/// [`adding_up!`] opening a sentence.
macro_rules! adding_up_first {
    () => {
        concat!("Minor nonconformities under the same requirement ", adding_up_tail!())
    };
}
/// Said after [`adding_up_first!`] opens the sentence: "No major nonconformity today" does not lead
/// beside the likely majors the panel counts (founder pass of stop 50).
macro_rules! late_too {
    () => {
        "a recurring activity running late will be one too by the audit day unless it is held before then"
    };
}
macro_rules! at_risk {
    () => {
        ". Certification would be at risk."
    };
}

impl Score {
    /// What an auditor would likely raise, in words: "1 major nonconformity, 2 minor
    /// nonconformities, 0 observations", and how many of them are questions not answered yet;
    /// which minors add up, at length (for a report without a list of reasons).
    pub fn expected_text(&self) -> String {
        self.expected(true)
    }

    /// [`Score::expected_text`] without the sentence on the minors that add up, for a report whose
    /// reasons say it (founder pass: the Markdown said it twice in a row).
    pub fn expected_counts(&self) -> String {
        self.expected(false)
    }

    fn expected(&self, adding_up_at_length: bool) -> String {
        use super::wording::counted;
        // Minors that add up are a likely major each, counted as the readiness panel counts them
        // (founder pass: the reports said "0 major nonconformities" where the panel said "5 likely
        // major").
        let majors = counted(self.majors, "major nonconformity", "major nonconformities");
        let majors = match (self.majors, self.adding_up.len()) {
            (_, 0) => majors,
            (0, n) => counted(n, "likely major nonconformity (minors that add up)", "likely major nonconformities (minors that add up)"),
            (_, n) => format!("{majors} and {n} likely (minors that add up)"),
        };
        let minors = counted(self.minors, "minor nonconformity", "minor nonconformities");
        let minors = match self.minors_adding_up {
            0 => minors,
            n => format!("{minors} ({n} of them adding up)"),
        };
        let counts = format!("{majors}, {minors}, {}", counted(self.observations, "observation", "observations"));
        // After the counts as a clause of its own: in brackets after the observations it read as
        // "84 of 15 observations" (copy pass of stop 52).
        let counts = match self.not_yet_known_text() {
            Some(unknown) => format!("{counts}; {unknown}"),
            None => counts,
        };
        // Said as a change to the counts: these minors would likely be one major instead.
        let counts = match self.adding_up_text().filter(|_| adding_up_at_length) {
            Some(adding_up) => format!("{counts}; among the minors, {}", adding_up.trim_end_matches('.')),
            None => counts,
        };
        // Auditor probe: records due for renewal before the audit read "0 minor nonconformities
        // expected at the audit", which holds only if they are renewed.
        match self.renewals_due {
            0 => counts,
            1 => format!("{counts}; 1 of the observations is a record to renew before the audit day: left to lapse, it would be a nonconformity then"),
            n => format!("{counts}; {n} of the observations are records to renew before the audit day: left to lapse, each would be a nonconformity then"),
        }
    }

    /// "10 of 18 practices under A 5.4 are missing: an auditor would likely raise them as one major
    /// nonconformity instead of separate minors.", when any requirement's minors add up.
    pub fn adding_up_text(&self) -> Option<String> {
        let them = match self.adding_up.len() {
            0 => return None,
            1 => "them",
            _ => "each group",
        };
        let parts: Vec<String> = self
            .adding_up
            .iter()
            .enumerate()
            .map(|(n, t)| {
                let practices = match (t.partly, n) {
                    (true, _) => " major practices",
                    (false, 0) => " practices",
                    (false, _) => "",
                };
                format!("{} of {}{practices} under {}{}", t.open, t.counted_of(), t.requirement, t.core_note())
            })
            .collect();
        let (missing, likely) = self.adding_up_words();
        Some(format!("{} are {missing}: {likely} raise {them} as one major nonconformity instead of separate minors.", and_list(&parts)))
    }

    /// [`Score::adding_up_text`] for the readiness panel: with more than two requirements, how
    /// many and which, the counts left to the dashboard (second founder pass: half-way through,
    /// the panel listed ten requirements with their counts).
    pub fn adding_up_panel_text(&self) -> Option<String> {
        if self.adding_up.len() <= 2 {
            return self.adding_up_text();
        }
        let names: Vec<&str> = self.adding_up.iter().map(|t| t.requirement).collect();
        let (missing, likely) = self.adding_up_words();
        Some(format!(
            "Under {} requirements ({}), a third or more of the practices are {missing}: {likely} raise each group as one \
             major nonconformity. The dashboard lists them.",
            names.len(),
            names.join(", ")
        ))
    }

    /// How the groups' practices are said: "missing", or "missing or not confirmed (…)" beside
    /// what an auditor would likely do; with none confirmed missing, only open, "not confirmed
    /// (…)" and what follows if they are missing (second auditor probe: two questions skipped read
    /// as a predicted major).
    fn adding_up_words(&self) -> (&'static str, &'static str) {
        // Major practices only partly in place (`MinorsAddUp::partly`) are neither missing nor
        // unconfirmed: the groups' states taken together, in the words one group of them gets.
        if self.adding_up.iter().any(|t| t.partly || t.partly_open > 0) {
            let together = MinorsAddUp {
                partly: self.adding_up.iter().all(|t| t.partly),
                partly_open: self.adding_up.iter().map(|t| if t.partly { t.open } else { t.partly_open }).sum(),
                unconfirmed: self.adding_up.iter().map(|t| t.unconfirmed).sum(),
                ..self.adding_up[0]
            };
            return (together.missing_word(), "an auditor would likely");
        }
        match self.adding_up.iter().all(|t| t.unconfirmed == t.open && !t.core_missing()) {
            true => ("not confirmed (not answered yet, or “not sure”)", "if they are missing, an auditor would likely"),
            false => {
                let missing = self.adding_up.iter().find(|t| t.unconfirmed > 0).map_or("missing", MinorsAddUp::missing_word);
                (missing, "an auditor would likely")
            }
        }
    }

    /// "3 of these findings, 1 of the majors among them, are questions not answered yet or not
    /// sure", when any are (the progress line counts only the questions without any answer, so
    /// "not sure" is named here), and how many more are included in other findings. (Founder
    /// pass: "81 of them" beside the counts left unclear what "them" was.)
    pub fn not_yet_known_text(&self) -> Option<String> {
        use super::wording::counted;
        let (n, m) = (self.not_yet_known, self.not_yet_known_within);
        let among = match (self.majors_not_yet_known, n) {
            (0, _) => String::new(),
            (1, 1) => ", a major,".into(),
            (k, n) if k == n => ", all majors,".into(),
            (k, _) => format!(", {k} of the majors among them,"),
        };
        let own =
            format!("{n} of these findings{among} {} not answered yet or not sure", if n == 1 { "is a question" } else { "are questions" });
        match (n, m) {
            (0, 0) => None,
            (0, _) => Some(format!(
                "{} in these findings",
                counted(m, "question not answered yet or not sure is included", "questions not answered yet or not sure are included")
            )),
            (_, 0) => Some(own),
            // Plain words (founder pass: "12 more such questions count within other findings").
            // "20 more" of what, said (second founder pass).
            (_, m) => {
                Some(format!("{own}; {m} more open {} counted inside other findings", if m == 1 { "question is" } else { "questions are" }))
            }
        }
    }

    /// What the verdict means for this score. "Nearly ready" with questions still open says that
    /// no major is expected from the answers so far only: questions not answered yet never add
    /// up (`domain::systemic`), and a whole area left blank would otherwise read "no major
    /// expected" while the same questions answered "not sure" read "not ready".
    /// Below the ready line with nothing but observations open, it says no nonconformity is
    /// expected (the verdict's own meaning promises minor ones, which are not there).
    /// Before any answer it says why the counts are what they are (founder pass: a first visit
    /// read "12 major, 63 minor" before a single answer, with nothing to say why).
    pub fn meaning(&self) -> &'static str {
        // With the register or rehearsals filled in, their items earn points before any answer
        // (founder pass: "starts at 0 %" beside 3 %).
        if self.progress.answered == 0 && self.progress.questions > 0 {
            return match self.percent {
                0 => {
                    "Nothing answered yet: until a question is answered it counts as not in place, so the score starts at 0 % \
                      and the counts are what an auditor would find if none of it existed."
                }
                _ => {
                    "Nothing answered yet: until a question is answered it counts as not in place, so only what the roles \
                      register and the interview rehearsals show earns points so far, and the counts are what an auditor \
                      would find if nothing else existed."
                }
            };
        }
        match (self.verdict, self.not_yet_known) {
            // Auditor probe of stop 46: "No major nonconformity expected" beside a management
            // review that will be over a quarter of its interval late on audit day.
            // Where to find it is not said: the board's copy has no plan (founder pass of stop 50);
            // the plan's first step and every report's counts name it, with the day to hold it by.
            (Verdict::NearlyReady, _) if self.majors_by_audit > 0 => {
                concat!(late!(), ", and minor ones are likely. Certification is possible if it is held in time.")
            }
            (Verdict::NearlyReady, _) if self.minors == 0 => {
                "No nonconformity expected, but so many good practices are missing that an auditor would note them as \
                 observations, and the score stays below the ready line. Certification is possible; fix them to be ready."
            }
            (Verdict::NearlyReady, 1..) => {
                "No major nonconformity expected from the answers so far, but minor ones are likely, and the questions \
                 still open could change that. Certification is possible with corrective action plans."
            }
            // Not ready with no single major: say which of the two other rules decided (year-later
            // pass: "0 major" beside "would very likely raise a major nonconformity"), after a late
            // activity foretold as a major (returning-user pass of stop 49: "No major nonconformity
            // expected" stood beside a review the plan said would be a major on audit day).
            // The rules' own order (`Rule::deciding`): the line first, then minors adding up
            // (second look: all "partly" at 52 % named only the groups).
            (Verdict::NotReady, _) if self.majors == 0 => {
                match (self.majors_by_audit > 0, self.percent < NOT_READY_BELOW, self.adding_up.is_empty()) {
                    (true, true, true) => concat!(late!(), ", and ", below_line!(), at_risk!()),
                    (true, true, false) => concat!(adding_up_first!(), ", and ", late_too!(), "; ", below_line!(), at_risk!()),
                    (true, false, _) => concat!(adding_up_first!(), ", and ", late_too!(), at_risk!()),
                    (false, true, true) => concat!("No major nonconformity expected, but ", below_line!(), at_risk!()),
                    (false, true, false) => {
                        concat!(
                            "The score is below 70 %: too much is missing or unproven for the evidence to carry an audit, and ",
                            adding_up!(),
                            at_risk!()
                        )
                    }
                    (false, false, _) => concat!("No single major nonconformity expected, but ", adding_up!(), at_risk!()),
                }
            }
            // Every major a question nobody has settled yet: said as that, not as a major an auditor
            // would very likely raise (copy pass of stop 51: after a single answer the panel read as
            // a verdict on the company).
            // With every question answered, the majors are "not sure" answers to settle, not
            // questions to answer (copy pass of stop 52).
            (Verdict::NotReady, _) if self.majors_not_yet_known == self.majors && self.progress.unanswered() == 0 => {
                "Every major nonconformity counted here is a question answered “not sure”, which counts as missing. Settle \
                 them (yes, partly or no) to see where you stand."
            }
            (Verdict::NotReady, _) if self.majors_not_yet_known == self.majors => {
                "Every major nonconformity counted so far is a question not answered yet or answered “not sure”, which \
                 counts as missing until you settle it. Answer them to see where you stand."
            }
            // Most questions still open, some majors among them: the empty register's own major
            // left the sentence above out of reach after a first answer (same pass).
            (Verdict::NotReady, _) if self.majors_not_yet_known > 0 && self.progress.answered * 2 < self.progress.questions => {
                "Most questions are not answered yet. Until a question is answered it counts as missing, so many of the \
                 majors counted so far are only unanswered questions. Answer them to see where you stand."
            }
            (verdict, _) => verdict.meaning(),
        }
    }

    /// How many of the majors are questions not answered yet or not sure, as words to follow
    /// their count: ", 8 of them questions not answered yet or not sure" (empty when none is).
    pub fn majors_not_yet_known_words(&self) -> String {
        let what = "not answered yet or not sure";
        match (self.majors_not_yet_known, self.majors) {
            (0, _) => String::new(),
            (1, 1) => format!(", a question {what}"),
            (k, n) if k == n => format!(", all of them questions {what}"),
            (1, _) => format!(", 1 of them a question {what}"),
            (k, _) => format!(", {k} of them questions {what}"),
        }
    }

    /// The rule that decided this score's verdict.
    pub fn rule(&self) -> Rule {
        Rule::deciding(self.majors, self.adding_up.len(), self.minors, self.observations, self.percent)
    }

    /// Why the verdict is what it is, in one sentence, from the rule that decided it.
    pub fn verdict_reason(&self) -> String {
        self.reason_after(self.verdict.label())
    }

    /// [`Score::verdict_reason`] under the verdict as the panel labels it: "Ready, on your word:
    /// …" when it rests on answers without evidence (second founder pass: the dashboard said
    /// "Ready: nothing … is open" beside the panel's "Ready, on your word").
    pub fn verdict_reason_labelled(&self, on_your_word: bool) -> String {
        self.reason_after(&super::caveats::verdict_label(self.verdict, on_your_word))
    }

    /// What the percentage adds beside open majors, which cap the verdict on their own: nothing
    /// over the "Nearly ready" line, or that it is under it too ("whatever the percentage" read
    /// oddly at 0 %; founder pass).
    pub fn percentage_aside(&self) -> String {
        if self.percent >= NOT_READY_BELOW {
            ", whatever the percentage".to_string()
        } else {
            format!(", and the score is under {NOT_READY_BELOW} % as well")
        }
    }

    fn reason_after(&self, label: &str) -> String {
        use super::wording::counted;
        match self.rule() {
            Rule::OpenMajors => {
                let majors = counted(self.majors, "open major nonconformity", "open major nonconformities");
                format!("{label}: capped by {majors}{}{}.", self.majors_not_yet_known_words(), self.percentage_aside())
            }
            Rule::MinorsAddUp => format!("{label}: {}", self.adding_up_text().unwrap_or_default()),
            Rule::BelowNotReadyLine => format!("{label}: below {NOT_READY_BELOW} % of the points."),
            Rule::OpenMinors => format!("{label}: {} still open.", counted(self.minors, "minor nonconformity", "minor nonconformities")),
            Rule::BelowReadyLine => format!("{label}: below {READY_FROM} % of the points."),
            Rule::OnlyObservations => format!("{label}: only {} open.", counted(self.observations, "observation", "observations")),
            Rule::NothingOpen => format!("{label}: nothing an auditor would raise is open."),
        }
    }
}
