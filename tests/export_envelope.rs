//! The encrypted-backup envelope: base64 per RFC 4648 and strict parsing. (The AES-GCM and
//! PBKDF2 work happens in the browser and is exercised by the e2e tests.)

use audit_readiness::domain::export::envelope::{check, decode, encode, is_encrypted, parse, Envelope, ITERATIONS};
use audit_readiness::domain::AppError;

#[test]
fn base64_matches_the_rfc_4648_test_vectors_and_round_trips() {
    for (plain, coded) in
        [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
    {
        assert_eq!(encode(plain.as_bytes()), coded);
        assert_eq!(decode(coded).unwrap(), plain.as_bytes());
    }
    let all: Vec<u8> = (0..=255).collect();
    assert_eq!(decode(&encode(&all)).unwrap(), all);
    for bad in ["Zm9", "Zm9v!A==", "Z===", "====", "Zg=a", "AA==AAAA"] {
        assert_eq!(decode(bad), None, "{bad}");
    }
}

#[test]
fn an_envelope_round_trips_and_is_recognised() {
    let envelope = Envelope::new(&[7; 16], &[9; 12], &[1; 40], ITERATIONS);
    let json = envelope.to_json();
    assert!(is_encrypted(&json));
    assert!(!is_encrypted("{\"schema_version\":1,\"assessment\":{}}"));
    // A plain backup whose note mentions the format name is still a plain backup.
    let note = format!("{{\"schema_version\":1,\"assessment\":{{\"responses\":{{\"C53-PRE-01\":{{\"note\":\"{}\"}}}}}}}}", envelope.format);
    assert!(!is_encrypted(&note));
    assert!(!is_encrypted("not json at all"));
    let parsed = parse(&json).unwrap();
    assert_eq!(parsed, envelope);
    let (salt, iv, ciphertext) = parsed.parts().unwrap();
    assert_eq!((salt.len(), iv.len(), ciphertext.len()), (16, 12, 40));
}

#[test]
fn damaged_or_weakened_envelopes_are_refused_with_a_reason() {
    let good = Envelope::new(&[7; 16], &[9; 12], &[1; 40], ITERATIONS);
    let weak = Envelope { iterations: 1000, ..good.clone() };
    assert!(matches!(parse(&weak.to_json()), Err(AppError::Corrupt(m)) if m.contains("settings")));
    let short_iv = Envelope { iv: encode(&[1; 8]), ..good.clone() };
    assert!(short_iv.parts().is_err());
    let garbled = Envelope { ciphertext: "not base64!".into(), ..good.clone() };
    assert!(matches!(garbled.parts(), Err(AppError::Corrupt(m)) if m.contains("content")));
    // A crafted file cannot ask for billions of key-derivation rounds (hours in a browser tab).
    let endless = Envelope { iterations: u32::MAX, ..good.clone() };
    assert!(matches!(parse(&endless.to_json()), Err(AppError::Corrupt(m)) if m.contains("settings")));
    let other = Envelope { format: "someone-else/backup".into(), ..good.clone() };
    assert!(matches!(parse(&other.to_json()), Err(AppError::Corrupt(m)) if m.contains("not an encrypted backup of this app")));
    let future = Envelope { version: 2, ..good };
    assert_eq!(parse(&future.to_json()), Err(AppError::UnknownVersion(2)));
    assert!(parse("[]").is_err());
}

#[test]
fn a_file_that_cannot_be_opened_is_refused_before_a_passphrase_is_asked_for_in_plain_words() {
    let good = Envelope::new(&[7; 16], &[9; 12], &[1; 40], ITERATIONS);
    assert_eq!(check(&good.to_json()), Ok(()));
    // Each of these would only have failed after the passphrase was typed.
    let future = Envelope { version: 2, ..good.clone() };
    assert_eq!(check(&future.to_json()), Err(AppError::UnknownVersion(2)));
    let weak = Envelope { iterations: 1000, ..good.clone() };
    assert!(matches!(check(&weak.to_json()), Err(AppError::Corrupt(m)) if m.contains("settings")));
    let short_iv = Envelope { iv: encode(&[1; 8]), ..good.clone() };
    assert!(matches!(check(&short_iv.to_json()), Err(AppError::Corrupt(m)) if m.contains("header")));
    // A field added by hand: said in words, not serde's ("unknown field `note`, expected one of").
    let edited = good.to_json().replacen('{', "{\"note\": \"hi\",", 1);
    assert!(is_encrypted(&edited));
    let refusal = check(&edited).unwrap_err().reason();
    assert_eq!(refusal, "the encrypted backup's header is damaged or was edited");
}
