//! Acceptance: the seed version pairs. Each report lists exactly the wire-relevant changes the
//! seed diff shows (`../shared/seeds/`, reconciled in `schemas/README.md`) and nothing else:
//! the lists below are written from the seeds, and the rendered reports are snapshotted.

use super::{lines, report, settings};
use crate::repo_root;
use wiregen::diff::{Api, Report, RuleId, Verdict, report as render};

fn seed(protocol: &str, old: &str, new: &str) -> Report {
    let file = |v: &str| repo_root().join(format!("schemas/{protocol}/{v}.json"));
    report(
        &file(old),
        &file(new),
        &format!("{protocol} {old}"),
        &format!("{protocol} {new}"),
    )
}

fn check(protocol: &str, old: &str, new: &str, expected: &str) -> Report {
    let r = seed(protocol, old, new);
    assert_eq!(lines(&r), expected, "{protocol} {old} → {new}");
    let name = format!("diff__{protocol}_{old}_{new}");
    settings().bind(|| insta::assert_snapshot!(name, render::text(&r, false)));
    r
}

/// Seed 001 (0.4.43 → 0.4.45): frontend and backend processes, and the nullable palette.
#[test]
fn spindle_0_4_43_to_0_4_45() {
    let r = check(
        "lumiverse-spindle",
        "0.4.43",
        "0.4.45",
        "FrontendProcessStateDTO type-added
FrontendProcessExitReasonDTO type-added
FrontendProcessSpawnOptionsDTO type-added
FrontendProcessListOptionsDTO type-added
FrontendProcessInfoDTO type-added
FrontendProcessLifecycleEventDTO type-added
FrontendProcessStopOptionsDTO type-added
BackendProcessStateDTO type-added
BackendProcessExitReasonDTO type-added
BackendProcessSpawnOptionsDTO type-added
BackendProcessListOptionsDTO type-added
BackendProcessInfoDTO type-added
BackendProcessLifecycleEventDTO type-added
BackendProcessStopOptionsDTO type-added
WorkerToHost variant-added frontend_process_spawn
WorkerToHost variant-added frontend_process_list
WorkerToHost variant-added frontend_process_get
WorkerToHost variant-added frontend_process_stop
WorkerToHost variant-added frontend_process_send
WorkerToHost variant-added backend_process_spawn
WorkerToHost variant-added backend_process_list
WorkerToHost variant-added backend_process_get
WorkerToHost variant-added backend_process_stop
WorkerToHost variant-added backend_process_send
WorkerToHost nullable-added theme_apply_palette.palette
HostToWorker variant-added frontend_process_lifecycle
HostToWorker variant-added frontend_process_message
HostToWorker variant-added backend_process_lifecycle
HostToWorker variant-added backend_process_message
",
    );
    // The palette may now be `null`: fine for old senders, breaking for old receivers that
    // assume a value, and `Option` appears in the Rust API.
    let palette = r
        .changes()
        .find(|c| c.rule == RuleId::NullableAdded)
        .expect("palette change");
    assert_eq!(palette.old.as_deref(), Some("ThemePaletteConfigDTO"));
    assert_eq!(palette.new.as_deref(), Some("ThemePaletteConfigDTO | null"));
    assert_eq!(palette.old_to_new(), Verdict::Compatible);
    assert_eq!(palette.new_to_old(), Verdict::Breaking);
    assert_eq!(palette.api, Api::Breaking);
    let worker = &r.routes[0];
    assert_eq!(
        (worker.name.as_str(), worker.direction.as_deref()),
        ("WorkerToHost", Some("worker → host"))
    );
    assert_eq!(
        (worker.old_to_new, worker.new_to_old),
        (Verdict::Compatible, Verdict::Breaking)
    );
    settings().bind(|| {
        insta::assert_snapshot!(
            "diff__json_lumiverse-spindle_0.4.43_0.4.45",
            render::json(&r)
        );
        insta::assert_snapshot!(
            "diff__markdown_lumiverse-spindle_0.4.43_0.4.45",
            render::markdown(&r)
        );
    });
}

