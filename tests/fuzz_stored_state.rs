//! Fuzzing the stored-state parser: at least 100,000 generated and mutated inputs, zero panics,
//! and anything accepted must survive a round trip unchanged. `make fuzz` runs ten times more.

mod support;

use audit_readiness::domain::persist::{decode, encode};
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord};
use support::{day, today, Rng};

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "-1",
    "1e999",
    "\"schema_version\"",
    "\"assessment\"",
    "\"responses\"",
    "\"answer\"",
    "\"yes\"",
    "\"2027-02-30\"",
    "\\u0000",
    "\u{feff}",
    "[[[[[[[[[[[[",
    "0.5",
    "18446744073709551616",
    "\"audit_date\"",
    "\"evidence\"",
    "\"produced_on\"",
];

fn seed_corpus(rng: &mut Rng) -> Vec<String> {
    let catalog = Catalog::builtin();
    let mut corpus = vec![include_str!("fixtures/state-v1.json").to_string(), encode(&Assessment::default())];
    for _ in 0..8 {
        let mut a = Assessment { audit_date: Some(day(2027, 1 + rng.below(12) as u32, 1)), ..Assessment::default() };
        for item in catalog.items.iter().take(20) {
            a.set_answer(item.id, Answer::ALL[rng.below(5)], today());
            a.set_note(item.id, "note with \"quotes\" and ünïcode".into());
            a.edit_evidence(item.id, |list| {
                list.push(EvidenceRecord { what: "w".into(), produced_on: Some(today()), ..EvidenceRecord::default() })
            });
        }
        corpus.push(encode(&a));
    }
    corpus
}

fn mutate(input: &str, rng: &mut Rng) -> String {
    let mut bytes = input.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = if bytes.is_empty() { 0 } else { rng.below(bytes.len()) };
        match rng.below(6) {
            0 if !bytes.is_empty() => bytes[at] = rng.next() as u8,
            1 => bytes.insert(at, rng.next() as u8),
            2 if !bytes.is_empty() => {
                bytes.remove(at);
            }
            3 => bytes.truncate(at),
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            _ => {
                let end = (at + rng.below(32)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, chunk);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn iterations() -> usize {
    std::env::var("FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000)
}

#[test]
fn decode_never_panics_and_accepted_values_round_trip() {
    let mut rng = Rng(0xF0CC_ACC1A);
    let corpus = seed_corpus(&mut rng);
    let (mut accepted, mut rejected) = (0usize, 0usize);
    for n in 0..iterations() {
        let base = &corpus[n % corpus.len()];
        let input = if n % 10 == 0 {
            (0..rng.below(64)).map(|_| TOKENS[rng.below(TOKENS.len())]).collect::<String>()
        } else {
            mutate(base, &mut rng)
        };
        let outcome = std::panic::catch_unwind(|| decode(&input));
        match outcome {
            Err(_) => panic!("decode panicked on input {input:?}"),
            Ok(Ok(assessment)) => {
                accepted += 1;
                assert_eq!(decode(&encode(&assessment)).as_ref(), Ok(&assessment), "round trip of {input:?}");
            }
            Ok(Err(error)) => {
                rejected += 1;
                assert!(!error.to_string().is_empty());
            }
        }
    }
    assert_eq!(accepted + rejected, iterations());
    assert!(accepted > 0 && rejected > 0, "the fuzzer must reach both outcomes ({accepted} accepted, {rejected} rejected)");
}
