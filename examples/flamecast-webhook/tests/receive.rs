//! Good, tampered, missing and wrong-secret signatures, and a signed body that does not decode.

use flamecast_webhook::{Rejected, receive, summary};
use wiregen_generated::flamecast_webhook::sign;

const SECRET: &str = "whsec_test_secret";
const BODY: &str = r#"{"sessionId":"sess-01","eventId":"evt-1","timestamp":"2025-06-01T10:00:05.000Z","event":{"type":"end_turn","data":{"promptResponse":{"stopReason":"end_turn"}}}}"#;
/// From Flamecast's signature vectors (generated/tests/corpus/flamecast/webhook_vectors.json).
const SIGNATURE: &str = "sha256=315310e5679791aef2ad066313fa433c0911c7ca18456159d6a4909935ba3fc2";

#[test]
fn a_good_signature_yields_the_payload() {
    let payload = receive(SECRET, Some(SIGNATURE), BODY.as_bytes()).unwrap();
    assert_eq!(payload.session_id, "sess-01");
    assert_eq!(summary(&payload), "sess-01 evt-1: turn ended");
}

#[test]
fn tampered_bodies_and_signatures_are_rejected() {
    let tampered = BODY.replace("sess-01", "sess-02");
    assert!(matches!(
        receive(SECRET, Some(SIGNATURE), tampered.as_bytes()),
        Err(Rejected::BadSignature)
    ));
    let mut sig = SIGNATURE.to_string();
    sig.replace_range(sig.len() - 1.., "3");
    assert!(matches!(
        receive(SECRET, Some(&sig), BODY.as_bytes()),
        Err(Rejected::BadSignature)
    ));
    let upper = SIGNATURE.to_uppercase();
    assert!(matches!(
        receive(SECRET, Some(&upper), BODY.as_bytes()),
        Err(Rejected::BadSignature)
    ));
    assert!(matches!(
        receive("whsec_other", Some(SIGNATURE), BODY.as_bytes()),
        Err(Rejected::BadSignature)
    ));
    assert!(matches!(
        receive(SECRET, None, BODY.as_bytes()),
        Err(Rejected::MissingSignature)
    ));
}

#[test]
fn a_signed_body_that_is_not_a_payload_names_the_field() {
    let body =
        br#"{"sessionId":"s","eventId":"e","timestamp":"t","event":{"type":"end_turn","data":[]}}"#;
    let err = receive(SECRET, Some(&sign(SECRET, body)), body).unwrap_err();
    assert!(
        err.to_string().starts_with("invalid payload: event.data: "),
        "{err}"
    );
}
