//! Hand-written twin of the Spindle 0.4.46 types (plain serde), made once by make_twin.py.

use serde::{Deserialize, Serialize};
/// Payload carried by CHAT_SWITCHED core events.
#[doc(alias = "ChatSwitchedPayloadDTO")]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChatSwitchedPayloadDto {
    /// Id of the chat the user opened, or null when the user went back to the home screen.
    #[serde(rename = "chatId")]
    pub chat_id: Option<String>,
}
/// Theme variable overrides an extension asks the host to apply. (open object: its fields are not shown in the seeds)
#[doc(alias = "ThemeOverrideDTO")]
pub type ThemeOverrideDto = std::collections::BTreeMap<String, serde_json::Value>;
/// Palette intent (an accent colour in HSL, among others) from which the host derives the full light and dark theme. (open object: its fields are not shown in the seeds)
#[doc(alias = "ThemePaletteConfigDTO")]
pub type ThemePaletteConfigDto = std::collections::BTreeMap<String, serde_json::Value>;
/// Coarse lifecycle phase of a tracked frontend process.
#[doc(alias = "FrontendProcessStateDTO")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FrontendProcessStateDto {
    /// `"starting"`
    #[serde(rename = "starting")]
    Starting,
    /// `"running"`
    #[serde(rename = "running")]
    Running,
    /// `"stopping"`
    #[serde(rename = "stopping")]
    Stopping,
    /// `"stopped"`
    #[serde(rename = "stopped")]
    Stopped,
    /// `"completed"`
    #[serde(rename = "completed")]
    Completed,
    /// `"failed"`
    #[serde(rename = "failed")]
    Failed,
    /// `"timed_out"`
    #[serde(rename = "timed_out")]
    TimedOut,
    /// A value this version does not know, kept as received.
    #[serde(other)]
    Other,
}
/// Why a frontend process ended; attached to lifecycle events and snapshots when known.
#[doc(alias = "FrontendProcessExitReasonDTO")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FrontendProcessExitReasonDto {
    /// `"completed"`
    #[serde(rename = "completed")]
    Completed,
    /// `"failed"`
    #[serde(rename = "failed")]
    Failed,
    /// `"stopped"`
    #[serde(rename = "stopped")]
    Stopped,
    /// `"timed_out"`
    #[serde(rename = "timed_out")]
    TimedOut,
    /// `"frontend_unloaded"`
    #[serde(rename = "frontend_unloaded")]
    FrontendUnloaded,
    /// `"backend_unloaded"`
    #[serde(rename = "backend_unloaded")]
    BackendUnloaded,
    /// `"replaced"`
    #[serde(rename = "replaced")]
    Replaced,
    /// A value this version does not know, kept as received.
    #[serde(other)]
    Other,
}
/// Parameters a backend worker supplies to start a tracked frontend process.
#[doc(alias = "FrontendProcessSpawnOptionsDTO")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontendProcessSpawnOptionsDto {
    /// Name of the frontend handler registered for this kind of process through the frontend process registry.
    pub kind: String,
    /// Extension-chosen stable key used to deduplicate or replace processes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Startup data handed to the frontend handler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<serde_json::Value>,
    /// Free-form bookkeeping data stored with the process snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    /// Target user; only meaningful for operator-scoped extensions.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Milliseconds the frontend has to signal readiness before the spawn is rejected.
    #[serde(rename = "startupTimeoutMs")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup_timeout_ms: Option<f64>,
    /// Milliseconds without a heartbeat, once ready, after which the process is considered timed out.
    #[serde(rename = "heartbeatTimeoutMs")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_timeout_ms: Option<f64>,
    /// When true, an existing process with the same key for the same user is replaced.
    #[serde(rename = "replaceExisting")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_existing: Option<bool>,
}
/// Filter for listing tracked frontend processes; every field is optional.
#[doc(alias = "FrontendProcessListOptionsDTO")]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FrontendProcessListOptionsDto {
    /// Only list processes belonging to this user.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Only list processes of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Only list processes with this key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Only list processes in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<FrontendProcessStateDto>,
}
/// Host-tracked snapshot of a frontend process.
#[doc(alias = "FrontendProcessInfoDTO")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontendProcessInfoDto {
    /// Host-assigned process id, unique within the extension runtime.
    #[serde(rename = "processId")]
    pub process_id: String,
    /// Logical kind of the process.
    pub kind: String,
    /// Extension-chosen stable key, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Current lifecycle state.
    pub state: FrontendProcessStateDto,
    /// User the process belongs to.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Bookkeeping metadata supplied at spawn time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    /// Timestamp string of when the process was started.
    #[serde(rename = "startedAt")]
    pub started_at: String,
    /// Timestamp string of when the process signalled readiness.
    #[serde(rename = "readyAt")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_at: Option<String>,
    /// Timestamp string of the most recent heartbeat.
    #[serde(rename = "lastHeartbeatAt")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_heartbeat_at: Option<String>,
    /// Timestamp string of when the process ended.
    #[serde(rename = "endedAt")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    /// Why the process ended, when known.
    #[serde(rename = "exitReason")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_reason: Option<FrontendProcessExitReasonDto>,
    /// Error text for a failed process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
