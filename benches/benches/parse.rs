//! Parsing throughput, ours beside imap-codec and imap-proto 0.17, on the
//! same inputs in the same run.
//!
//! Each group is one input set. `imap-proto` parses all of it; each peer
//! parses the messages it accepts (the count it rejects is printed at the
//! start of the group), and where a peer rejects some, `imap-proto@<peer>`
//! runs ours on exactly the peer's messages, so the ratio compares the same
//! bytes.
//!
//! `cargo bench -p imap-proto-benches --bench parse` measures; CI runs
//! `cargo bench -p imap-proto-benches -- --test` (each benchmark once).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use imap_proto::{parse_command, parse_response};
use imap_proto_benches::{
    codec_accepts_command, codec_accepts_response, codec_command_attempt, codec_response_attempt,
    envelope_fetches, fetch_literal, p017_accepts_response, p017_response_attempt,
    recorded_commands, recorded_responses, search_response, Inputs,
};

/// A peer: its name, whether it accepts a message, and one parse.
struct Peer {
    name: &'static str,
    accepts: fn(&[u8]) -> bool,
    parse: fn(&[u8]),
}

fn ours_command(m: &[u8]) {
    black_box(parse_command(black_box(m)).ok());
}

fn ours_response(m: &[u8]) {
    black_box(parse_response(black_box(m)).ok());
}

const CODEC_COMMANDS: Peer = Peer {
    name: "imap-codec",
    accepts: codec_accepts_command,
    parse: |m| {
        black_box(codec_command_attempt(black_box(m)));
    },
};

const CODEC_RESPONSES: Peer = Peer {
    name: "imap-codec",
    accepts: codec_accepts_response,
    parse: |m| {
        black_box(codec_response_attempt(black_box(m)));
    },
};

const P017_RESPONSES: Peer = Peer {
    name: "imap-proto-0.17",
    accepts: p017_accepts_response,
    parse: |m| {
        black_box(p017_response_attempt(black_box(m)));
    },
};

fn run_all(msgs: &[Vec<u8>], parse: fn(&[u8])) {
    for m in msgs {
        parse(m);
    }
}

/// One group: ours on all of `inputs`, each peer on what it accepts, and
/// ours again on each peer's set where it differs.
fn compare(c: &mut Criterion, group: &str, inputs: &Inputs, ours: fn(&[u8]), peers: &[Peer]) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(inputs.bytes()));
    eprintln!(
        "{group}: {} messages, {} bytes",
        inputs.messages.len(),
        inputs.bytes()
    );
    g.bench_function("imap-proto", |b| b.iter(|| run_all(&inputs.messages, ours)));
    for p in peers {
        let (theirs, rejected) = inputs.accepted_by(p.accepts);
        eprintln!(
            "{group}: {} rejects {rejected} of {} messages ({} bytes kept)",
            p.name,
            inputs.messages.len(),
            theirs.bytes()
        );
        if theirs.messages.is_empty() {
            continue;
        }
        g.throughput(Throughput::Bytes(theirs.bytes()));
        g.bench_function(p.name, |b| b.iter(|| run_all(&theirs.messages, p.parse)));
        if rejected > 0 {
            g.bench_function(format!("imap-proto@{}", p.name), |b| {
                b.iter(|| run_all(&theirs.messages, ours))
            });
        }
    }
    g.finish();
}

fn commands(c: &mut Criterion) {
    let (inputs, not_commands, heavy) = recorded_commands();
    eprintln!(
        "parse_commands: left out {not_commands} client messages that are not commands \
         (SASL lines, DONE) and {heavy} literal-heavy commands (>= 4 KiB)"
    );
    compare(
        c,
        "parse_commands",
        &inputs,
        ours_command,
        &[CODEC_COMMANDS],
    );
}

fn responses(c: &mut Criterion) {
    let (inputs, rejected) = recorded_responses();
    eprintln!("parse_responses: imap-proto rejects {rejected} recorded server messages");
    compare(
        c,
        "parse_responses",
        &inputs,
        ours_response,
        &[CODEC_RESPONSES, P017_RESPONSES],
    );
}

fn synthetic(c: &mut Criterion) {
    let cases = [
        Inputs {
            name: "search_100k",
            messages: vec![search_response(100_000)],
        },
        Inputs {
            name: "fetch_literal_1mib",
            messages: vec![fetch_literal(1 << 20)],
        },
        Inputs {
            name: "fetch_envelope_10k",
            messages: envelope_fetches(10_000),
        },
    ];
    for inputs in &cases {
        compare(
            c,
            &format!("parse_{}", inputs.name),
            inputs,
            ours_response,
            &[CODEC_RESPONSES, P017_RESPONSES],
        );
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
}

criterion_group! {
    name = benches;
    config = config();
    targets = commands, responses, synthetic
}
criterion_main!(benches);
