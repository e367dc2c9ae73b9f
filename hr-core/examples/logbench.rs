//! Throughput of the log compressor on a generated log.
//!
//!     cargo run --release --example logbench                 # 100 MB, prints MB/s
//!     cargo run --release --example logbench -- --mb 20      # another size
//!     cargo run --release --example logbench -- --stdin      # compress stdin as a log to stdout
//!     cargo run --release --example logbench -- --emit --mb 100 > big.log   # write the log
//!
//! The generated log mixes a few dozen templates of an application server (numbers, ids, IPs,
//! user names, paths), warnings, errors with Java stack traces and rare one-off events. It is
//! built deterministically (a fixed-seed generator), so runs compare.

use hr_core::{compress, Kind, Options};
use std::io::{Read, Write};
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const USERS: [&str; 8] = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
];
const PATHS: [&str; 5] = [
    "/api/v1/orders",
    "/api/v1/users",
    "/health",
    "/static/app.js",
    "/api/v2/search",
];

fn generate(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut t: u64 = 1_700_000_000_000;
    let mut n: u64 = 0;
    while out.len() < bytes {
        n += 1;
        t += rng.below(40);
        let (s, ms) = (t / 1000, t % 1000);
        let stamp = format!(
            "2024-05-{:02} {:02}:{:02}:{:02},{:03}",
            1 + (s / 86400) % 28,
            (s / 3600) % 24,
            (s / 60) % 60,
            s % 60,
            ms
        );
        let thread = rng.below(16);
        let r = rng.below(10_000);
        let line = match r {
            0..=2999 => format!(
                "{stamp} INFO  [http-nio-8080-exec-{thread}] o.a.c.AccessLog: {} - - \"GET {} HTTP/1.1\" 200 {} {}ms",
                ip(&mut rng), PATHS[rng.below(5) as usize], rng.below(90_000), rng.below(900)
            ),
            3000..=4999 => format!(
                "{stamp} DEBUG [pool-{thread}-thread-1] c.e.cache.LruCache: evicted key=session:{:x} size={} hits={}",
                rng.next(), rng.below(10_000), rng.below(1_000_000)
            ),
            5000..=6499 => format!(
                "{stamp} INFO  [worker-{thread}] c.e.orders.OrderService: order {} accepted for user {} total {}.{:02} EUR",
                rng.below(10_000_000), USERS[rng.below(8) as usize], rng.below(500), rng.below(100)
            ),
            6500..=7999 => format!(
                "{stamp} INFO  [scheduler-1] c.e.jobs.Heartbeat: node {} alive, load {}.{:02}, {} jobs queued",
                ip(&mut rng), rng.below(8), rng.below(100), rng.below(50)
            ),
            8000..=8999 => format!(
                "{stamp} INFO  [kafka-consumer-{thread}] c.e.events.Consumer: committed offset {} for partition events-{} ({} records)",
                rng.below(100_000_000), rng.below(12), rng.below(500)
            ),
            9000..=9899 => format!(
                "{stamp} WARN  [worker-{thread}] c.e.db.Pool: connection {} to db-{}.internal slow: {}ms",
                rng.below(64), rng.below(4), 500 + rng.below(5000)
            ),
            9900..=9989 => format!(
                "{stamp} ERROR [worker-{thread}] c.e.orders.OrderService: payment for order {} failed\n\
                 java.net.SocketTimeoutException: Read timed out\n\
                 \tat java.base/java.net.SocketInputStream.socketRead0(Native Method)\n\
                 \tat com.example.pay.Client.charge(Client.java:{})\n\
                 \tat com.example.orders.OrderService.pay(OrderService.java:212)\n\
                 \t... {} more",
                rng.below(10_000_000), 80 + rng.below(3), 10 + rng.below(5)
            ),
            _ => format!("{stamp} INFO  [main] c.e.admin.Audit: one-off event {n} by {}", USERS[rng.below(8) as usize]),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn ip(rng: &mut Rng) -> String {
    format!("10.{}.{}.{}", rng.below(4), rng.below(256), rng.below(256))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opts = Options {
        hash: "0123456789ab".into(),
        budget_chars: None,
        ..Default::default()
    };
    if args.iter().any(|a| a == "--stdin") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .expect("stdin is UTF-8");
        let out = compress(Kind::Log, &text, &opts);
        std::io::stdout().write_all(out.text.as_bytes()).unwrap();
        return;
    }
    let mb: usize = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let text = generate(mb * 1_000_000);
    if args.iter().any(|a| a == "--emit") {
        std::io::stdout().write_all(text.as_bytes()).unwrap();
        return;
    }
    let lines = text.lines().count();
    let started = Instant::now();
    let out = compress(Kind::Log, &text, &opts);
    let secs = started.elapsed().as_secs_f64();
    let mbs = text.len() as f64 / 1e6 / secs;
    println!(
        "log: {:.1} MB, {} lines -> {} bytes ({:.2}% of input), {} markers, {:.3} s, {:.1} MB/s",
        text.len() as f64 / 1e6,
        lines,
        out.text.len(),
        100.0 * out.text.len() as f64 / text.len() as f64,
        out.spans.len(),
        secs,
        mbs
    );
}
