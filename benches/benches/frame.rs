//! Incremental input: the framer fed whole, in 64-byte pieces and one byte
//! at a time, beside imap-codec's `Fragmentizer` and beside the loop a user
//! of a parser without a framer writes ("try to parse from the start; on
//! Incomplete, append and retry"); and the linearity bounds of DESIGN.md.
//!
//! The session layer is not in this crate yet, so "fed one byte at a time"
//! means the framer driven directly: push one byte, poll.
//!
//! Groups:
//! - `frame_sync_stream`: the recorded server side of an mbsync incremental
//!   sync, framed only (each message found, not parsed);
//! - `frame_parse_sync_stream`: the same, each message also parsed (what a
//!   client session does);
//! - `retry_small`: a small set of recorded messages, framer + parser
//!   against the peers' retry loop, whole and one byte at a time: the
//!   peers' cost grows with the square of the message size;
//! - `linearity_append`: an APPEND with a 1 MiB and with a 4 MiB literal,
//!   one byte at a time (DESIGN: 4 MiB at most 4.5x 1 MiB);
//! - `linearity_small`: the recorded messages under 4 KiB of the sync
//!   stream, one byte at a time and whole (DESIGN: at most 10x).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use imap_codec::decode::Decoder;
use imap_codec::ResponseCodec;
use imap_proto::{parse_command, parse_response};
use imap_proto_benches::{
    append_command, codec_accepts_response, codec_fragmentize, codec_response_attempt,
    frame_stream, p017_accepts_response, p017_response_attempt, retry_loop, split_messages,
    sync_stream, SMALL_MESSAGE,
};

fn framed(m: &[u8]) {
    black_box(m);
}

fn parsed_response(m: &[u8]) {
    black_box(parse_response(m).ok());
}

fn parsed_command(m: &[u8]) {
    black_box(parse_command(m).ok());
}

fn sync(c: &mut Criterion) {
    let stream = sync_stream();
    let messages = split_messages(&stream).len();
    eprintln!(
        "frame_sync_stream: {} bytes, {messages} messages",
        stream.len()
    );
    let mut g = c.benchmark_group("frame_sync_stream");
    g.throughput(Throughput::Bytes(stream.len() as u64));
    for (label, chunk) in [("whole", stream.len()), ("64", 64), ("1", 1)] {
        g.bench_function(format!("imap-proto/{label}"), |b| {
            b.iter(|| frame_stream(&stream, chunk, framed))
        });
        g.bench_function(format!("imap-codec-fragmentizer/{label}"), |b| {
            b.iter(|| codec_fragmentize(&stream, chunk, framed))
        });
    }
    g.finish();

    let codec = ResponseCodec::default();
    let mut g = c.benchmark_group("frame_parse_sync_stream");
    g.throughput(Throughput::Bytes(stream.len() as u64));
    for (label, chunk) in [("whole", stream.len()), ("64", 64), ("1", 1)] {
        g.bench_function(format!("imap-proto/{label}"), |b| {
            b.iter(|| frame_stream(&stream, chunk, parsed_response))
        });
        g.bench_function(format!("imap-codec-fragmentizer/{label}"), |b| {
            b.iter(|| {
                codec_fragmentize(&stream, chunk, |m| {
                    black_box(codec.decode(m).ok());
                })
            })
        });
    }
    g.finish();
}

/// The small set for the retry loops: the first 100 recorded messages of
/// the sync stream, and its first 5 between 1 KiB and 4 KiB, that every
/// parser accepts.
fn small_set() -> Vec<u8> {
    let all: Vec<Vec<u8>> = split_messages(&sync_stream())
        .into_iter()
        .filter(|m| {
            m.len() < SMALL_MESSAGE && codec_accepts_response(m) && p017_accepts_response(m)
        })
        .collect();
    let mut set: Vec<Vec<u8>> = all.iter().take(100).cloned().collect();
    set.extend(all.iter().filter(|m| m.len() >= 1024).take(5).cloned());
    set.concat()
}

fn retry(c: &mut Criterion) {
    let stream = small_set();
    let n = frame_stream(&stream, stream.len(), framed);
    eprintln!("retry_small: {} bytes, {n} messages", stream.len());
    let mut g = c.benchmark_group("retry_small");
    g.throughput(Throughput::Bytes(stream.len() as u64));
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    let codec = ResponseCodec::default();
    for (label, chunk) in [("whole", stream.len()), ("1", 1)] {
        g.bench_function(format!("imap-proto/{label}"), |b| {
            b.iter(|| frame_stream(&stream, chunk, parsed_response))
        });
        g.bench_function(format!("imap-codec-fragmentizer/{label}"), |b| {
            b.iter(|| {
                codec_fragmentize(&stream, chunk, |m| {
                    black_box(codec.decode(m).ok());
                })
            })
        });
        g.bench_function(format!("imap-codec-retry/{label}"), |b| {
            b.iter(|| retry_loop(&stream, chunk, codec_response_attempt))
        });
        g.bench_function(format!("imap-proto-0.17-retry/{label}"), |b| {
            b.iter(|| retry_loop(&stream, chunk, p017_response_attempt))
        });
    }
    g.finish();
}

fn linearity(c: &mut Criterion) {
    let mut g = c.benchmark_group("linearity_append");
    // A bound on a ratio of two medians: more samples than elsewhere, so
    // that a busy machine moves it less.
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(5));
    for (label, len) in [("1mib", 1usize << 20), ("4mib", 4 << 20)] {
        let cmd = append_command(len);
        g.throughput(Throughput::Bytes(cmd.len() as u64));
        g.bench_function(format!("imap-proto/{label}/1"), |b| {
            b.iter(|| frame_stream(&cmd, 1, parsed_command))
        });
    }
    g.finish();

    let small: Vec<u8> = split_messages(&sync_stream())
        .into_iter()
        .filter(|m| m.len() < SMALL_MESSAGE)
        .collect::<Vec<_>>()
        .concat();
    eprintln!("linearity_small: {} bytes", small.len());
    let mut g = c.benchmark_group("linearity_small");
    g.throughput(Throughput::Bytes(small.len() as u64));
    for (label, chunk) in [("whole", small.len()), ("1", 1)] {
        g.bench_function(format!("imap-proto/frame/{label}"), |b| {
            b.iter(|| frame_stream(&small, chunk, framed))
        });
        g.bench_function(format!("imap-proto/frame+parse/{label}"), |b| {
            b.iter(|| frame_stream(&small, chunk, parsed_response))
        });
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = sync, retry, linearity
}
criterion_main!(benches);
