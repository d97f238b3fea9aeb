//! A loop to profile under callgrind (instruction counts do not depend on
//! the machine's load):
//!
//! ```sh
//! cargo build --release -p imap-proto-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile responses
//! ```
//!
//! The argument picks the input: `commands`, `responses`, `envelope`,
//! `search`, `flags` (short FETCH FLAGS lines), `frame1`,
//! and the peers' `codec-responses`, `p017-responses`, `codec-commands` (the sync stream framed one byte at a time); an
//! optional second argument repeats it (default 3).

use std::hint::black_box;

use imap_proto::{parse_command, parse_response};
use imap_proto_benches::{
    append_command, codec_accepts_command, codec_command_attempt, codec_response_attempt,
    envelope_fetches, frame_stream, p017_accepts_response, p017_response_attempt,
    recorded_commands, recorded_responses, search_response, sync_stream,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("responses");
    let times: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let responses = |msgs: &[Vec<u8>]| {
        let t = std::time::Instant::now();
        for _ in 0..times {
            for m in msgs {
                black_box(parse_response(m).ok());
            }
        }
        let bytes: usize = msgs.iter().map(Vec::len).sum::<usize>() * times;
        eprintln!(
            "{:.1} MiB/s",
            bytes as f64 / t.elapsed().as_secs_f64() / 1048576.0
        );
    };
    match what {
        "commands" => {
            let msgs = recorded_commands().0.messages;
            let t = std::time::Instant::now();
            for _ in 0..times {
                for m in &msgs {
                    black_box(parse_command(m).ok());
                }
            }
            let bytes: usize = msgs.iter().map(Vec::len).sum::<usize>() * times;
            eprintln!(
                "{:.1} MiB/s",
                bytes as f64 / t.elapsed().as_secs_f64() / 1048576.0
            );
        }
        "responses" => responses(&recorded_responses().0.messages),
        "envelope" => responses(&envelope_fetches(1000)),
        "search" => responses(&[search_response(100_000)]),
        "flags" => {
            let msgs: Vec<Vec<u8>> = (1..=10_000)
                .map(|n| {
                    format!(
                        "* {n} FETCH (UID {} FLAGS (\\Seen \\Answered))\r\n",
                        n + 1000
                    )
                    .into_bytes()
                })
                .collect();
            responses(&msgs)
        }
        "frame1" => {
            let s = sync_stream();
            for _ in 0..times {
                frame_stream(&s, 1, |m| {
                    black_box(m);
                });
            }
        }
        "codec-responses" => {
            let msgs = recorded_responses().0.messages;
            for _ in 0..times {
                for m in &msgs {
                    black_box(codec_response_attempt(m));
                }
            }
        }
        "p017-responses" => {
            let msgs = recorded_responses().0.messages;
            for _ in 0..times {
                for m in &msgs {
                    black_box(p017_response_attempt(m));
                }
            }
        }
        "codec-commands" => {
            let msgs = recorded_commands().0.messages;
            for _ in 0..times {
                for m in &msgs {
                    black_box(codec_command_attempt(m));
                }
            }
        }
        "pair-responses" | "pair-commands" => {
            // Ours and the peers alternately, many short rounds: a load
            // that changes during the run hits all of them alike. Prints
            // the median time of one pass over the set for each.
            type Parsers = Vec<(&'static str, fn(&[u8]))>;
            let (msgs, parsers): (Vec<Vec<u8>>, Parsers) = if what == "pair-responses" {
                let msgs = recorded_responses().0.messages;
                let msgs = msgs
                    .into_iter()
                    .filter(|m| p017_accepts_response(m))
                    .collect();
                (
                    msgs,
                    vec![
                        ("imap-proto", |m| {
                            black_box(parse_response(m).ok());
                        }),
                        ("imap-codec", |m| {
                            black_box(codec_response_attempt(m));
                        }),
                        ("imap-proto-0.17", |m| {
                            black_box(p017_response_attempt(m));
                        }),
                    ],
                )
            } else {
                let msgs = recorded_commands().0.messages;
                let msgs = msgs
                    .into_iter()
                    .filter(|m| codec_accepts_command(m))
                    .collect();
                (
                    msgs,
                    vec![
                        ("imap-proto", |m| {
                            black_box(parse_command(m).ok());
                        }),
                        ("imap-codec", |m| {
                            black_box(codec_command_attempt(m));
                        }),
                    ],
                )
            };
            let mut samples = vec![Vec::new(); parsers.len()];
            for _ in 0..times.max(1) * 10 {
                for (k, (_, parse)) in parsers.iter().enumerate() {
                    let t = std::time::Instant::now();
                    for m in &msgs {
                        parse(m);
                    }
                    samples[k].push(t.elapsed().as_secs_f64());
                }
            }
            let median = |v: &mut Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            let ours = median(&mut samples[0].clone());
            for (k, (name, _)) in parsers.iter().enumerate() {
                let m = median(&mut samples[k]);
                eprintln!("{name}: {:.3} ms, {:.2}x ours", m * 1e3, m / ours);
            }
        }
        "encode-responses" => {
            let msgs = recorded_responses().0.messages;
            let parsed: Vec<_> = msgs.iter().filter_map(|m| parse_response(m).ok()).collect();
            for _ in 0..times {
                for (v, _) in &parsed {
                    black_box(v.to_bytes());
                }
            }
        }
        "encode-envelope" => {
            let msgs = envelope_fetches(1000);
            let parsed: Vec<_> = msgs.iter().filter_map(|m| parse_response(m).ok()).collect();
            for _ in 0..times {
                for (v, _) in &parsed {
                    black_box(v.to_bytes());
                }
            }
        }
        "encode-commands" => {
            let msgs = recorded_commands().0.messages;
            let parsed: Vec<_> = msgs.iter().filter_map(|m| parse_command(m).ok()).collect();
            for _ in 0..times {
                for (v, _) in &parsed {
                    black_box(v.to_bytes());
                }
            }
        }
        "linearity" => {
            // The two DESIGN bounds, timed alternately (medians).
            let one = append_command(1 << 20);
            let four = append_command(4 << 20);
            let small: Vec<u8> = imap_proto_benches::split_messages(&sync_stream())
                .into_iter()
                .filter(|m| m.len() < imap_proto_benches::SMALL_MESSAGE)
                .collect::<Vec<_>>()
                .concat();
            let time = |f: &dyn Fn()| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64()
            };
            let mut s: [Vec<f64>; 6] = Default::default();
            for _ in 0..times.max(1) {
                s[0].push(time(&|| {
                    frame_stream(&one, 1, |m| {
                        black_box(parse_command(m).ok());
                    });
                }));
                s[1].push(time(&|| {
                    frame_stream(&four, 1, |m| {
                        black_box(parse_command(m).ok());
                    });
                }));
                for (k, chunk) in [(2, small.len()), (3, 1)] {
                    s[k].push(time(&|| {
                        frame_stream(&small, chunk, |m| {
                            black_box(parse_response(m).ok());
                        });
                    }));
                }
                for (k, chunk) in [(4, small.len()), (5, 1)] {
                    s[k].push(time(&|| {
                        frame_stream(&small, chunk, |m| {
                            black_box(m);
                        });
                    }));
                }
            }
            let m: Vec<f64> = s
                .iter_mut()
                .map(|v| {
                    v.sort_by(f64::total_cmp);
                    v[v.len() / 2]
                })
                .collect();
            eprintln!(
                "append 1 MiB {:.2} ms, 4 MiB {:.2} ms: {:.2}x",
                m[0] * 1e3,
                m[1] * 1e3,
                m[1] / m[0]
            );
            eprintln!(
                "small, frame+parse: whole {:.3} ms, 1 byte {:.3} ms: {:.2}x",
                m[2] * 1e3,
                m[3] * 1e3,
                m[3] / m[2]
            );
            eprintln!(
                "small, frame only: whole {:.3} ms, 1 byte {:.3} ms: {:.2}x",
                m[4] * 1e3,
                m[5] * 1e3,
                m[5] / m[4]
            );
        }
        "pair-encode" => {
            // Encoding, ours and imap-codec alternately (medians), on the
            // recorded responses and on 1,000 ENVELOPE/BODYSTRUCTURE lines.
            use imap_codec::decode::Decoder;
            use imap_codec::encode::Encoder;
            let codec = imap_codec::ResponseCodec::default();
            for (name, msgs) in [
                ("responses", recorded_responses().0.messages),
                ("envelope", envelope_fetches(1000)),
            ] {
                let ours: Vec<_> = msgs.iter().filter_map(|m| parse_response(m).ok()).collect();
                let theirs: Vec<_> = msgs.iter().filter_map(|m| codec.decode(m).ok()).collect();
                let (mut a, mut b) = (Vec::new(), Vec::new());
                for _ in 0..times.max(1) * 10 {
                    let t = std::time::Instant::now();
                    for (v, _) in &ours {
                        black_box(v.to_bytes());
                    }
                    a.push(t.elapsed().as_secs_f64());
                    let t = std::time::Instant::now();
                    for (_, v) in &theirs {
                        black_box(codec.encode(v).dump());
                    }
                    b.push(t.elapsed().as_secs_f64());
                }
                a.sort_by(f64::total_cmp);
                b.sort_by(f64::total_cmp);
                let (a, b) = (a[a.len() / 2], b[b.len() / 2]);
                eprintln!(
                    "encode {name}: ours {:.3} ms, imap-codec {:.3} ms, {:.2}x",
                    a * 1e3,
                    b * 1e3,
                    b / a
                );
            }
        }
        other => eprintln!("unknown input {other}"),
    }
}
