//! A loop to profile under callgrind (instruction counts do not depend on
//! the machine's load):
//!
//! ```sh
//! cargo build --release -p imap-proto-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile responses
//! ```
//!
//! The argument picks the input: `commands`, `responses`, `envelope`,
//! `search`, `frame1` (the sync stream framed one byte at a time); an
//! optional second argument repeats it (default 3).

use std::hint::black_box;

use imap_proto::{parse_command, parse_response};
use imap_proto_benches::{
    envelope_fetches, frame_stream, recorded_commands, recorded_responses, search_response,
    sync_stream,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("responses");
    let times: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let responses = |msgs: &[Vec<u8>]| {
        for _ in 0..times {
            for m in msgs {
                black_box(parse_response(m).ok());
            }
        }
    };
    match what {
        "commands" => {
            let msgs = recorded_commands().0.messages;
            for _ in 0..times {
                for m in &msgs {
                    black_box(parse_command(m).ok());
                }
            }
        }
        "responses" => responses(&recorded_responses().0.messages),
        "envelope" => responses(&envelope_fetches(1000)),
        "search" => responses(&[search_response(100_000)]),
        "frame1" => {
            let s = sync_stream();
            for _ in 0..times {
                frame_stream(&s, 1, |m| {
                    black_box(m);
                });
            }
        }
        other => eprintln!("unknown input {other}"),
    }
}
