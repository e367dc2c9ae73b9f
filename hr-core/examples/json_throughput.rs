//! Throughput of the JSON compressor (parse + compress) on a generated array of API-like records.
//!
//!     cargo run --release --manifest-path hr-core/Cargo.toml --example json_throughput [MB | FILE]
//!
//! Prints MB/s over the whole call (`hr_core::compress(Kind::Json, …)`), best of 5 runs.

use hr_core::{compress, Kind, Options};
use std::fmt::Write;
use std::time::Instant;

fn generate(target_bytes: usize) -> String {
    let statuses = [
        "Running",
        "Running",
        "Running",
        "Running",
        "Pending",
        "Succeeded",
    ];
    let mut s = String::with_capacity(target_bytes + 4096);
    s.push_str("[\n");
    let mut i = 0usize;
    while s.len() < target_bytes {
        if i > 0 {
            s.push_str(",\n");
        }
        let status = if i % 997 == 500 {
            "CrashLoopBackOff"
        } else {
            statuses[i % statuses.len()]
        };
        let restarts = if i % 1913 == 7 { 250 } else { i % 3 };
        write!(
            s,
            r#"  {{"metadata": {{"name": "api-{i:06}-7f9c", "namespace": "prod", "uid": "{:08x}-4e1a-9b7d-{:012x}", "labels": {{"app": "api", "tier": "backend"}}}}, "status": {{"phase": "{status}", "podIP": "10.1.{}.{}", "restartCount": {restarts}, "startTime": "2024-05-0{}T10:{:02}:00Z"}}, "spec": {{"nodeName": "node-{}", "containers": [{{"name": "api", "image": "registry.example.com/api:1.{}.0", "ports": [{{"containerPort": 8080}}]}}]}}, "message": "pod api-{i} scheduled on node-{} after {} ms"}}"#,
            i * 2654435761 % 4294967296,
            i * 40503,
            i / 250 % 250,
            i % 250,
            i % 9 + 1,
            i % 60,
            i % 40,
            i % 5,
            i % 40,
            i * 37 % 1000
        )
        .unwrap();
        i += 1;
    }
    s.push_str("\n]\n");
    s
}

fn main() {
    // an argument is a size in MB to generate, or a JSON file to read
    let arg = std::env::args().nth(1).unwrap_or_else(|| "50".into());
    let text = match arg.parse::<usize>() {
        Ok(mb) => generate(mb * 1_000_000),
        Err(_) => std::fs::read_to_string(&arg).expect("a JSON file"),
    };
    let opts = Options {
        hash: "0123456789ab".into(),
        budget_chars: None,
        ..Default::default()
    };
    let mut best = f64::INFINITY;
    let mut out_len = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let out = compress(Kind::Json, &text, &opts);
        best = best.min(t.elapsed().as_secs_f64());
        out_len = out.text.len();
    }
    let mbytes = text.len() as f64 / 1e6;
    let t = Instant::now();
    let parsed = hr_core::json::parse(&text).is_some();
    println!(
        "  (parse alone: {:.0} MB/s, ok={parsed})",
        mbytes / t.elapsed().as_secs_f64()
    );
    println!(
        "json: {mbytes:.1} MB in {:.1} ms -> {:.0} MB/s (output {} bytes, {:.3}% of input)",
        best * 1e3,
        mbytes / best,
        out_len,
        100.0 * out_len as f64 / text.len() as f64
    );
}
