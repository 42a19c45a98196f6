//! Decoding speed of nested message unions on an MCP-sized corpus: `#[derive(wg::Union)]`
//! against serde's `#[serde(tag = ...)]`, with larger messages than the Spindle corpus of
//! `unions.rs` and a union inside the payload (content blocks inside sampling messages, as in
//! the Model Context Protocol).
//!
//! The types are written here in MCP's shape (a JSON-RPC message union tagged by `method`
//! whose params hold lists of content blocks, a union tagged by `type`); the payload structs
//! are generic over the content union so that both decoders share them. The corpus is made by
//! `corpus()`: 48 messages (617 bytes on average), written with the outer tag first (`tag_first`) and
//! last (`tag_last`); inner content blocks always write `type` first, as MCP's SDKs do. Run with
//! `cargo bench -p wiregen-generated --bench unions_mcp`; see BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wiregen_runtime as wg;

/// A text block.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct TextContent {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotations: Option<Annotations>,
}

/// Who a block is for and how much it matters.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Annotations {
    audience: Vec<String>,
    priority: f64,
}

/// An image block (base64 data).
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct ImageContent {
    data: String,
    mime_type: String,
}

/// A resource embedded in a block.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct EmbeddedResource {
    resource: ResourceContents,
}

/// The text of a resource.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct ResourceContents {
    uri: String,
    mime_type: String,
    text: String,
}

/// A link to a resource.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct ResourceLink {
    uri: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

/// The content union, as `#[derive(wg::Union)]` writes it.
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type")]
enum Content {
    #[wiregen(rename = "text")]
    Text(TextContent),
    #[wiregen(rename = "image")]
    Image(ImageContent),
    #[wiregen(rename = "resource")]
    Resource(EmbeddedResource),
    #[wiregen(rename = "resource_link")]
    ResourceLink(ResourceLink),
}

/// The same union with serde's internally tagged representation.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", tag = "type")]
enum TwinContent {
    #[serde(rename = "text")]
    Text(TextContent),
    #[serde(rename = "image")]
    Image(ImageContent),
    #[serde(rename = "resource")]
    Resource(EmbeddedResource),
    #[serde(rename = "resource_link")]
    ResourceLink(ResourceLink),
}

/// One message of a sampling request.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct SamplingMessage<C> {
    role: String,
    content: C,
}

/// `sampling/createMessage` params.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct CreateMessageParams<C> {
    messages: Vec<SamplingMessage<C>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    system_prompt: Option<String>,
    max_tokens: i64,
}

/// A request with params.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Request<P> {
    jsonrpc: String,
    id: i64,
    params: P,
}

/// A notification with params.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Notification<P> {
    jsonrpc: String,
    params: P,
}

/// `notifications/progress` params.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct Progress {
    progress_token: String,
    progress: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// `notifications/message` params (a log entry).
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct LogMessage {
    level: String,
    logger: String,
    data: wg::Value,
}

/// Params of a tool's result pushed to the client (content blocks and structured output).
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", rename_all = "camelCase")]
struct ToolResult<C> {
    content: Vec<C>,
    structured_content: wg::Value,
    is_error: bool,
}

/// The message union, as `#[derive(wg::Union)]` writes it.
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "method")]
enum Message {
    #[wiregen(rename = "sampling/createMessage")]
    Sampling(Request<CreateMessageParams<Content>>),
    #[wiregen(rename = "notifications/progress")]
    Progress(Notification<Progress>),
    #[wiregen(rename = "notifications/message")]
    Log(Notification<LogMessage>),
    #[wiregen(rename = "notifications/tools/result")]
    ToolResult(Notification<ToolResult<Content>>),
}

/// The same union with serde's internally tagged representation (and the twin content).
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde", tag = "method")]
enum Twin {
    #[serde(rename = "sampling/createMessage")]
    Sampling(Request<CreateMessageParams<TwinContent>>),
    #[serde(rename = "notifications/progress")]
    Progress(Notification<Progress>),
    #[serde(rename = "notifications/message")]
    Log(Notification<LogMessage>),
    #[serde(rename = "notifications/tools/result")]
    ToolResult(Notification<ToolResult<TwinContent>>),
}

/// JSON string literal.
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

/// A content block, `type` first; `k` picks the kind and sizes.
fn block(i: usize, k: usize) -> String {
    let words = "the quick brown fox jumps over the lazy dog while the server streams results ";
    match k % 4 {
        0 => format!(
            r#"{{"type":"text","text":{},"annotations":{{"audience":["user","assistant"],"priority":0.{}}}}}"#,
            q(&words.repeat(1 + i % 5)),
            1 + i % 9
        ),
        1 => format!(
            r#"{{"type":"image","data":{},"mimeType":"image/png"}}"#,
            q(&"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB".repeat(4 + i % 12))
        ),
        2 => format!(
            r#"{{"type":"resource","resource":{{"uri":"file:///project/src/module_{i}.rs","mimeType":"text/x-rust","text":{}}}}}"#,
            q(&"fn main() { println!(\"hello\"); }\n".repeat(2 + i % 6))
        ),
        _ => format!(
            r#"{{"type":"resource_link","uri":"file:///project/docs/page_{i}.md","name":"page {i}","description":"Documentation page {i} of the project."}}"#
        ),
    }
}

