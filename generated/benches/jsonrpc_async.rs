//! Requests per second over the async JSON-RPC connection (`wiregen-runtime`, feature `tokio`):
//! a typed client sends SEP `provider/complete` requests (the router bench's frame) to a server
//! connection over ndjson, on one current-thread tokio runtime, through an in-memory
//! `tokio::io::duplex` pipe and through a Unix socket pair (kernel loopback). Two shapes: one
//! request at a time (round-trip latency) and 64 in flight at once (throughput). Run with
//! `cargo bench -p wiregen-generated --bench jsonrpc_async`; see BENCHMARKS.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::runtime::Runtime;
use wiregen_generated::smooth_extension_protocol::{
    ProviderCompleteParams, ProviderCompleteResult, methods,
};
use wiregen_runtime::jsonrpc::{Client, Connection, Handlers, InFlight, Options, Transport};

const PARAMS: &str = r#"{"request_id":"c-42","provider":"anthropic","model":"claude","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Summarise the release notes in three bullet points, please."}],"stream":false,"thinking":"low"}"#;

const IN_FLIGHT: usize = 64;

fn transport<S: AsyncRead + AsyncWrite + Send + 'static>(io: S) -> Transport {
    let (r, w) = tokio::io::split(io);
    Transport::ndjson(r, w, 1 << 20)
}

fn server_handlers() -> Handlers {
    Handlers::new().request::<methods::ProviderComplete, _, _>(|p, _| async move {
        Ok(ProviderCompleteResult {
            content: Some(format!("{} messages", p.messages.len())),
            finish_reason: Some("stop".into()),
            ..Default::default()
        })
    })
}

/// Starts both ends on `rt` and returns the client connection and the server connection.
fn session<S>(rt: &Runtime, pair: impl FnOnce() -> (S, S)) -> (Connection, Connection)
where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    rt.block_on(async {
        let (a, b) = pair();
        let server = Connection::start(transport(a), server_handlers(), Options::default());
        let client = Connection::start(transport(b), Handlers::new(), Options::default());
        (client, server)
    })
}

async fn one(client: &Client, params: &ProviderCompleteParams) {
    let r = client
        .request::<methods::ProviderComplete>(params.clone())
        .await
        .expect("answered");
    assert_eq!(r.finish_reason.as_deref(), Some("stop"));
}

async fn many(client: &Client, params: &ProviderCompleteParams) {
    let requests: Vec<_> = (0..IN_FLIGHT)
        .map(|_| client.request::<methods::ProviderComplete>(params.clone()))
        .collect();
    for r in requests {
        r.await.expect("answered");
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let params: ProviderCompleteParams = serde_json::from_str(PARAMS).expect("params");
    let mut g = c.benchmark_group("jsonrpc_async");
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    type Pair = fn() -> (Box<dyn Io>, Box<dyn Io>);
    let pairs: [(&str, Pair); 2] = [
        ("duplex", || {
            let (a, b) = tokio::io::duplex(1 << 16);
            (Box::new(a), Box::new(b))
        }),
        ("unix_socket", || {
            let (a, b) = tokio::net::UnixStream::pair().expect("socket pair");
            (Box::new(a), Box::new(b))
        }),
    ];
    for (name, pair) in pairs {
        let (client, server) = session(&rt, pair);
        let handle = client.client();
        g.throughput(Throughput::Elements(1));
        g.bench_function(format!("{name}_sequential"), |b| {
            b.iter(|| rt.block_on(one(&handle, &params)))
        });
        g.throughput(Throughput::Elements(IN_FLIGHT as u64));
        g.bench_function(format!("{name}_{IN_FLIGHT}_in_flight"), |b| {
            b.iter(|| rt.block_on(many(&handle, &params)))
        });
        rt.block_on(async {
            client
                .shutdown(InFlight::Finish)
                .await
                .expect("client shut down");
            server.closed().await.expect("server closed");
        });
    }
    g.finish();
}

/// A byte stream either end of a pair can be.
trait Io: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Io for T {}

criterion_group!(benches, bench);
criterion_main!(benches);
