//! Encoding throughput, ours beside imap-codec (imap-proto 0.17 has no
//! encoder for these), on the same messages in the same run.
//!
//! The messages are those both parsers accept; each library encodes the
//! values it parsed itself, to the bytes a peer receives (`to_bytes()` for
//! ours, `encode(..).dump()` for imap-codec). Throughput is counted in
//! input bytes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use imap_codec::decode::Decoder;
use imap_codec::encode::Encoder;
use imap_codec::{CommandCodec, ResponseCodec};
use imap_proto::{parse_command, parse_response};
use imap_proto_benches::{
    codec_accepts_command, codec_accepts_response, envelope_fetches, recorded_commands,
    recorded_responses, Inputs,
};

fn commands(c: &mut Criterion) {
    let (all, _, _) = recorded_commands();
    let (inputs, rejected) = all.accepted_by(codec_accepts_command);
    eprintln!(
        "encode_commands: {} messages both parse ({} bytes); imap-codec rejects {rejected}",
        inputs.messages.len(),
        inputs.bytes()
    );
    let ours: Vec<_> = inputs
        .messages
        .iter()
        .filter_map(|m| parse_command(m).ok().map(|(v, _)| v))
        .collect();
    let codec = CommandCodec::default();
    let theirs: Vec<_> = inputs
        .messages
        .iter()
        .filter_map(|m| codec.decode(m).ok().map(|(_, v)| v))
        .collect();
    let mut g = c.benchmark_group("encode_commands");
    g.throughput(Throughput::Bytes(inputs.bytes()));
    g.bench_function("imap-proto", |b| {
        b.iter(|| {
            for v in &ours {
                black_box(v.to_bytes());
            }
        })
    });
    g.bench_function("imap-codec", |b| {
        b.iter(|| {
            for v in &theirs {
                black_box(codec.encode(v).dump());
            }
        })
    });
    g.finish();
}

fn responses_of(c: &mut Criterion, group: &str, all: &Inputs) {
    let (inputs, rejected) = all.accepted_by(codec_accepts_response);
    eprintln!(
        "{group}: {} messages both parse ({} bytes); imap-codec rejects {rejected}",
        inputs.messages.len(),
        inputs.bytes()
    );
    let ours: Vec<_> = inputs
        .messages
        .iter()
        .filter_map(|m| parse_response(m).ok().map(|(v, _)| v))
        .collect();
    let codec = ResponseCodec::default();
    let theirs: Vec<_> = inputs
        .messages
        .iter()
        .filter_map(|m| codec.decode(m).ok().map(|(_, v)| v))
        .collect();
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(inputs.bytes()));
    g.bench_function("imap-proto", |b| {
        b.iter(|| {
            for v in &ours {
                black_box(v.to_bytes());
            }
        })
    });
    g.bench_function("imap-codec", |b| {
        b.iter(|| {
            for v in &theirs {
                black_box(codec.encode(v).dump());
            }
        })
    });
    g.finish();
}

fn responses(c: &mut Criterion) {
    let (all, _) = recorded_responses();
    responses_of(c, "encode_responses", &all);
    let env = Inputs {
        name: "fetch_envelope_10k",
        messages: envelope_fetches(10_000),
    };
    responses_of(c, "encode_fetch_envelope_10k", &env);
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
    targets = commands, responses
}
criterion_main!(benches);