/// State-change notification sent to backend workers about a frontend process.
#[doc(alias = "FrontendProcessLifecycleEventDTO")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontendProcessLifecycleEventDto {
    /// Host-assigned process id, unique within the extension runtime.
    #[serde(rename = "processId")]
    pub process_id: String,
    /// Logical kind of the process.
    pub kind: String,
    /// Extension-chosen stable key, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// User the process belongs to.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// State the process has just entered.
    pub state: FrontendProcessStateDto,
    /// State the process was in before this transition.
    #[serde(rename = "previousState")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_state: Option<FrontendProcessStateDto>,
    /// Timestamp string of the transition.
    pub at: String,
    /// Why the process ended, for terminal transitions when known.
    #[serde(rename = "exitReason")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_reason: Option<FrontendProcessExitReasonDto>,
    /// Error text for a failed process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Bookkeeping metadata supplied at spawn time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}
/// Options for asking a frontend process to stop gracefully.
#[doc(alias = "FrontendProcessStopOptionsDTO")]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FrontendProcessStopOptionsDto {
    /// Target user; only meaningful for operator-scoped extensions.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Free-text reason passed to the frontend process's stop handler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
/// Coarse lifecycle phase of a tracked isolated backend subprocess.
#[doc(alias = "BackendProcessStateDTO")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BackendProcessStateDto {
    /// `"starting"`
    #[serde(rename = "starting")]
    Starting,
    /// `"running"`
    #[serde(rename = "running")]
    Running,
    /// `"stopping"`
    #[serde(rename = "stopping")]
    Stopping,
    /// `"stopped"`
    #[serde(rename = "stopped")]
    Stopped,
    /// `"completed"`
    #[serde(rename = "completed")]
    Completed,
    /// `"failed"`
    #[serde(rename = "failed")]
    Failed,
    /// `"timed_out"`
    #[serde(rename = "timed_out")]
    TimedOut,
    /// A value this version does not know, kept as received.
    #[serde(other)]
    Other,
}
/// Why an isolated backend subprocess ended; attached to lifecycle events and snapshots when known.
#[doc(alias = "BackendProcessExitReasonDTO")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BackendProcessExitReasonDto {
    /// `"completed"`
    #[serde(rename = "completed")]
    Completed,
    /// `"failed"`
    #[serde(rename = "failed")]
    Failed,
    /// `"stopped"`
    #[serde(rename = "stopped")]
    Stopped,
    /// `"timed_out"`
    #[serde(rename = "timed_out")]
    TimedOut,
    /// `"backend_unloaded"`
    #[serde(rename = "backend_unloaded")]
    BackendUnloaded,
    /// `"replaced"`
    #[serde(rename = "replaced")]
    Replaced,
    /// A value this version does not know, kept as received.
    #[serde(other)]
    Other,
}
/// Parameters a backend worker supplies to start a tracked isolated backend subprocess.
#[doc(alias = "BackendProcessSpawnOptionsDTO")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackendProcessSpawnOptionsDto {
    /// Built JavaScript entry file inside the extension repository, usually under dist/.
    pub entry: String,
    /// Logical label used for lifecycle filtering and deduplication; the host uses the entry value when it is omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Extension-chosen stable key used to deduplicate or replace processes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Startup data handed to the subprocess entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<serde_json::Value>,
    /// Free-form bookkeeping data stored with the process snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    /// Target user; only meaningful for operator-scoped extensions.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Milliseconds the subprocess has to signal readiness before the spawn is rejected.
    #[serde(rename = "startupTimeoutMs")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup_timeout_ms: Option<f64>,
    /// Milliseconds without a heartbeat, once ready, after which the process is considered timed out.
    #[serde(rename = "heartbeatTimeoutMs")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_timeout_ms: Option<f64>,
    /// When true, an existing process with the same key for the same user is replaced.
    #[serde(rename = "replaceExisting")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_existing: Option<bool>,
}
/// Filter for listing tracked backend subprocesses; every field is optional.
#[doc(alias = "BackendProcessListOptionsDTO")]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BackendProcessListOptionsDto {
    /// Only list processes belonging to this user.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Only list processes of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Only list processes with this key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Only list processes in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<BackendProcessStateDto>,
}
/// Host-tracked snapshot of an isolated backend subprocess.
#[doc(alias = "BackendProcessInfoDTO")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackendProcessInfoDto {
    /// Host-assigned process id, unique within the extension runtime.
    #[serde(rename = "processId")]
    pub process_id: String,
    /// Entry file the host spawned.
    pub entry: String,
    /// Logical kind of the process.
    pub kind: String,
    /// Extension-chosen stable key, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Current lifecycle state.
    pub state: BackendProcessStateDto,
    /// User the process belongs to.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Bookkeeping metadata supplied at spawn time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<std::collections::BTreeMap<String, serde_json::Value>>,
    /// Timestamp string of when the process was started.
    #[serde(rename = "startedAt")]
    pub started_at: String,
    /// Timestamp string of when the process signalled readiness.
    #[serde(rename = "readyAt")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_at: Option<String>,
    /// Timestamp string of the most recent heartbeat.
    #[serde(rename = "lastHeartbeatAt")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_heartbeat_at: Option<String>,
    /// Timestamp string of when the process ended.
    #[serde(rename = "endedAt")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    /// Why the process ended, when known.
    #[serde(rename = "exitReason")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_reason: Option<BackendProcessExitReasonDto>,
    /// Error text for a failed process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
