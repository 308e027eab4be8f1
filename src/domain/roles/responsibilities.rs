//! The rows of the RASCI matrix: the ISMS responsibilities someone has to own. Static, with
//! stable codes (they are part of the stored RASCI keys, so never rename one).

/// One ISMS responsibility (a RASCI row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Responsibility {
    pub code: &'static str,
    pub label: &'static str,
    pub reference: &'static str,
}

const fn row(code: &'static str, label: &'static str, reference: &'static str) -> Responsibility {
    Responsibility { code, label, reference }
}

/// Every RASCI row, in display order.
pub static RESPONSIBILITIES: &[Responsibility] = &[
    row("conformance", "Keeping the ISMS conforming to ISO/IEC 27001", "Clause 5.3 a)"),
    row("performance-reporting", "Reporting ISMS performance to top management", "Clause 5.3 b)"),
    row("risk-assessment", "Running the information security risk assessment", "Clause 6.1.2, 8.2"),
    row("risk-acceptance", "Accepting residual risks and approving risk treatment", "Clause 6.1.3"),
    row("incident-register", "Keeping the security incident register", "A 5.24–A 5.27"),
    row("awareness-training", "Security awareness and training for all staff", "Clause 7.3, A 6.3"),
    row("supplier-register", "Keeping the third-party supplier register", "A 5.19, A 5.22"),
    row("internal-audit", "Running the internal audit programme", "Clause 9.2"),
    row("policy-approval", "Approving the information security policy", "Clause 5.2, A 5.1"),
    row("management-review", "Holding the management review", "Clause 9.3"),
    row("soa-sign-off", "Signing off the Statement of Applicability", "Clause 6.1.3 d)"),
];

/// The row with this code.
pub fn responsibility(code: &str) -> Option<&'static Responsibility> {
    RESPONSIBILITIES.iter().find(|r| r.code == code)
}
