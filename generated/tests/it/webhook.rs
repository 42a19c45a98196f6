//! Flamecast webhook signing against vectors computed by an independent tool (Python's `hmac`,
//! cross-checked with `openssl dgst -sha256 -hmac`; see schemas/flamecast/README.md).

use wiregen_generated::flamecast_webhook::{SIGNATURE_HEADER, sign, verify};
use wiregen_runtime::serde_json::{self, Value};

fn vectors() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/flamecast/webhook_vectors.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn signatures_match_independent_vectors() {
    let vectors = vectors();
    assert!(vectors.len() >= 6);
    for v in &vectors {
        let (secret, body, signature) = (
            v["secret"].as_str().unwrap(),
            v["body"].as_str().unwrap(),
            v["signature"].as_str().unwrap(),
        );
        let valid = v["valid"].as_bool().unwrap();
        assert_eq!(
            verify(secret, body.as_bytes(), signature),
            valid,
            "vector {v}"
        );
        if valid {
            assert_eq!(sign(secret, body.as_bytes()), signature, "vector {v}");
        }
    }
}

#[test]
fn tampered_body_prefix_or_length_is_rejected() {
    let sig = sign("k", b"body");
    assert!(verify("k", b"body", &sig));
    assert!(!verify("k", b"body ", &sig));
    assert!(!verify("k", b"body", sig.trim_start_matches("sha256=")));
    assert!(!verify("k", b"body", &sig[..sig.len() - 1]));
    assert!(!verify("k", b"body", ""));
    assert_eq!(SIGNATURE_HEADER, "X-Flamecast-Signature");
}
