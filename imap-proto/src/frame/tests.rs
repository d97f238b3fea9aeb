use super::*;

/// Everything a framer yields for `input` fed in `chunk`-byte pieces,
/// accepting every synchronizing literal.
fn frames(input: &[u8], chunk: usize, limits: FrameLimits) -> Vec<Result<Vec<u8>, FrameError>> {
    let mut f = Framer::new(limits);
    let mut out = Vec::new();
    for piece in input.chunks(chunk.max(1)) {
        f.push(piece);
        while let Some(r) = f.poll() {
            match r {
                Ok(Frame::Message(m)) => out.push(Ok(m.to_vec())),
                Ok(Frame::LiteralAnnounced { .. }) => f.accept_literal(),
                Ok(other) => panic!("not streaming: {other:?}"),
                Err(e) => out.push(Err(e)),
            }
        }
    }
    out
}

fn all_splits_agree(input: &[u8], limits: FrameLimits) -> Vec<Result<Vec<u8>, FrameError>> {
    let whole = frames(input, input.len(), limits);
    for chunk in [1, 2, 3, 7, 64] {
        assert_eq!(frames(input, chunk, limits), whole, "chunk {chunk}");
    }
    whole
}

fn msgs(list: &[&[u8]]) -> Vec<Result<Vec<u8>, FrameError>> {
    list.iter().map(|m| Ok(m.to_vec())).collect()
}

#[test]
fn messages_and_literals_in_any_split() {
    let input =
        b"A1 NOOP\r\nA2 LOGIN {4}\r\nfred {3+}\r\na\r\n\r\nA3 APPEND x ~{2}\r\n\0\n\r\n* partial";
    let got = all_splits_agree(input, FrameLimits::default());
    assert_eq!(
        got,
        msgs(&[
            b"A1 NOOP\r\n",
            b"A2 LOGIN {4}\r\nfred {3+}\r\na\r\n\r\n",
            b"A3 APPEND x ~{2}\r\n\0\n\r\n"
        ])
    );
}

#[test]
fn bare_lf_is_not_a_line_end() {
    assert_eq!(
        all_splits_agree(b"A1 X\nY\r\n", FrameLimits::default()),
        msgs(&[b"A1 X\nY\r\n"])
    );
}

#[test]
fn sync_literal_waits_for_a_decision() {
    let mut f = Framer::default();
    f.push(b"A1 LOGIN {5}\r\n");
    assert_eq!(
        f.poll(),
        Some(Ok(Frame::LiteralAnnounced {
            head: b"A1 LOGIN {5}\r\n",
            length: 5,
            binary: false
        }))
    );
    assert_eq!(f.poll(), None);
    f.accept_literal();
    f.push(b"hello pw\r\n");
    assert_eq!(
        f.poll(),
        Some(Ok(Frame::Message(b"A1 LOGIN {5}\r\nhello pw\r\n")))
    );
}

#[test]
fn rejected_sync_literal_ends_the_message() {
    let mut f = Framer::default();
    f.push(b"A1 APPEND x {5}\r\nA2 NOOP\r\n");
    assert!(matches!(
        f.poll(),
        Some(Ok(Frame::LiteralAnnounced { length: 5, .. }))
    ));
    f.reject_literal();
    assert_eq!(f.poll(), Some(Ok(Frame::Message(b"A2 NOOP\r\n"))));
}

fn small() -> FrameLimits {
    FrameLimits {
        max_line: 32,
        max_literal: 10,
        max_message: 40,
        max_non_sync_literal: u64::MAX,
    }
}

