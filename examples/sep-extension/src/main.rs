//! A Smooth Extension Protocol extension: JSON-RPC 2.0 over stdin/stdout, one frame per line.
//! The protocol's types, server trait and router come from `include_protocol!` at compile time.
//!
//! `echo '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}' | cargo run -q -p sep-extension`
#![deny(missing_docs, warnings)]

use std::io::{self, Write};
use wiregen_runtime::jsonrpc::{Outbox, Reply, ndjson};
use wiregen_runtime::serde_json::{Value, json};

/// The SEP types (0.6.0), generated from the schema when this crate compiles.
pub mod sep {
    wiregen_runtime::include_protocol!("../../schemas/smooth-extension-protocol/0.6.0.json");
}

/// The extension: an `echo` tool.
#[derive(Default)]
struct Echo {
    shut_down: bool,
}

impl sep::ExtensionServer for Echo {
    fn initialize(
        &mut self,
        _: sep::InitializeParams,
        _: &mut Outbox,
    ) -> Reply<sep::InitializeResult> {
        let mut result = sep::InitializeResult::new();
        result.insert("name".into(), json!("echo"));
        result.insert("tools".into(), json!(["echo"]));
        Ok(result)
    }

    fn tool_execute(
        &mut self,
        params: sep::ToolExecuteParams,
        _: &mut Outbox,
    ) -> Reply<sep::ToolExecuteResult> {
        let text = params
            .get("input")
            .and_then(|i| i.get("text"))
            .cloned()
            .unwrap_or(Value::Null);
        Ok([("output".to_string(), text)].into_iter().collect())
    }

    fn shutdown(&mut self, _: (), _: &mut Outbox) -> Reply<Value> {
        self.shut_down = true;
        Ok(Value::Null)
    }
}

fn main() -> io::Result<()> {
    let router = sep::extension_router::<Echo>();
    let mut echo = Echo::default();
    let stdin = io::stdin();
    let mut frames = ndjson::Reader::new(stdin.lock());
    let mut out = ndjson::Writer::new(io::stdout().lock());
    while let Some(frame) = frames.read_frame()? {
        for reply in router.handle(&mut echo, frame).frames {
            out.write_frame(&reply)?;
        }
        if echo.shut_down {
            break;
        }
    }
    out.into_inner().flush()
}
