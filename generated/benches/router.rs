//! The cost of routing one JSON-RPC frame (frame bytes → typed handler call → response bytes)
//! with the generated SEP router, against a baseline that parses into `serde_json::Value` and
//! matches the method string by hand, and against the parts that are not dispatch: decoding the
//! params and encoding the result. Run with `cargo bench -p wiregen-generated --bench router`;
//! see BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;
use wiregen_generated::smooth_extension_protocol::{
    self as sep, ExtensionServer, ProviderCompleteParams, ProviderCompleteResult,
    ProviderCredentials, ProviderOAuthParams,
};
use wiregen_runtime::jsonrpc::{self, Outbox, Reply};

/// A server whose handlers do almost nothing, so the benchmark measures the plumbing.
struct Server;

fn answer(p: &ProviderCompleteParams) -> ProviderCompleteResult {
    ProviderCompleteResult {
        content: Some(format!("{} messages", p.messages.len())),
        finish_reason: Some("stop".into()),
        ..Default::default()
    }
}

impl ExtensionServer for Server {
    fn provider_complete(
        &mut self,
        p: ProviderCompleteParams,
        _: &mut Outbox,
    ) -> Reply<ProviderCompleteResult> {
        Ok(answer(&p))
    }

    fn provider_oauth_refresh(
        &mut self,
        p: ProviderOAuthParams,
        _: &mut Outbox,
    ) -> Reply<ProviderCredentials> {
        Ok(ProviderCredentials {
            api_key: Some(p.provider),
            ..Default::default()
        })
    }
}

const FRAME: &str = r#"{"jsonrpc":"2.0","id":42,"method":"provider/complete","params":{"request_id":"c-42","provider":"anthropic","model":"claude","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Summarise the release notes in three bullet points, please."}],"stream":false,"thinking":"low"}}"#;

/// The baseline: parse into a `Value`, match the method by hand, decode params from the value.
fn baseline(frame: &[u8]) -> Vec<u8> {
    let v: Value = serde_json::from_slice(frame).expect("valid frame");
    let id = v["id"].clone();
    let body = match v["method"].as_str() {
        Some("provider/complete") => {
            let p: ProviderCompleteParams =
                serde_json::from_value(v["params"].clone()).expect("params");
            serde_json::json!({"jsonrpc": "2.0", "id": id, "result": answer(&p)})
        }
        Some("provider/oauth_refresh") => {
            let p: ProviderOAuthParams =
                serde_json::from_value(v["params"].clone()).expect("params");
            serde_json::json!({"jsonrpc": "2.0", "id": id, "result": {"apiKey": p.provider}})
        }
        _ => {
            serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32601, "message": "method not found"}})
        }
    };
    serde_json::to_vec(&body).expect("encode")
}

fn bench(c: &mut Criterion) {
    let router = sep::extension_router::<Server>();
    let frame = FRAME.as_bytes();
    let routed = router.handle(&mut Server, frame).frames;
    let expected: Value = serde_json::from_slice(&baseline(frame)).unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&routed[0]).unwrap(),
        expected,
        "router and baseline agree"
    );

    let params_text = {
        let v: Value = serde_json::from_str(FRAME).unwrap();
        v["params"].to_string()
    };
    let result = answer(&serde_json::from_str(&params_text).unwrap());

    let mut g = c.benchmark_group("router");
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    g.throughput(Throughput::Elements(1));
    g.bench_function("generated_router", |b| {
        b.iter(|| router.handle(&mut Server, black_box(frame)))
    });
    g.bench_function("value_baseline", |b| b.iter(|| baseline(black_box(frame))));
    g.bench_function("params_decode_only", |b| {
        b.iter(|| serde_json::from_str::<ProviderCompleteParams>(black_box(&params_text)).unwrap())
    });
    g.bench_function("result_encode_only", |b| {
        b.iter(|| serde_json::to_vec(black_box(&result)).unwrap())
    });
    // The work any typed decoder does: split the frame, decode the params.
    g.bench_function("frame_decode_only", |b| {
        b.iter(|| match jsonrpc::Frame::parse(black_box(frame)) {
            Ok(jsonrpc::Frame::Request {
                params: Some(p), ..
            }) => serde_json::from_str::<ProviderCompleteParams>(p.get()).unwrap(),
            _ => unreachable!("the benchmark frame is a request with params"),
        })
    });
    // The handler's own work and the response frame: what the router adds on top is dispatch.
    let params: ProviderCompleteParams = serde_json::from_str(&params_text).unwrap();
    g.bench_function("handler_and_response_only", |b| {
        b.iter(|| {
            let r = answer(black_box(&params));
            jsonrpc::response_frame(Some(&jsonrpc::Id::Number(42)), Ok(&r))
        })
    });
    // Everything the router does except dispatch, written by hand in one pass: split the
    // frame, decode the params, call the handler, write the response frame. The router minus
    // this is the dispatch overhead, measured under the same load.
    g.bench_function("by_hand_without_dispatch", |b| {
        b.iter(|| match jsonrpc::Frame::parse(black_box(frame)) {
            Ok(jsonrpc::Frame::Request {
                id,
                params: Some(p),
                ..
            }) => {
                let params = serde_json::from_str::<ProviderCompleteParams>(p.get()).unwrap();
                let r = answer(&params);
                jsonrpc::response_frame(Some(&id), Ok(&r))
            }
            _ => unreachable!("the benchmark frame is a request with params"),
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