#[test]
fn literal_limit_just_under_and_over() {
    let ok = b"A1 APPEND x {10+}\r\n0123456789\r\n";
    assert_eq!(all_splits_agree(ok, small()), msgs(&[ok]));
    // Over: the non-synchronizing octets are skipped by count, and the next
    // command (which looks like data) is not mistaken for one.
    let over = b"A1 APPEND x {11+}\r\nA2 NOOP\r\n\r\n tail of A1\r\nA3 NOOP\r\n";
    let got = all_splits_agree(over, small());
    assert_eq!(got.len(), 2);
    assert!(
        matches!(&got[0], Err(FrameError::LiteralTooLarge { length: 11, limit: 10, mode: LiteralMode::NonSync, tag: Some(t) }) if t.as_str() == "A1")
    );
    assert_eq!(got[1], Ok(b"A3 NOOP\r\n".to_vec()));
    // A refused synchronizing literal is never sent: the next line is the
    // next command.
    let sync = b"A1 APPEND x {11}\r\nA2 NOOP\r\n";
    let got = all_splits_agree(sync, small());
    assert!(matches!(
        &got[0],
        Err(FrameError::LiteralTooLarge {
            mode: LiteralMode::Sync,
            ..
        })
    ));
    assert_eq!(got[1], Ok(b"A2 NOOP\r\n".to_vec()));
}

/// [`frames`] for a framer whose peer is a server (literals sent whole).
fn server_frames(input: &[u8], chunk: usize) -> Vec<Result<Vec<u8>, FrameError>> {
    let mut f = Framer::new(small());
    f.set_literals_sent_whole(true);
    let mut out = Vec::new();
    for piece in input.chunks(chunk.max(1)) {
        f.push(piece);
        while let Some(r) = f.poll() {
            match r {
                Ok(Frame::Message(m)) => out.push(Ok(m.to_vec())),
                Ok(Frame::LiteralAnnounced { .. }) => f.accept_literal(),
                Ok(other) => panic!("not streaming: {other:?}"),
                Err(e) => out.push(Err(e)),
            }
        }
        // Bounded memory: the skipped octets are never kept.
        assert!(f.buffered() <= small().max_line + chunk, "{f:?}");
    }
    out
}

#[test]
fn refused_server_sync_literal_is_skipped_by_count() {
    // A server never waits for `+`: its `{24}` octets come whole, and
    // lines inside them must not be read as responses.
    let input = b"* 1 FETCH (BODY[] {24}\r\nA1 OK fake\r\n* 2 EXISTS\r\n \
                  BODY[1] {3}\r\nabc)\r\nA1 OK real\r\n";
    let whole = server_frames(input, input.len());
    for chunk in [1, 2, 3, 7, 64] {
        assert_eq!(server_frames(input, chunk), whole, "chunk {chunk}");
    }
    assert_eq!(whole.len(), 2, "{whole:?}");
    assert!(matches!(
        &whole[0],
        Err(FrameError::LiteralTooLarge {
            length: 24,
            limit: 10,
            mode: LiteralMode::Sync,
            tag: None,
        })
    ));
    assert_eq!(whole[1], Ok(b"A1 OK real\r\n".to_vec()));
    // An over-long server line ending in `{N}` is followed by N octets too.
    let long = b"* 1 FETCH (BODY[] \"xxxxxxxxxxxxxxxxxxxxxxxx\" BODY[1] {12}\r\n\
                 A1 OK fake\r\n)\r\nA1 OK real\r\n";
    let got = server_frames(long, long.len());
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(matches!(&got[0], Err(FrameError::LineTooLong { .. })));
    assert_eq!(got[1], Ok(b"A1 OK real\r\n".to_vec()));
    // From a client (the default) the refused `{24}` is never sent: the
    // next line starts the next command, as before.
    let got = frames(input, input.len(), small());
    assert_eq!(got[1], Ok(b"A1 OK fake\r\n".to_vec()));
}

#[test]
fn message_limit_just_under_and_over() {
    let ok = b"A1 X {10+}\r\n0123456789 {9+}\r\nabcdefghi\r\n";
    assert_eq!(ok.len(), 40);
    assert_eq!(all_splits_agree(ok, small()), msgs(&[ok]));
    // One byte more on the last line.
    let over = b"A1 X {10+}\r\n0123456789 {9+}\r\nabcdefghi \r\nA2 NOOP\r\n";
    let got = all_splits_agree(over, small());
    assert!(matches!(
        &got[0],
        Err(FrameError::MessageTooLarge { limit: 40, .. })
    ));
    assert_eq!(got[1], Ok(b"A2 NOOP\r\n".to_vec()));
    // One byte more in a literal: refused at its header, octets skipped.
    let over = b"A1 X {10+}\r\n0123456789 {10+}\r\nabcdefghij\r\nA2 NOOP\r\n";
    let got = all_splits_agree(over, small());
    assert!(matches!(
        &got[0],
        Err(FrameError::MessageTooLarge {
            limit: 40,
            tag: Some(_)
        })
    ));
    assert_eq!(got[1], Ok(b"A2 NOOP\r\n".to_vec()));
}