/// The corpus: 48 messages, each as (entries without the tag, the tag's entry).
fn corpus() -> Vec<(Vec<String>, String)> {
    (0..48)
        .map(|i| {
            let rpc = r#""jsonrpc":"2.0""#.to_string();
            match i % 4 {
                0 => {
                    let messages: Vec<String> = (0..2 + i % 4)
                        .map(|m| {
                            format!(
                                r#"{{"role":{},"content":{}}}"#,
                                q(if m % 2 == 0 { "user" } else { "assistant" }),
                                block(i + m, i + m)
                            )
                        })
                        .collect();
                    let params = format!(
                        r#""params":{{"messages":[{}],"systemPrompt":"You are a careful assistant.","maxTokens":{}}}"#,
                        messages.join(","),
                        256 + i
                    );
                    (
                        vec![rpc, format!(r#""id":{i}"#), params],
                        r#""method":"sampling/createMessage""#.to_string(),
                    )
                }
                1 => (
                    vec![
                        rpc,
                        format!(
                            r#""params":{{"progressToken":"tok-{i}","progress":{}.5,"total":100.0,"message":"indexing file {i}"}}"#,
                            i * 2
                        ),
                    ],
                    r#""method":"notifications/progress""#.to_string(),
                ),
                2 => (
                    vec![
                        rpc,
                        format!(
                            r#""params":{{"level":"info","logger":"indexer","data":{{"file":"src/module_{i}.rs","symbols":[{}],"elapsedMs":{}}}}}"#,
                            (0..5 + i % 7).map(|s| format!("\"sym_{s}\"")).collect::<Vec<_>>().join(","),
                            3 * i + 1
                        ),
                    ],
                    r#""method":"notifications/message""#.to_string(),
                ),
                _ => {
                    let content: Vec<String> = (0..3 + i % 3).map(|b| block(i + b, b + i / 4)).collect();
                    (
                        vec![
                            rpc,
                            format!(
                                r#""params":{{"content":[{}],"structuredContent":{{"matches":{},"files":["a.rs","b.rs"]}},"isError":false}}"#,
                                content.join(","),
                                i
                            ),
                        ],
                        r#""method":"notifications/tools/result""#.to_string(),
                    )
                }
            }
        })
        .collect()
}

/// The corpus texts with the outer tag first or last, and their total size.
fn render(tag_first: bool) -> (Vec<String>, u64) {
    let texts: Vec<String> = corpus()
        .into_iter()
        .map(|(mut entries, tag)| {
            if tag_first {
                entries.insert(0, tag);
            } else {
                entries.push(tag);
            }
            format!("{{{}}}", entries.join(","))
        })
        .collect();
    let bytes = texts.iter().map(|t| t.len() as u64).sum();
    (texts, bytes)
}

/// Checks, outside the timing, that both decoders read every message to the same JSON and
/// that both encoders write the same text.
fn check(texts: &[String]) {
    for text in texts {
        let original: wg::Value = serde_json::from_str(text).expect("corpus is JSON");
        let derive: Message = serde_json::from_str(text).expect("derive decodes");
        let twin: Twin = serde_json::from_str(text).expect("serde_tagged decodes");
        assert_eq!(serde_json::to_value(&derive).expect("encode"), original);
        assert_eq!(
            serde_json::to_string(&derive).expect("encode derive"),
            serde_json::to_string(&twin).expect("encode twin"),
            "derive and serde_tagged encode differently: {text}"
        );
    }
}

fn decode(c: &mut Criterion, name: &str, texts: &[String], bytes: u64) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("derive", |b| {
        b.iter(|| {
            for text in texts {
                let message: Message = serde_json::from_str(black_box(text)).expect("derive");
                black_box(message);
            }
        })
    });
    group.bench_function("serde_tagged", |b| {
        b.iter(|| {
            for text in texts {
                let message: Twin = serde_json::from_str(black_box(text)).expect("serde_tagged");
                black_box(message);
            }
        })
    });
    group.finish();
}

fn unions_mcp(c: &mut Criterion) {
    let (first, first_bytes) = render(true);
    let (last, last_bytes) = render(false);
    check(&first);
    check(&last);
    eprintln!(
        "corpus: {} MCP-shaped messages, {first_bytes} bytes (tag first), {last_bytes} bytes (tag last)",
        first.len()
    );
    decode(c, "mcp_decode/tag_first", &first, first_bytes);
    decode(c, "mcp_decode/tag_last", &last, last_bytes);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(30);
    targets = unions_mcp
}
criterion_main!(benches);