/// State-change notification sent to backend workers about an isolated backend subprocess.
#[doc(alias = "BackendProcessLifecycleEventDTO")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackendProcessLifecycleEventDto {
    /// Host-assigned process id, unique within the extension runtime.
    #[serde(rename = "processId")]
    pub process_id: String,
    /// Entry file the host spawned.
    pub entry: String,
    /// Logical kind of the process.
    pub kind: String,
    /// Extension-chosen stable key, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// User the process belongs to.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// State the process has just entered.
    pub state: BackendProcessStateDto,
    /// State the process was in before this transition.
    #[serde(rename = "previousState")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_state: Option<BackendProcessStateDto>,
    /// Timestamp string of the transition.
    pub at: String,
    /// Why the process ended, for terminal transitions when known.
    #[serde(rename = "exitReason")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_reason: Option<BackendProcessExitReasonDto>,
    /// Error text for a failed process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Bookkeeping metadata supplied at spawn time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}
/// Options for asking an isolated backend subprocess to stop gracefully.
#[doc(alias = "BackendProcessStopOptionsDTO")]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BackendProcessStopOptionsDto {
    /// Target user; only meaningful for operator-scoped extensions.
    #[serde(rename = "userId")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Free-text reason passed to the subprocess's stop handler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
/// Messages an extension's backend worker sends to the host, tagged by `type`. Only the variants visible in the seeds are listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[allow(clippy::large_enum_variant)]
pub enum WorkerToHost {
    /// Close a modal that was opened by an earlier request.
    #[serde(rename = "modal_close")]
    ModalClose(worker_to_host::ModalClose),
    /// Show a confirmation dialog to the user.
    #[serde(rename = "confirm_open")]
    ConfirmOpen(worker_to_host::ConfirmOpen),
    /// Show a text input prompt to the user.
    #[serde(rename = "input_prompt_open")]
    InputPromptOpen(worker_to_host::InputPromptOpen),
    /// Start a tracked frontend process; the host replies once it is ready or the spawn fails.
    #[serde(rename = "frontend_process_spawn")]
    FrontendProcessSpawn(worker_to_host::FrontendProcessSpawn),
    /// List the tracked frontend processes visible to this extension, optionally filtered.
    #[serde(rename = "frontend_process_list")]
    FrontendProcessList(worker_to_host::FrontendProcessList),
    /// Fetch the current snapshot of one tracked frontend process.
    #[serde(rename = "frontend_process_get")]
    FrontendProcessGet(worker_to_host::FrontendProcessGet),
    /// Ask a tracked frontend process to stop gracefully.
    #[serde(rename = "frontend_process_stop")]
    FrontendProcessStop(worker_to_host::FrontendProcessStop),
    /// Send a process-scoped message to a tracked frontend process (no reply expected).
    #[serde(rename = "frontend_process_send")]
    FrontendProcessSend(worker_to_host::FrontendProcessSend),
    /// Start a tracked isolated backend subprocess; the host replies once it is ready or the spawn fails.
    #[serde(rename = "backend_process_spawn")]
    BackendProcessSpawn(worker_to_host::BackendProcessSpawn),
    /// List the tracked isolated backend subprocesses visible to this extension, optionally filtered.
    #[serde(rename = "backend_process_list")]
    BackendProcessList(worker_to_host::BackendProcessList),
    /// Fetch the current snapshot of one tracked isolated backend subprocess.
    #[serde(rename = "backend_process_get")]
    BackendProcessGet(worker_to_host::BackendProcessGet),
    /// Ask a tracked isolated backend subprocess to stop gracefully.
    #[serde(rename = "backend_process_stop")]
    BackendProcessStop(worker_to_host::BackendProcessStop),
    /// Send a process-scoped message to a tracked isolated backend subprocess (no reply expected).
    #[serde(rename = "backend_process_send")]
    BackendProcessSend(worker_to_host::BackendProcessSend),
    /// Expand the macros in a template string.
    #[serde(rename = "macros_resolve")]
    MacrosResolve(worker_to_host::MacrosResolve),
    /// List the image generation models offered by a connection (requires the image_gen permission).
    #[serde(rename = "image_gen_models")]
    ImageGenModels(worker_to_host::ImageGenModels),
    /// Apply theme variable overrides for this extension (requires the app_manipulation permission).
    #[serde(rename = "theme_apply")]
    ThemeApply(worker_to_host::ThemeApply),
    /// Apply a palette from which the host derives the theme; null clears this extension's palette override.
    #[serde(rename = "theme_apply_palette")]
    ThemeApplyPalette(worker_to_host::ThemeApplyPalette),
    /// Remove every theme override this extension applied.
    #[serde(rename = "theme_clear")]
    ThemeClear(worker_to_host::ThemeClear),
    /// Request a read-only snapshot of the user's current base theme.
    #[serde(rename = "theme_get_current")]
    ThemeGetCurrent(worker_to_host::ThemeGetCurrent),
    /// A message whose `type` this version does not know, kept as received.
    #[serde(other)]
    Unknown,
}
/// Variant payloads and inline types of [`WorkerToHost`].
pub mod worker_to_host {
use serde::{Deserialize, Serialize};
    /// Close a modal that was opened by an earlier request.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ModalClose {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// requestId of the message that opened the modal.
        #[serde(rename = "openRequestId")]
        pub open_request_id: String,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Show a confirmation dialog to the user.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ConfirmOpen {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Dialog title.
        pub title: String,
        /// Dialog body text.
        pub message: String,
        /// Visual style of the dialog.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub variant: Option<ConfirmOpenVariant>,
        /// Label of the confirm button.
        #[serde(rename = "confirmLabel")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub confirm_label: Option<String>,
        /// Label of the cancel button.
        #[serde(rename = "cancelLabel")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cancel_label: Option<String>,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Visual style of the dialog.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum ConfirmOpenVariant {
        /// `"info"`
        #[serde(rename = "info")]
        Info,
        /// `"warning"`
        #[serde(rename = "warning")]
        Warning,
        /// `"danger"`
        #[serde(rename = "danger")]
        Danger,
        /// `"success"`
        #[serde(rename = "success")]
        Success,
        /// A value this version does not know, kept as received.
        #[serde(other)]
        Other,
    }
    /// Show a text input prompt to the user.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct InputPromptOpen {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Prompt title.
        pub title: String,
        /// Explanatory text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub message: Option<String>,
        /// Placeholder shown in the empty input.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub placeholder: Option<String>,
        /// Initial input value.
        #[serde(rename = "defaultValue")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub default_value: Option<String>,
        /// Label of the submit button.
        #[serde(rename = "submitLabel")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub submit_label: Option<String>,
        /// Label of the cancel button.
        #[serde(rename = "cancelLabel")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cancel_label: Option<String>,
        /// Use a multi-line text area.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub multiline: Option<bool>,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Start a tracked frontend process; the host replies once it is ready or the spawn fails.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessSpawn {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// What to spawn and how to supervise it.
        pub options: super::FrontendProcessSpawnOptionsDto,
    }
    /// List the tracked frontend processes visible to this extension, optionally filtered.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessList {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Optional filter; all processes are listed when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub filter: Option<super::FrontendProcessListOptionsDto>,
    }
    /// Fetch the current snapshot of one tracked frontend process.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessGet {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
    }
    /// Ask a tracked frontend process to stop gracefully.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessStop {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
        /// Optional stop options.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub options: Option<super::FrontendProcessStopOptionsDto>,
    }
    /// Send a process-scoped message to a tracked frontend process (no reply expected).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessSend {
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
        /// Arbitrary JSON payload scoped to the process.
        pub payload: serde_json::Value,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Start a tracked isolated backend subprocess; the host replies once it is ready or the spawn fails.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessSpawn {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// What to spawn and how to supervise it.
        pub options: super::BackendProcessSpawnOptionsDto,
    }
    /// List the tracked isolated backend subprocesses visible to this extension, optionally filtered.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessList {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Optional filter; all processes are listed when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub filter: Option<super::BackendProcessListOptionsDto>,
    }
    /// Fetch the current snapshot of one tracked isolated backend subprocess.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessGet {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
    }
    /// Ask a tracked isolated backend subprocess to stop gracefully.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessStop {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
        /// Optional stop options.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub options: Option<super::BackendProcessStopOptionsDto>,
    }
    /// Send a process-scoped message to a tracked isolated backend subprocess (no reply expected).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessSend {
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
        /// Arbitrary JSON payload scoped to the process.
        pub payload: serde_json::Value,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Expand the macros in a template string.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct MacrosResolve {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Text containing macros.
        pub template: String,
        /// Chat providing macro context.
        #[serde(rename = "chatId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub chat_id: Option<String>,
        /// Character providing macro context.
        #[serde(rename = "characterId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub character_id: Option<String>,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
        /// Commit flag for the resolution (its effect is not documented in the seeds).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub commit: Option<bool>,
    }
    /// List the image generation models offered by a connection (requires the image_gen permission).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ImageGenModels {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Image generation connection to query.
        #[serde(rename = "connectionId")]
        pub connection_id: String,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Apply theme variable overrides for this extension (requires the app_manipulation permission).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ThemeApply {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Overrides to apply.
        pub overrides: super::ThemeOverrideDto,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Apply a palette from which the host derives the theme; null clears this extension's palette override.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ThemeApplyPalette {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Palette to apply, or null to remove the current palette override.
        pub palette: Option<super::ThemePaletteConfigDto>,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Remove every theme override this extension applied.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ThemeClear {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    /// Request a read-only snapshot of the user's current base theme.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ThemeGetCurrent {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
        /// Target user; only meaningful for operator-scoped extensions.
        #[serde(rename = "userId")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
}
/// Messages the host sends to an extension's backend worker, tagged by `type`. Only the variants visible in the seeds are listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[allow(clippy::large_enum_variant)]
pub enum HostToWorker {
    /// Tells the worker to shut down.
    #[serde(rename = "shutdown")]
    Shutdown(host_to_worker::Shutdown),
    /// Relays a message the extension's frontend module sent to its backend.
    #[serde(rename = "frontend_message")]
    FrontendMessage(host_to_worker::FrontendMessage),
    /// Reports a state change of a tracked frontend process.
    #[serde(rename = "frontend_process_lifecycle")]
    FrontendProcessLifecycle(host_to_worker::FrontendProcessLifecycle),
    /// Delivers a process-scoped message sent by a tracked frontend process.
    #[serde(rename = "frontend_process_message")]
    FrontendProcessMessage(host_to_worker::FrontendProcessMessage),
    /// Reports a state change of a tracked isolated backend subprocess.
    #[serde(rename = "backend_process_lifecycle")]
    BackendProcessLifecycle(host_to_worker::BackendProcessLifecycle),
    /// Delivers a process-scoped message sent by a tracked isolated backend subprocess.
    #[serde(rename = "backend_process_message")]
    BackendProcessMessage(host_to_worker::BackendProcessMessage),
    /// Delivers the result of an OAuth flow started by an earlier request. Only `type` and `requestId` are visible in the seeds, so other members are allowed and left untyped.
    #[serde(rename = "oauth_callback")]
    OauthCallback(host_to_worker::OauthCallback),
    /// A message whose `type` this version does not know, kept as received.
    #[serde(other)]
    Unknown,
}
/// Variant payloads and inline types of [`HostToWorker`].
pub mod host_to_worker {
use serde::{Deserialize, Serialize};
    /// Tells the worker to shut down.
    #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
    pub struct Shutdown {}
    /// Relays a message the extension's frontend module sent to its backend.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendMessage {
        /// Arbitrary JSON sent by the frontend.
        pub payload: serde_json::Value,
        /// User whose frontend sent the message.
        #[serde(rename = "userId")]
        pub user_id: String,
    }
    /// Reports a state change of a tracked frontend process.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessLifecycle {
        /// The lifecycle transition.
        pub event: super::FrontendProcessLifecycleEventDto,
    }
    /// Delivers a process-scoped message sent by a tracked frontend process.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct FrontendProcessMessage {
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
        /// Arbitrary JSON payload scoped to the process.
        pub payload: serde_json::Value,
        /// User the process belongs to.
        #[serde(rename = "userId")]
        pub user_id: String,
    }
    /// Reports a state change of a tracked isolated backend subprocess.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessLifecycle {
        /// The lifecycle transition.
        pub event: super::BackendProcessLifecycleEventDto,
    }
    /// Delivers a process-scoped message sent by a tracked isolated backend subprocess.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BackendProcessMessage {
        /// Host-assigned process id, unique within the extension runtime.
        #[serde(rename = "processId")]
        pub process_id: String,
        /// Arbitrary JSON payload scoped to the process.
        pub payload: serde_json::Value,
        /// User the process belongs to.
        #[serde(rename = "userId")]
        pub user_id: String,
    }
    /// Delivers the result of an OAuth flow started by an earlier request. Only `type` and `requestId` are visible in the seeds, so other members are allowed and left untyped.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct OauthCallback {
        /// Correlation id linking a request and its reply.
        #[serde(rename = "requestId")]
        pub request_id: String,
    }
}
/// Wire names of core application events (the string values of the TypeScript enum CoreEventType). Only the members visible in the seeds are listed; the real enum continues past MESSAGE_DELETED.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CoreEventType {
    /// `"CONNECTED"`
    #[serde(rename = "CONNECTED")]
    Connected,
    /// `"CHAT_CHANGED"`
    #[serde(rename = "CHAT_CHANGED")]
    ChatChanged,
    /// `"CHAT_SWITCHED"`
    #[serde(rename = "CHAT_SWITCHED")]
    ChatSwitched,
    /// `"MESSAGE_SENT"`
    #[serde(rename = "MESSAGE_SENT")]
    MessageSent,
    /// `"MESSAGE_EDITED"`
    #[serde(rename = "MESSAGE_EDITED")]
    MessageEdited,
    /// `"MESSAGE_DELETED"`
    #[serde(rename = "MESSAGE_DELETED")]
    MessageDeleted,
    /// A value this version does not know, kept as received.
    #[serde(other)]
    Other,
}