/// Seed 000 (0.4.44 → 0.4.46): backend processes and `CHAT_SWITCHED`; the palette is the same.
#[test]
fn spindle_0_4_44_to_0_4_46() {
    check(
        "lumiverse-spindle",
        "0.4.44",
        "0.4.46",
        "ChatSwitchedPayloadDTO type-added
BackendProcessStateDTO type-added
BackendProcessExitReasonDTO type-added
BackendProcessSpawnOptionsDTO type-added
BackendProcessListOptionsDTO type-added
BackendProcessInfoDTO type-added
BackendProcessLifecycleEventDTO type-added
BackendProcessStopOptionsDTO type-added
WorkerToHost variant-added backend_process_spawn
WorkerToHost variant-added backend_process_list
WorkerToHost variant-added backend_process_get
WorkerToHost variant-added backend_process_stop
WorkerToHost variant-added backend_process_send
HostToWorker variant-added backend_process_lifecycle
HostToWorker variant-added backend_process_message
CoreEventType enum-value-added \"CHAT_SWITCHED\"
",
    );
}

/// Seed 002 (0.20.0 → 0.22.0): background-worker DTOs and one permission; the message protocol
/// (from the removed source map) is the same in both versions.
#[test]
fn stina_0_20_0_to_0_22_0() {
    check(
        "stina-extension-api",
        "0.20.0",
        "0.22.0",
        "CapabilityPermission enum-value-added \"background.workers\"
BackgroundRestartPolicy type-added
BackgroundTaskConfig type-added
BackgroundTaskHealth type-added
",
    );
}

/// Seed 003 (0.5.0 → 0.6.0): six methods (values of `Method` and methods of the manifest),
/// providers, render blocks, the event bus, and `set_widget.widget` going from a cut-off type
/// (any) to `RenderBlock`.
#[test]
fn sep_0_5_0_to_0_6_0() {
    let r = check(
        "smooth-extension-protocol",
        "0.5.0",
        "0.6.0",
        "Method enum-value-added \"session/set_model\"
Method enum-value-added \"provider/complete\"
Method enum-value-added \"provider/delta\"
Method enum-value-added \"provider/oauth_login\"
Method enum-value-added \"provider/oauth_refresh\"
Method enum-value-added \"bus/publish\"
EventName type-added
ProviderModel type-added
ProviderRegistration type-added
MessageRendererRegistration type-added
Registrations field-added-optional providers
Registrations field-added-optional hooks
Registrations field-added-optional message_renderers
Keybinding type-added
RenderBlock type-added
BusEventPayload type-added
WidgetKeyPayload type-added
UiRequestParams type-narrowed set_widget.widget
SessionSetModelParams type-added
ProviderStreamEvent type-added
ProviderCompleteParams type-added
ProviderToolCall type-added
ProviderUsage type-added
ProviderCompleteResult type-added
ProviderDeltaParams type-added
ProviderOAuthParams type-added
ProviderCredentials type-added
BusPublish type-added
session/set_model method-added
provider/complete method-added
provider/delta method-added
provider/oauth_login method-added
provider/oauth_refresh method-added
bus/publish method-added
",
    );
    let widget = r
        .changes()
        .find(|c| c.rule == RuleId::TypeNarrowed)
        .expect("widget");
    assert_eq!(
        (widget.old.as_deref(), widget.new.as_deref()),
        (Some("any"), Some("RenderBlock"))
    );
}

#[test]
fn a_version_against_itself_has_no_changes() {
    for (protocol, version) in [
        ("lumiverse-spindle", "0.4.46"),
        ("stina-extension-api", "0.22.0"),
        ("smooth-extension-protocol", "0.6.0"),
        ("flamecast", "0.1.1"),
    ] {
        let r = seed(protocol, version, version);
        assert_eq!(lines(&r), "", "{protocol} {version}");
    }
}