#[test]
fn line_limit_just_under_and_over() {
    let ok = b"A1 LOGIN aaaaaaaaa bbbbbbbbbbb\r\n";
    assert_eq!(ok.len(), 32);
    assert_eq!(all_splits_agree(ok, small()), msgs(&[ok]));
    let over = b"A1 LOGIN aaaaaaaaa bbbbbbbbbbbbb\r\nA2 NOOP\r\n";
    let got = all_splits_agree(over, small());
    assert!(
        matches!(&got[0], Err(FrameError::LineTooLong { limit: 32, tag: Some(t) }) if t.as_str() == "A1")
    );
    assert_eq!(got[1], Ok(b"A2 NOOP\r\n".to_vec()));
    // An over-long line that announces a non-synchronizing literal: the
    // octets are skipped by count, as is the rest of that message.
    let lit = b"A1 APPEND xxxxxxxxxxxxxxxxxxxxxxxxxxxx {4+}\r\nA2 X\r\nA3 NOOP\r\n";
    let got = all_splits_agree(lit, small());
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], Ok(b"A3 NOOP\r\n".to_vec()));
    // Longer than the limit without any line end yet: refused at once,
    // without buffering the rest.
    let mut f = Framer::new(small());
    f.push(&[b'x'; 100]);
    assert!(matches!(
        f.poll(),
        Some(Err(FrameError::LineTooLong { .. }))
    ));
    f.push(&[b'y'; 1000]);
    assert_eq!(f.poll(), None);
    assert!(f.buf.len() < 100, "discarded bytes are not kept");
    f.push(b"\r\nA2 NOOP\r\n");
    assert_eq!(f.poll(), Some(Ok(Frame::Message(b"A2 NOOP\r\n"))));
}

#[test]
fn bad_literal_length() {
    let got = all_splits_agree(
        b"A1 X {99999999999999999999}\r\nA2 NOOP\r\n",
        FrameLimits::default(),
    );
    assert!(matches!(
        &got[0],
        Err(FrameError::BadLiteralLength { tag: Some(_) })
    ));
    assert_eq!(got[1], Ok(b"A2 NOOP\r\n".to_vec()));
}

#[test]
fn no_allocation_of_the_announced_size() {
    let mut f = Framer::default();
    f.push(b"A1 APPEND x {60000000+}\r\nabc");
    assert_eq!(f.poll(), None);
    assert!(f.buf.capacity() < 4096);
}

#[test]
fn take_buffered_after_a_message() {
    let mut f = Framer::default();
    f.push(b"A1 STARTTLS\r\n\x16\x03\x01");
    assert_eq!(f.poll(), Some(Ok(Frame::Message(b"A1 STARTTLS\r\n"))));
    assert_eq!(f.take_buffered(), b"\x16\x03\x01");
    assert_eq!(f.buffered(), 0);
}

#[test]
fn literal_minus_limit_applies_to_non_sync_only() {
    let limits = FrameLimits {
        max_non_sync_literal: 4,
        ..FrameLimits::default()
    };
    let ok = b"A1 X {4+}\r\nabcd\r\n";
    assert_eq!(all_splits_agree(ok, limits), msgs(&[ok]));
    let sync = b"A1 X {5}\r\nabcde\r\n";
    assert_eq!(all_splits_agree(sync, limits), msgs(&[sync]));
    let over = b"A1 X {5+}\r\nabcde\r\nA2 NOOP\r\n";
    let got = all_splits_agree(over, limits);
    assert!(matches!(
        &got[0],
        Err(FrameError::LiteralTooLarge {
            limit: 4,
            mode: LiteralMode::NonSync,
            ..
        })
    ));
    assert_eq!(got[1], Ok(b"A2 NOOP\r\n".to_vec()));
}

