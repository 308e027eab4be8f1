//! Where to start on the plan, in a few lines drawn from the score: the majors that hold the
//! verdict at "Not ready", the minors that add up to a likely major (and how many of them to fix),
//! and the questions nobody has answered yet, which may not be gaps at all (founder pass: the
//! plan was sorted by severity but never said what to do first; "fix 3 of them" was only in the
//! dashboard's lists).

use super::score::Score;
use super::wording::counted;

/// The first steps, most pressing first; empty when nothing is open.
pub fn where_to_start(score: &Score) -> Vec<String> {
    let mut steps = Vec::new();
    let unknown = score.not_yet_known + score.not_yet_known_within;
    if unknown > 0 {
        steps.push(format!(
            "Answer the {} first: each counts as missing until it is answered, and some may not be gaps at all.",
            counted(unknown, "question not answered yet (or “not sure”)", "questions not answered yet (or “not sure”)")
        ));
    }
    if score.majors > 0 {
        let (them, any) = if score.majors == 1 { ("it", "it is") } else { ("them", "any is") };
        steps.push(format!(
            "Close the {} next: while {any} open the verdict stays “Not ready”, whatever the percentage. The plan lists {them} first.",
            counted(score.majors, "major nonconformity", "major nonconformities")
        ));
    }
    for group in &score.adding_up {
        steps.push(format!(
            "Under {}, {} practices are {}: fix {} of them and the rest count as separate minors again, not as one likely major.",
            group.requirement,
            group.open,
            group.missing_word(),
            group.to_fix()
        ));
    }
    if steps.is_empty() && score.minors > 0 {
        steps.push("No major nonconformity is expected: the minors at the top of the plan cost the most points.".to_string());
    }
    steps
}
