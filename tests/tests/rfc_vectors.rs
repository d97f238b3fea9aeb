//! The examples of the RFCs, one message each (`tests/vectors/`), checked
//! four ways: whole, every strict prefix, with trailing bytes, round trip.
//! Every failure is listed, then the test fails once.

use imap_proto_tests::{
    check_command, check_refused, check_response, crate_dir, load_vector_dir, load_vectors,
    parse_command_owned, parse_response_owned, Failures, Vector,
};

fn vectors(dir: &str) -> Vec<Vector> {
    let v = load_vector_dir(crate_dir().join("vectors").join(dir));
    assert!(!v.is_empty(), "no vectors in {dir}");
    v
}

#[test]
fn rfc_commands() {
    let mut f = Failures::default();
    for v in vectors("commands") {
        f.record(v.name(), check_command(&v.bytes));
    }
    f.finish("RFC command vectors");
}

#[test]
fn rfc_responses() {
    let mut f = Failures::default();
    for v in vectors("responses") {
        f.record(v.name(), check_response(&v.bytes));
    }
    f.finish("RFC response vectors");
}

/// Unknown and experimental commands (`x-command`), hand-written from the
/// RFCs and the public record: the same four ways.
#[test]
fn x_command_vectors() {
    let v = load_vectors(crate_dir().join("vectors/x_commands.txt"));
    assert!(v.len() >= 10, "{}", v.len());
    let mut f = Failures::default();
    for v in v {
        f.record(v.name(), check_command(&v.bytes));
        match imap_proto::parse_command(&v.bytes) {
            Ok((c, _)) if matches!(c.body, imap_proto::types::CommandBody::Other { .. }) => {
                if c.to_bytes() != v.bytes {
                    f.record(v.name(), vec!["not re-encoded byte for byte".into()]);
                }
            }
            other => f.record(v.name(), vec![format!("not an Other command: {other:?}")]),
        }
    }
    f.finish("x-command vectors");
}

#[test]
fn rfc_invalid_commands_are_refused() {
    let mut f = Failures::default();
    for v in load_vectors(crate_dir().join("vectors/invalid/commands.txt")) {
        f.record(v.name(), check_refused(&v.bytes, &parse_command_owned));
    }
    f.finish("invalid RFC command vectors");
}

#[test]
fn rfc_invalid_responses_are_refused() {
    let path = crate_dir().join("vectors/invalid/responses.txt");
    let mut f = Failures::default();
    if path.exists() {
        for v in load_vectors(path) {
            f.record(v.name(), check_refused(&v.bytes, &parse_response_owned));
        }
    }
    f.finish("invalid RFC response vectors");
}

/// The lines that are not commands (AUTHENTICATE responses, DONE) load as
/// single lines; the session layer uses them.
#[test]
fn client_lines_load() {
    let v = load_vectors(crate_dir().join("vectors/client_lines.txt"));
    assert!(v.len() >= 10, "{}", v.len());
    for v in v {
        let body = v.bytes.strip_suffix(b"\r\n").expect("ends in CRLF");
        assert!(
            !body.contains(&b'\r') && !body.contains(&b'\n'),
            "{}",
            v.name()
        );
    }
}

/// Every vector file reads, and every vector is one whole message.
#[test]
fn vector_files_are_well_formed() {
    let mut all = vectors("commands");
    all.extend(vectors("responses"));
    assert!(all.len() >= 300, "only {} vectors", all.len());
    for v in &all {
        assert_eq!(
            imap_proto_tests::message_len(&v.bytes),
            Some(v.bytes.len()),
            "{} is not exactly one message",
            v.name()
        );
    }
}
