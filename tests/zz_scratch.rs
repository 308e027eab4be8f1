mod support;
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog};
use support::*;

#[test]
fn probe() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for id in ["C53-PRE-02", "C53-PRE-04", "C53-PRE-05"] {
        a.set_answer(id, Answer::No, today());
    }
    for asg in a.register.assignments.iter_mut() {
        asg.appointment_evidence.clear();
        asg.authority_granted = false;
    }
    let f = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &f);
    println!("{:?} {} majors {} minors {} {:?}", s.verdict, s.percent, s.majors, s.minors, s.adding_up);
    for x in f.iter().filter(|x| x.cost > audit_readiness::domain::Points::ZERO) {
        println!(
            "{} {:?} {:?} part_of={:?} counted_with={:?}\n   {}",
            x.item_id,
            x.severity,
            x.kind,
            x.part_of.map(|p| p.item_id),
            x.counted_with.map(|c| c.item_id),
            &x.explanation[..x.explanation.len().min(300)]
        );
    }
}
