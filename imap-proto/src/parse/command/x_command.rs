//! `x-command = "X" atom <experimental command arguments>` (RFC 3501 §9;
//! RFC 9051 §6.5 keeps experimental commands but drops the rule), and any
//! command name this crate does not know: the name and the raw arguments,
//! literals counted as the framer counts them.

use super::super::core::ascii;
use super::super::{fail, PResult};
use crate::types::{scan_arguments, ArgsEnd, Atom, CommandBody, OtherArguments, OtherCommandName};

/// `x-command = "X" atom <experimental command arguments>` (RFC 3501 §9),
/// generalised to any atom that names no known command: `name [SP
/// arguments]`, where the arguments run to the CRLF that follows no
/// literal header (the message's end, as the framer finds it). `name` is
/// the command name the dispatcher read (not a known one), `i` the input
/// after it. Outside literals the arguments hold no NUL, bare CR or LF.
pub(super) fn x_command<'a>(name: &'a [u8], i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let name = OtherCommandName::unchecked(Atom::unchecked(ascii(name)));
    match i {
        [b'\r', b'\n', ..] => Ok((
            i,
            CommandBody::Other {
                name,
                arguments: None,
            },
        )),
        [b' ', args @ ..] => match scan_arguments(args) {
            Ok(ArgsEnd::Crlf(k)) => Ok((
                &args[k..],
                CommandBody::Other {
                    name,
                    arguments: Some(OtherArguments::unchecked(&args[..k])),
                },
            )),
            Ok(ArgsEnd::End(_)) => fail(&args[args.len()..], "CRLF"),
            Err((at, what)) => fail(&args[at..], what),
        },
        _ => fail(i, "SP or CRLF after the command name"),
    }
}

#[cfg(test)]
mod tests {
    use crate::encode::{EncodeOptions, Fragment};
    use crate::parse_command;
    use crate::types::{
        Command, CommandBody, ConnectionState, LiteralMode, OtherArguments, OtherCommandName,
        OtherPart, Tag, KNOWN_COMMANDS,
    };

    fn other(line: &[u8]) -> (String, Option<Vec<u8>>) {
        let (c, n) = parse_command(line).unwrap();
        assert_eq!(n, line.len(), "{:?}", String::from_utf8_lossy(line));
        assert_eq!(c.to_bytes(), line, "byte for byte");
        match c.body {
            CommandBody::Other { name, arguments } => (
                name.as_str().to_owned(),
                arguments.map(|a| a.as_bytes().to_vec()),
            ),
            b => panic!("{b:?}"),
        }
    }

    #[test]
    fn names_and_arguments() {
        // RFC 3501 §6.5.1, RFC 9051 §6.5.
        assert_eq!(other(b"A442 XPIG-LATIN\r\n"), ("XPIG-LATIN".into(), None));
        // iOS Mail (WildDuck issue #711).
        let push = &b"a5 XAPPLEPUSHSERVICE aps-version 2 aps-account-id 0715A26B-CA09-4730-A419-793000CA982E aps-device-token 2918390218931890821908309283098109381029309829018310983092892829 aps-subtopic com.apple.mobilemail mailboxes (INBOX Notes)\r\n"[..];
        let (name, args) = other(push);
        assert_eq!(name, "XAPPLEPUSHSERVICE");
        assert!(args.unwrap().ends_with(b"mailboxes (INBOX Notes)"));
        assert_eq!(
            other(b"a1 XFOO {3}\r\nabc BAR\r\n"),
            ("XFOO".into(), Some(b"{3}\r\nabc BAR".to_vec()))
        );
        // Empty arguments and no arguments are kept apart.
        assert_eq!(other(b"a1 XFOO \r\n").1, Some(Vec::new()));
        assert_eq!(other(b"a1 XFOO  x \r\n").1, Some(b" x ".to_vec()));
        // Any case, any length; a name is unknown whatever it starts with.
        assert_eq!(other(b"a1 frob\r\n").0, "frob");
        let long = format!("a1 X{}\r\n", "Y".repeat(100));
        assert_eq!(other(long.as_bytes()).0.len(), 101);
        // A literal's octets may hold CRLF, NUL, and what looks like a
        // command: they are counted, never read.
        let (_, a) = other(b"a1 XFOO {16}\r\n\r\na2 LOGOUT\r\n\0\xff z\r\n");
        assert_eq!(a.unwrap(), b"{16}\r\n\r\na2 LOGOUT\r\n\0\xff z");
        // No SP after the name: the name ends at the first non-ATOM-CHAR.
        let (c, n) = parse_command(b"a1 XFOO\r\na2 NOOP\r\n").unwrap();
        assert_eq!(n, 9);
        assert!(matches!(
            c.body,
            CommandBody::Other {
                arguments: None,
                ..
            }
        ));
    }

