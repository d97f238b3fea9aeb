//! COMPRESS=DEFLATE inside the sessions (DESIGN: inflate, frame and parse
//! at least half as fast as miniz_oxide's raw inflate of the same bytes;
//! deflate of outgoing responses at least 100 MB/s).
//!
//! Inputs:
//! - `recorded`: the server side of the recorded compressed session
//!   (`tests/corpus/compressed/20-imaplib-compress`, Dovecot's zlib),
//!   from the byte after the tagged OK of COMPRESS;
//! - `mbsync`: the server side of an mbsync incremental sync
//!   (`tests/corpus/02-mbsync-incremental`, 234,766 bytes plain),
//!   compressed here with miniz_oxide at level 6 (zlib's default, which
//!   Dovecot uses) with a sync flush after every recorded TCP chunk, as a
//!   server flushes per batch of output.
//!
//! Groups (throughput in bytes of *plain* traffic):
//! - `inflate_frame_parse/<input>`: `raw-inflate` is miniz_oxide's
//!   streaming inflate of the compressed bytes into a 64 KiB buffer,
//!   nothing else; `client` is a `Client` past the switch point fed the
//!   same bytes in 64 KiB pieces, every event polled (inflate, frame and
//!   parse of every response);
//! - `deflate_responses/mbsync`: a `Server` past the switch point given
//!   the recorded responses (already parsed) with `send`, and
//!   `poll_transmit` once per recorded TCP chunk (a sync flush each):
//!   encode + deflate; and `encode-only`, the same without compression,
//!   for the share of encoding.
//!
//! The compression ratios are printed at the start.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use imap_proto::client::{Client, ClientConfig};
use imap_proto::server::{Server, ServerConfig, ServerEvent};
use imap_proto::types::Response;
use imap_proto_benches::{corpus_dir, ThreadTime};
use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush};

/// Raw deflate of each piece, sync-flushed, with one compressor.
fn deflate_pieces<'a>(pieces: impl Iterator<Item = &'a [u8]>, level: i32) -> Vec<u8> {
    let mut c = Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
        level, -15, 0,
    )));
    let mut out = Vec::new();
    for p in pieces {
        let mut input = p;
        loop {
            let old = out.len();
            let room = input.len() + 1024;
            out.resize(old + room, 0);
            let r = miniz_oxide::deflate::stream::deflate(
                &mut c,
                input,
                &mut out[old..],
                MZFlush::Sync,
            );
            out.truncate(old + r.bytes_written);
            input = &input[r.bytes_consumed..];
            if input.is_empty() && r.bytes_written < room {
                break;
            }
        }
    }
    out
}

/// miniz_oxide's raw inflate of `z` with a fresh `st`; returns the
/// plain length.
fn raw_inflate(mut st: Box<InflateState>, z: &[u8], buf: &mut [u8]) -> usize {
    let mut input = z;
    let mut total = 0;
    loop {
        let r = inflate(&mut st, input, buf, MZFlush::None);
        input = &input[r.bytes_consumed..];
        total += r.bytes_written;
        black_box(&buf[..r.bytes_written]);
        if r.bytes_written == 0 && (input.is_empty() || r.status.is_err()) {
            return total;
        }
    }
}

fn fresh() -> Box<InflateState> {
    InflateState::new_boxed(DataFormat::Raw)
}

/// A client past the switch point.
fn switched_client() -> Client {
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(b"* PREAUTH hi\r\n");
    let _ = c.poll_event();
    c.compress().unwrap();
    while let Some(b) = c.poll_transmit() {
        let n = b.len();
        c.consume_transmit(n);
    }
    c.handle_input(b"A1 OK on\r\n");
    let _ = c.poll_event();
    assert!(c.compression_active());
    c
}

/// Feeds `z` in 64 KiB pieces; the number of events.
fn client_run(mut c: Client, z: &[u8]) -> usize {
    let mut n = 0;
    for piece in z.chunks(64 * 1024) {
        c.handle_input(piece);
        while let Some(e) = c.poll_event() {
            black_box(&e);
            n += 1;
        }
    }
    n
}

fn switched_server(compressed: bool) -> Server {
    let mut s = Server::new(ServerConfig::default());
    if compressed {
        s.handle_input(b"A1 COMPRESS DEFLATE\r\n");
        let _ = s
            .poll_event()
            .map(|e| assert!(matches!(e, Ok(ServerEvent::Command(_)))));
        let (ok, _) = imap_proto::parse_response(b"A1 OK on\r\n").unwrap();
        s.send(&ok).unwrap();
        while let Some(b) = s.poll_transmit() {
            let n = b.len();
            s.consume_transmit(n);
        }
        assert!(s.compression_active());
    }
    s
}

