//! Parsing throughput on the recorded traffic of `tests/corpus`.
//!
//! `cargo bench -p imap-proto-benches --bench parse` measures; CI runs it
//! with `-- --test` (each benchmark once, no measurement).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use imap_proto::{parse_command, parse_response};
use imap_proto_benches::corpus_messages;

fn commands(c: &mut Criterion) {
    let msgs: Vec<Vec<u8>> = corpus_messages("client.bin")
        .into_iter()
        .filter(|m| parse_command(m).is_ok())
        .collect();
    let bytes: usize = msgs.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("parse_commands");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("imap-proto", |b| {
        b.iter(|| {
            for m in &msgs {
                std::hint::black_box(parse_command(m).ok());
            }
        })
    });
    g.bench_function("imap-proto/encode", |b| {
        let parsed: Vec<_> = msgs.iter().map(|m| parse_command(m).unwrap().0).collect();
        b.iter_batched(
            || (),
            |()| {
                for p in &parsed {
                    std::hint::black_box(p.to_bytes());
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn responses(c: &mut Criterion) {
    let msgs: Vec<Vec<u8>> = corpus_messages("server.bin")
        .into_iter()
        .filter(|m| parse_response(m).is_ok())
        .collect();
    let bytes: usize = msgs.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("parse_responses");
    g.throughput(Throughput::Bytes(bytes.max(1) as u64));
    g.bench_function("imap-proto", |b| {
        b.iter(|| {
            for m in &msgs {
                std::hint::black_box(parse_response(m).ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, commands, responses);
criterion_main!(benches);
