//! The encrypted-backup file format: a small JSON envelope around AES-GCM ciphertext whose key
//! is derived from a passphrase with PBKDF2-SHA-256. The cryptography itself runs in the
//! browser's WebCrypto; this module only writes and reads the envelope (and base64).

use serde::{Deserialize, Serialize};

use crate::domain::error::AppError;

pub const FORMAT: &str = "audit-readiness-check/encrypted-backup";
/// PBKDF2 iterations for new files (OWASP's 2023 guidance for PBKDF2-HMAC-SHA256 is 600,000).
pub const ITERATIONS: u32 = 600_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub kdf: String,
    pub iterations: u32,
    pub cipher: String,
    pub salt: String,
    pub iv: String,
    pub ciphertext: String,
}

impl Envelope {
    pub fn new(salt: &[u8], iv: &[u8], ciphertext: &[u8], iterations: u32) -> Envelope {
        Envelope {
            format: FORMAT.into(),
            version: 1,
            kdf: "PBKDF2-SHA-256".into(),
            iterations,
            cipher: "AES-256-GCM".into(),
            salt: encode(salt),
            iv: encode(iv),
            ciphertext: encode(ciphertext),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an envelope always serialises")
    }

    /// The decoded salt, IV and ciphertext, checked for sensible sizes.
    pub fn parts(&self) -> Result<DecodedParts, AppError> {
        let bad = |what: &str| AppError::Corrupt(format!("the encrypted backup's {what} is damaged"));
        let salt = decode(&self.salt).ok_or_else(|| bad("salt"))?;
        let iv = decode(&self.iv).ok_or_else(|| bad("IV"))?;
        let ciphertext = decode(&self.ciphertext).ok_or_else(|| bad("content"))?;
        if salt.len() < 16 || iv.len() != 12 || ciphertext.len() < 16 {
            return Err(bad("header"));
        }
        Ok((salt, iv, ciphertext))
    }
}

/// An envelope's salt, IV and ciphertext, in that order, as bytes.
pub type DecodedParts = (Vec<u8>, Vec<u8>, Vec<u8>);

/// Just the envelope's format name.
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<String>,
}

/// Whether a file is an encrypted backup (so the UI asks for the passphrase): its top-level
/// `format` names this app's envelope. (A plain backup whose notes mention that name is not.)
pub fn is_encrypted(raw: &str) -> bool {
    // (A `format` that is not a string fails to parse: not an envelope either.)
    serde_json::from_str::<FormatOnly>(raw).is_ok_and(|f| f.format.as_deref() == Some(FORMAT))
}

/// The most PBKDF2 iterations a file may ask for: far above what this app writes, and low
/// enough that a crafted file cannot keep the browser busy for hours.
pub const MAX_ITERATIONS: u32 = 10_000_000;

pub fn parse(raw: &str) -> Result<Envelope, AppError> {
    // (serde's own words name fields and types: not what a person choosing a file can act on.)
    let header = |_| AppError::Corrupt("the encrypted backup's header is damaged or was edited".into());
    let envelope: Envelope = serde_json::from_str(raw).map_err(header)?;
    if envelope.format != FORMAT {
        return Err(AppError::Corrupt("it is not an encrypted backup of this app".into()));
    }
    if envelope.version != 1 {
        return Err(AppError::UnknownVersion(envelope.version));
    }
    let iterations_ok = (100_000..=MAX_ITERATIONS).contains(&envelope.iterations);
    if envelope.kdf != "PBKDF2-SHA-256" || envelope.cipher != "AES-256-GCM" || !iterations_ok {
        return Err(AppError::Corrupt("the encrypted backup uses settings this app does not accept".into()));
    }
    Ok(envelope)
}

/// Everything that can be checked without the passphrase (format, version, settings, the sizes
/// of salt, IV and content), so a file that cannot be opened is refused before one is asked for.
pub fn check(raw: &str) -> Result<(), AppError> {
    parse(raw)?.parts().map(|_| ())
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if text.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let last = text.len() / 4;
    for (index, chunk) in text.as_bytes().chunks(4).enumerate() {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        // Padding only ends the text.
        if pad > 2 || (pad > 0 && index + 1 != last) {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pad { 0 } else { ALPHABET.iter().position(|&a| a == c)? as u32 };
            n = (n << 6) | v;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..4 - pad]);
    }
    Some(out)
}
