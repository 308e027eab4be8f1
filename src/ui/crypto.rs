//! Passphrase encryption of backups with the browser's WebCrypto: PBKDF2-SHA-256 derives an
//! AES-256-GCM key; a fresh random salt and IV per file. The envelope format is in the domain.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::domain::export::envelope::{self, Envelope, ITERATIONS};
use crate::domain::AppError;

fn fail(what: &str) -> impl Fn(JsValue) -> AppError + '_ {
    move |_| AppError::Storage(format!("the browser could not {what}"))
}

fn crypto() -> Result<web_sys::Crypto, AppError> {
    web_sys::window().ok_or_else(|| fail("find a window")(JsValue::NULL))?.crypto().map_err(fail("use WebCrypto"))
}

fn object(pairs: &[(&str, &JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

async fn derive_key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, AppError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let base = JsFuture::from(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages).map_err(fail("read the passphrase"))?)
        .await
        .map_err(fail("read the passphrase"))?;
    let algorithm = object(&[
        ("name", &"PBKDF2".into()),
        ("hash", &"SHA-256".into()),
        ("iterations", &JsValue::from(iterations)),
        ("salt", &Uint8Array::from(salt).into()),
    ]);
    let target = object(&[("name", &"AES-GCM".into()), ("length", &JsValue::from(256))]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&algorithm, &base.unchecked_into(), &target, false, &usages)
        .map_err(fail("derive the key"))?;
    Ok(JsFuture::from(key).await.map_err(fail("derive the key"))?.unchecked_into())
}

fn random(length: usize) -> Result<Vec<u8>, AppError> {
    let mut bytes = vec![0u8; length];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(fail("make random numbers"))?;
    Ok(bytes)
}

/// Encrypts `plaintext` under `passphrase`, returning the envelope's JSON text.
pub async fn encrypt(passphrase: &str, plaintext: &str) -> Result<String, AppError> {
    let subtle = crypto()?.subtle();
    let (salt, iv) = (random(16)?, random(12)?);
    let key = derive_key(&subtle, passphrase, &salt, ITERATIONS).await?;
    let algorithm = object(&[("name", &"AES-GCM".into()), ("iv", &Uint8Array::from(iv.as_slice()).into())]);
    let sealed = subtle.encrypt_with_object_and_u8_array(&algorithm, &key, plaintext.as_bytes()).map_err(fail("encrypt"))?;
    let sealed = JsFuture::from(sealed).await.map_err(fail("encrypt"))?;
    let ciphertext = Uint8Array::new(&sealed).to_vec();
    Ok(Envelope::new(&salt, &iv, &ciphertext, ITERATIONS).to_json())
}

/// Decrypts an envelope; a wrong passphrase (or a changed file) fails the GCM check.
pub async fn decrypt(passphrase: &str, raw: &str) -> Result<String, AppError> {
    let envelope = envelope::parse(raw)?;
    let (salt, iv, ciphertext) = envelope.parts()?;
    let subtle = crypto()?.subtle();
    let key = derive_key(&subtle, passphrase, &salt, envelope.iterations).await?;
    let algorithm = object(&[("name", &"AES-GCM".into()), ("iv", &Uint8Array::from(iv.as_slice()).into())]);
    let wrong = |_| AppError::Corrupt("the passphrase is wrong, or the file was changed after it was encrypted".into());
    let opened = subtle.decrypt_with_object_and_u8_array(&algorithm, &key, &ciphertext).map_err(wrong)?;
    let opened = JsFuture::from(opened).await.map_err(wrong)?;
    String::from_utf8(Uint8Array::new(&opened).to_vec()).map_err(|_| AppError::Corrupt("the decrypted backup is not text".into()))
}
