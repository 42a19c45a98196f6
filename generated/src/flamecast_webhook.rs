//! Flamecast webhook signatures (hand-written, next to the generated `flamecast` types).
//!
//! A Flamecast control plane signs each webhook delivery: the `X-Flamecast-Signature` header
//! carries `sha256=` followed by the lowercase hex HMAC-SHA256 of the raw request body, keyed by
//! the webhook's secret (UTF-8). Verify the body bytes exactly as received, before parsing them.
//!
//! ```
//! use wiregen_generated::flamecast_webhook::{sign, verify};
//! let body = br#"{"sessionId":"s1","eventId":"e1"}"#;
//! let header = sign("whsec_example", body);
//! assert!(header.starts_with("sha256="));
//! assert!(verify("whsec_example", body, &header));
//! assert!(!verify("whsec_other", body, &header));
//! ```

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The HTTP header that carries the signature.
pub const SIGNATURE_HEADER: &str = "X-Flamecast-Signature";

/// The prefix of the header value.
pub const SIGNATURE_PREFIX: &str = "sha256=";

fn mac(secret: &str, body: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(m) => m,
        Err(_) => unreachable_key_length(),
    };
    mac.update(body);
    mac.finalize().into_bytes().into()
}

#[cold]
fn unreachable_key_length() -> ! {
    unreachable!("HMAC-SHA256 takes keys of any length")
}

/// The header value for `body`: `sha256=` + lowercase hex HMAC-SHA256(secret, body).
pub fn sign(secret: &str, body: &[u8]) -> String {
    let digest = mac(secret, body);
    let mut out = String::with_capacity(SIGNATURE_PREFIX.len() + 64);
    out.push_str(SIGNATURE_PREFIX);
    for byte in digest {
        out.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(byte & 0x0f)]));
    }
    out
}

/// Whether `signature` (the header value) is the signature of `body` under `secret`. The
/// comparison takes the same time wherever the first difference is; like Flamecast's own
/// check it is exact, so uppercase hex or a missing `sha256=` prefix is rejected.
pub fn verify(secret: &str, body: &[u8], signature: &str) -> bool {
    let expected = sign(secret, body);
    expected.len() == signature.len() && bool::from(expected.as_bytes().ct_eq(signature.as_bytes()))
}
