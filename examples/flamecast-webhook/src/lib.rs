//! A Flamecast webhook receiver: verify the `X-Flamecast-Signature` header against the raw body,
//! then decode the body as a `WebhookPayload`, using the checked-in `wiregen-generated` crate.
#![deny(missing_docs, warnings)]

use std::fmt;
use wiregen_generated::flamecast::{WebhookEventType, WebhookPayload};
use wiregen_generated::flamecast_webhook::{SIGNATURE_HEADER, verify};

/// Why a delivery was rejected (answer `401` for the first two, `400` for the last).
#[derive(Debug)]
pub enum Rejected {
    /// The request has no signature header.
    MissingSignature,
    /// The signature does not match the body under our secret.
    BadSignature,
    /// The signature is right but the body is not a `WebhookPayload` (the error names the field).
    BadPayload(wiregen_runtime::Error),
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::MissingSignature => write!(f, "missing {SIGNATURE_HEADER} header"),
            Rejected::BadSignature => f.write_str("signature does not match the body"),
            Rejected::BadPayload(e) => write!(f, "invalid payload: {e}"),
        }
    }
}

impl std::error::Error for Rejected {}

/// Checks one delivery: the signature header value (if any) and the body bytes exactly as
/// received. Only a verified body is parsed.
pub fn receive(
    secret: &str,
    signature: Option<&str>,
    body: &[u8],
) -> Result<WebhookPayload, Rejected> {
    let signature = signature.ok_or(Rejected::MissingSignature)?;
    if !verify(secret, body, signature) {
        return Err(Rejected::BadSignature);
    }
    wiregen_runtime::from_slice(body).map_err(Rejected::BadPayload)
}

/// A one-line summary of a delivery, as a receiver might log it.
pub fn summary(payload: &WebhookPayload) -> String {
    let what = match &payload.event.r#type {
        WebhookEventType::EndTurn => "turn ended".to_string(),
        WebhookEventType::SessionEnd => "session ended".to_string(),
        WebhookEventType::PermissionRequest => "permission requested".to_string(),
        WebhookEventType::Error => format!(
            "error: {}",
            payload
                .event
                .data
                .get("message")
                .and_then(|m| m.as_str())
                .unwrap_or("?")
        ),
        other => format!("event {other}"),
    };
    format!("{} {}: {what}", payload.session_id, payload.event_id)
}