/// The recorded session: (compressed server bytes after the switch, plain).
fn recorded() -> (Vec<u8>, usize) {
    let server =
        std::fs::read(corpus_dir().join("compressed/20-imaplib-compress/server.bin")).unwrap();
    let at = server.windows(5).position(|w| w == b"c2 OK").unwrap();
    let end = at + server[at..].windows(2).position(|w| w == b"\r\n").unwrap() + 2;
    let z = server[end..].to_vec();
    let plain = raw_inflate(fresh(), &z, &mut vec![0; 1 << 16]);
    (z, plain)
}

/// The mbsync server stream, its recorded TCP chunks.
fn mbsync_chunks() -> (Vec<u8>, Vec<(usize, usize)>) {
    let dir = corpus_dir().join("02-mbsync-incremental");
    let server = std::fs::read(dir.join("server.bin")).unwrap();
    let tl = std::fs::read_to_string(dir.join("timeline.tsv")).unwrap();
    let chunks = tl
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1] == "S").then(|| (f[2].parse().unwrap(), f[3].parse().unwrap()))
        })
        .collect();
    (server, chunks)
}

fn inflate_frame_parse(c: &mut Criterion<ThreadTime>) {
    let (rec_z, rec_plain) = recorded();
    let (server, chunks) = mbsync_chunks();
    let mb_z = deflate_pieces(chunks.iter().map(|&(o, l)| &server[o..o + l]), 6);
    eprintln!(
        "compression ratio: recorded (Dovecot) {} -> {} bytes ({:.3}); mbsync (miniz level 6, {} flushes) {} -> {} bytes ({:.3})",
        rec_plain,
        rec_z.len(),
        rec_z.len() as f64 / rec_plain as f64,
        chunks.len(),
        server.len(),
        mb_z.len(),
        mb_z.len() as f64 / server.len() as f64
    );
    let mut buf = vec![0; 64 * 1024];
    for (name, z, plain) in [
        ("recorded", &rec_z, rec_plain),
        ("mbsync", &mb_z, server.len()),
    ] {
        let events = client_run(switched_client(), z);
        eprintln!(
            "inflate_frame_parse/{name}: {} compressed bytes, {events} events",
            z.len()
        );
        let mut g = c.benchmark_group(format!("inflate_frame_parse/{name}"));
        g.throughput(Throughput::Bytes(plain as u64));
        // The states are made outside the measurement, for both.
        g.bench_function("raw-inflate", |b| {
            b.iter_batched(
                fresh,
                |st| raw_inflate(st, z, &mut buf),
                BatchSize::SmallInput,
            )
        });
        g.bench_function("client", |b| {
            b.iter_batched(
                switched_client,
                |cl| client_run(cl, z),
                BatchSize::SmallInput,
            )
        });
        g.finish();
    }
}

fn deflate_responses(c: &mut Criterion<ThreadTime>) {
    let (server, chunks) = mbsync_chunks();
    // The responses of each chunk, parsed once.
    let mut batches: Vec<Vec<Response<'static>>> = Vec::new();
    let mut f = imap_proto::frame::Framer::default();
    for &(o, l) in &chunks {
        f.push(&server[o..o + l]);
        let mut batch = Vec::new();
        while let Some(r) = f.poll() {
            match r {
                Ok(imap_proto::frame::Frame::Message(m)) => {
                    batch.push(imap_proto::parse_response(m).unwrap().0.into_owned())
                }
                Ok(imap_proto::frame::Frame::LiteralAnnounced { .. }) => f.accept_literal(),
                _ => {}
            }
        }
        batches.push(batch);
    }
    let plain: usize = batches.iter().flatten().map(|r| r.to_bytes().len()).sum();
    let run = |mut s: Server| {
        let mut sent = 0;
        for batch in &batches {
            for r in batch {
                s.send(r).unwrap();
            }
            while let Some(b) = s.poll_transmit() {
                sent += b.len();
                let n = b.len();
                s.consume_transmit(n);
            }
        }
        sent
    };
    let z = run(switched_server(true));
    eprintln!(
        "deflate_responses/mbsync: {plain} bytes encoded, {z} sent compressed ({:.3}), {} flushes",
        z as f64 / plain as f64,
        batches.len()
    );
    let mut g = c.benchmark_group("deflate_responses/mbsync");
    g.throughput(Throughput::Bytes(plain as u64));
    g.bench_function("server", |b| {
        b.iter_batched(|| switched_server(true), run, BatchSize::SmallInput)
    });
    g.bench_function("encode-only", |b| {
        b.iter_batched(|| switched_server(false), run, BatchSize::SmallInput)
    });
    g.finish();
}

fn config() -> Criterion<ThreadTime> {
    Criterion::default()
        .with_measurement(ThreadTime::default())
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = inflate_frame_parse, deflate_responses
}
criterion_main!(benches);
