//! Small English helpers for sentences built from counts.

/// "1 gap", "3 gaps": the count with the noun in agreement.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A sentence's opening as the rest of another: "Missing terms …" → "missing terms …". ASCII
/// only (the standard library's Unicode case table would add ~8 KB to the first load; the
/// catalogue's and the register's fixed texts start with ASCII letters).
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(c.to_ascii_lowercase()).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn the_noun_agrees_with_the_count() {
        assert_eq!(counted(0, "gap", "gaps"), "0 gaps");
        assert_eq!(counted(1, "item relies", "items rely"), "1 item relies");
        assert_eq!(counted(2, "item relies", "items rely"), "2 items rely");
    }
}