    #[test]
    fn what_stays_refused() {
        for bad in [
            &b"a1 XFOO(\r\n"[..],
            b"a1 XFOO]\r\n",
            b"a1 XFOO{3}\r\nabc\r\n",
            b"a1 XFOO \0\r\n",
            b"a1 XFOO a\rb\r\n",
            b"a1 XFOO a\nb\r\n",
            b"a1 XFOO {99999999999999999999}\r\n",
            // UID prefixes only the commands RFC 9051 §9 `uid` lists.
            b"a1 UID XFOO\r\n",
            b"a1 UID XFOO 1:*\r\n",
            // Known names with broken arguments are errors, never Other.
            b"a1 LOGIN\r\n",
            b"a1 select\r\n",
            b"a1 FETCH 1 (\r\n",
            b"a1 NOOP x\r\n",
        ] {
            let e = parse_command(bad).unwrap_err();
            assert!(!e.is_incomplete(), "{:?}", String::from_utf8_lossy(bad));
            assert_eq!(e.tag().map(Tag::as_str), Some("a1"));
        }
        // Every strict prefix asks for more.
        let full = b"a1 XFOO {3}\r\nabc {0}\r\n BAR\r\n";
        assert!(parse_command(full).is_ok());
        for k in 0..full.len() {
            assert!(
                parse_command(&full[..k]).unwrap_err().is_incomplete(),
                "{k}"
            );
        }
    }

    /// The names the dispatcher reads are exactly `KNOWN_COMMANDS`: a
    /// command added to the parser and not to the list would let a user
    /// build an `Other` that reads back as that command.
    #[test]
    fn the_known_names_are_the_dispatched_names() {
        let src = include_str!("../command.rs");
        let start = src.find("fn command_body").unwrap();
        let end = src[start..].find("\nfn ").map_or(src.len(), |k| start + k);
        let mut dispatched = Vec::new();
        let mut rest = &src[start..end];
        while let Some(k) = rest.find("b\"") {
            rest = &rest[k + 2..];
            let q = rest.find('"').unwrap();
            let word = &rest[..q];
            // A match arm's pattern: `b"NAME" =>` or `b"NAME" | ...`.
            let arm = rest[q + 1..].trim_start();
            if !word.is_empty()
                && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
                && (arm.starts_with("=>") || arm.starts_with('|'))
            {
                dispatched.push(word.to_owned());
            }
            rest = &rest[q + 1..];
        }
        assert!(dispatched.len() >= 40, "{dispatched:?}");
        for d in &dispatched {
            assert!(
                KNOWN_COMMANDS.contains(&d.as_str()),
                "{d} is not in KNOWN_COMMANDS"
            );
        }
        for k in KNOWN_COMMANDS {
            assert!(dispatched.iter().any(|d| d == k), "{k} is not dispatched");
            assert!(OtherCommandName::try_from(*k).is_err());
            assert!(OtherCommandName::try_from(k.to_lowercase().as_str()).is_err());
            for args in ["", " x"] {
                let line = format!("a1 {k}{args}\r\n");
                if let Ok((c, _)) = parse_command(line.as_bytes()) {
                    assert!(!matches!(c.body, CommandBody::Other { .. }), "{line}");
                }
            }
        }
    }

