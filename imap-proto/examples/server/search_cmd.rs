//! The SEARCH command (keys are in `search`), answered with SEARCH or
//! ESEARCH.

use imap_proto::types::{
    AString, Data, ESearchResponse, ESearchReturnData, Response, ResponseCode, SearchArgs,
    SearchReturnOption, Tag,
};

use super::conn::*;
use super::search::{self, Candidate};

impl Conn {
    pub(super) fn search(&mut self, tag: &Tag<'_>, uid: bool, args: &SearchArgs<'_>) -> Reply {
        if let Some(cs) = &args.charset {
            let cs = cs.as_bytes();
            if !cs.eq_ignore_ascii_case(b"US-ASCII") && !cs.eq_ignore_ascii_case(b"UTF-8") {
                return no(
                    Some(ResponseCode::BadCharset(Vec::new())),
                    "Unsupported charset",
                );
            }
        }
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        let max_seq = sel.view.len() as u32;
        let max_uid = sel.view.last().map_or(0, |k| k.uid);
        let mut hits = Vec::new();
        for (i, k) in sel.view.iter().enumerate() {
            let c = Candidate {
                seq: i as u32 + 1,
                uid: k.uid,
                flags: &k.flags,
                recent: k.recent,
                message: &k.message,
                max_seq,
                max_uid,
            };
            let mut all = true;
            for key in args.keys.iter() {
                match search::matches(key, &c) {
                    Ok(true) => {}
                    Ok(false) => {
                        all = false;
                        break;
                    }
                    Err(e) => return bad(e),
                }
            }
            if all {
                hits.push(if uid { k.uid } else { c.seq });
            }
        }
        let returns = match (&args.return_opts, self.rev2) {
            (Some(opts), _) if opts.is_empty() => Some(vec![SearchReturnOption::All]),
            (Some(opts), _) => Some(opts.clone()),
            (None, true) => Some(vec![SearchReturnOption::All]),
            (None, false) => None,
        };
        let Some(returns) = returns else {
            self.send(&Response::Data(Data::Search {
                numbers: hits,
                modseq: None,
            }));
            return ok("SEARCH completed");
        };
        // ESEARCH (RFC 4731, RFC 9051 §7.3.4).
        let mut data = Vec::new();
        for r in &returns {
            match r {
                SearchReturnOption::Min => {
                    data.extend(hits.first().map(|&n| ESearchReturnData::Min(nz(n))))
                }
                SearchReturnOption::Max => {
                    data.extend(hits.last().map(|&n| ESearchReturnData::Max(nz(n))))
                }
                SearchReturnOption::All => {
                    let mut sorted = hits.clone();
                    sorted.sort_unstable();
                    data.extend(uid_set(&sorted).map(ESearchReturnData::All));
                }
                SearchReturnOption::Count => data.push(ESearchReturnData::Count(hits.len() as u32)),
                _ => return bad("SEARCH return option not supported"),
            }
        }
        self.send(&Response::Data(Data::ESearch(ESearchResponse {
            tag: Some(AString::from(tag.as_str()).into_owned()),
            mailbox: None,
            uid_validity: None,
            uid,
            data,
        })));
        ok("SEARCH completed")
    }
}