/// Everything a streaming framer yields, chunks concatenated per literal.
fn stream_frames(input: &[u8], chunk: usize, from: u64) -> Vec<String> {
    let mut f = Framer::default();
    f.set_streaming(Some(from));
    let mut out = Vec::new();
    let mut data = Vec::new();
    for piece in input.chunks(chunk.max(1)) {
        f.push(piece);
        while let Some(r) = f.poll() {
            match r {
                Ok(Frame::LiteralChunk(d)) => data.extend_from_slice(d),
                Ok(Frame::LiteralAnnounced { .. }) => f.accept_literal(),
                Ok(Frame::LiteralStream { head, length }) => out.push(format!(
                    "stream {length} after {:?}",
                    String::from_utf8_lossy(head)
                )),
                Ok(Frame::Message(m)) => {
                    if !data.is_empty() {
                        out.push(format!(
                            "data {:?}",
                            String::from_utf8_lossy(&std::mem::take(&mut data))
                        ));
                    }
                    out.push(format!("message {:?}", String::from_utf8_lossy(m)));
                }
                Err(e) => out.push(format!("error {e}")),
            }
        }
    }
    out
}

#[test]
fn streamed_literals_leave_an_empty_literal() {
    let input = b"A1 APPEND x {5+}\r\nhello\r\nA2 APPEND y ~{12}\r\n0123456789ab (\\Seen) {2}\r\nhi\r\nA3 NOOP\r\n";
    let whole = stream_frames(input, input.len(), 5);
    assert_eq!(
        whole,
        vec![
            "stream 5 after \"A1 APPEND x {0+}\\r\\n\"",
            "data \"hello\"",
            "message \"A1 APPEND x {0+}\\r\\n\\r\\n\"",
            "stream 12 after \"A2 APPEND y ~{0}\\r\\n\"",
            "data \"0123456789ab\"",
            "message \"A2 APPEND y ~{0}\\r\\n (\\\\Seen) {2}\\r\\nhi\\r\\n\"",
            "message \"A3 NOOP\\r\\n\"",
        ]
    );
    for chunk in [1, 2, 3, 7] {
        assert_eq!(stream_frames(input, chunk, 5), whole, "chunk {chunk}");
    }
}

#[test]
fn streaming_keeps_memory_bounded() {
    // 256 MiB through the framer in 64 KiB pieces: the buffer never holds
    // more than a piece and the command line.
    let mut f = Framer::default();
    f.set_streaming(Some(1 << 20));
    f.push(b"A1 APPEND INBOX {268435456+}\r\n");
    assert!(matches!(
        f.poll(),
        Some(Ok(Frame::LiteralStream {
            length: 268_435_456,
            ..
        }))
    ));
    let piece = vec![b'x'; 64 * 1024];
    let mut seen = 0usize;
    let mut peak = 0;
    for _ in 0..4096 {
        f.push(&piece);
        while let Some(Ok(Frame::LiteralChunk(d))) = f.poll() {
            seen += d.len();
        }
        peak = peak.max(f.capacity());
    }
    f.push(b"\r\n");
    assert_eq!(
        f.poll(),
        Some(Ok(Frame::Message(b"A1 APPEND INBOX {0+}\r\n\r\n")))
    );
    assert_eq!(seen, 1 << 28);
    assert!(peak < 1 << 20, "peak buffer {peak} bytes");
}

/// Found by the split property (random bytes, tiny limits): the tag of an
/// over-long line was read from whatever was buffered, so a tag longer
/// than the limit was reported when the line came whole and not when it
/// came byte by byte. Only a tag within the first `max_line` bytes counts.
#[test]
fn tag_of_an_over_long_line_does_not_depend_on_the_split() {
    let limits = FrameLimits {
        max_line: 8,
        max_literal: 8,
        max_message: 64,
        max_non_sync_literal: u64::MAX,
    };
    let long_tag = b"ESEARCHRETURN x\r\nA2 NOOP\r\n";
    let got = all_splits_agree(long_tag, limits);
    assert!(matches!(
        &got[0],
        Err(FrameError::LineTooLong { tag: None, .. })
    ));
    let short_tag = b"A1234 xxxxxxxxxx\r\n";
    let got = all_splits_agree(short_tag, limits);
    assert!(
        matches!(&got[0], Err(FrameError::LineTooLong { tag: Some(t), .. }) if t.as_str() == "A1234")
    );
}