    #[test]
    fn arguments_are_one_command() {
        for ok in [
            &b""[..],
            b" ",
            b"a (b c) \"d\"",
            b"{3}\r\nabc",
            b"{3}\r\na\r\n",
            b"~{2}\r\n\0\0 x {0}\r\n",
            b"{03+}\r\nabc}",
            b"\xc3\xa9",
        ] {
            let a = OtherArguments::new(ok).unwrap();
            let c = Command {
                tag: Tag::try_from("t").unwrap(),
                body: CommandBody::Other {
                    name: OtherCommandName::try_from("XFOO").unwrap(),
                    arguments: Some(a),
                },
            };
            let bytes = c.to_bytes();
            let (back, n) = parse_command(&bytes).unwrap();
            assert_eq!((back, n), (c, bytes.len()));
        }
        for bad in [
            &b"a\r\nb2 LOGOUT"[..],
            b"a\r\n",
            b"\r\n",
            b"a\n",
            b"a\r",
            b"a\0",
            b"x {5}",
            b"x {5+}",
            b"x ~{5}",
            b"{5}\r\nabc",
            b"{3}\r\nabc\r\nb2 LOGOUT",
            b"{99999999999999999999}\r\n",
            b"{1}\r\na {2}",
        ] {
            assert!(
                OtherArguments::new(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn parts_and_fragments() {
        let line = b"a1 XFOO {2}\r\nab ~{1+}\r\n\0 end\r\n";
        let (c, _) = parse_command(line).unwrap();
        let CommandBody::Other {
            arguments: Some(a), ..
        } = &c.body
        else {
            panic!()
        };
        let parts: Vec<_> = a.parts().collect();
        assert_eq!(
            parts,
            [
                OtherPart::Text(b"{2}"),
                OtherPart::Literal {
                    data: b"ab",
                    mode: LiteralMode::Sync,
                    binary: false
                },
                OtherPart::Text(b" ~{1+}"),
                OtherPart::Literal {
                    data: b"\0",
                    mode: LiteralMode::NonSync,
                    binary: true
                },
                OtherPart::Text(b" end"),
            ]
        );
        // As a client sends it: a synchronizing literal is its own
        // fragment, to wait for `+`.
        let e = c.encode(EncodeOptions::default());
        let f: Vec<_> = e.fragments().collect();
        assert_eq!(
            f,
            [
                Fragment::Line(b"a1 XFOO {2}\r\n"),
                Fragment::Literal {
                    data: b"ab",
                    mode: LiteralMode::Sync
                },
                Fragment::Line(b" ~{1+}\r\n"),
                Fragment::Literal {
                    data: b"\0",
                    mode: LiteralMode::NonSync
                },
                Fragment::Line(b" end\r\n"),
            ]
        );
        // A Client whose server has not allowed LITERAL+ sends `{N}`.
        let down = EncodeOptions {
            downgrade_non_sync: true,
            ..EncodeOptions::default()
        };
        assert_eq!(
            c.encode(down).as_bytes(),
            b"a1 XFOO {2}\r\nab ~{1}\r\n\0 end\r\n"
        );
        let plus = EncodeOptions {
            literal_plus: true,
            ..down
        };
        assert_eq!(c.encode(plus).as_bytes(), line);
    }

    #[test]
    fn never_allowed_and_owned() {
        let (c, _) = parse_command(b"a1 XFOO x\r\n").unwrap();
        for s in [
            ConnectionState::NotAuthenticated,
            ConnectionState::Authenticated,
            ConnectionState::Selected,
            ConnectionState::Logout,
        ] {
            assert!(!c.body.allowed_in(s));
        }
        assert_eq!(c.body.name(), "x-command");
        let owned: Command<'static> = c.clone().into_owned();
        assert_eq!(owned, c);
        assert_eq!(
            format!("{:?}", owned.body),
            "Other { name: OtherCommandName(\"XFOO\"), arguments: Some(OtherArguments(\"x\")) }"
        );
    }
}
