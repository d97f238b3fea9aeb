//! Capabilities (RFC 9051 §7.2.2 `capability`) and the names of the
//! extensions this crate knows.

use std::borrow::Cow;
use std::fmt;

use super::core::Atom;
use super::number::NzNumber;

macro_rules! capabilities {
    ($($(#[$m:meta])* $var:ident = $name:literal,)*) => {
        /// `capability = ("AUTH=" auth-type) / atom` (RFC 9051 §9).
        ///
        /// Known names are matched case-insensitively and get their own
        /// variant; anything else is kept as [`Capability::Other`], never an
        /// error. `AUTH=`, `COMPRESS=`, `SORT=`, `THREAD=`, `CONTEXT=`,
        /// `RIGHTS=`, `I18NLEVEL=` and the like that take a value are kept as
        /// `Other` too, except `AUTH=` which gets [`Capability::Auth`] and
        /// `MESSAGELIMIT=` / `SAVELIMIT=` (RFC 9738) with their number.
        ///
        /// ```
        /// use imap_proto::types::{Atom, Capability};
        /// let c = Capability::from_atom(Atom::try_from("literal+").unwrap());
        /// assert_eq!(c, Capability::LiteralPlus);
        /// assert_eq!(c.to_string(), "LITERAL+");
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Capability<'a> {
            $($(#[$m])* $var,)*
            /// `AUTH=` mechanism (the atom after `=`, as sent).
            Auth(Atom<'a>),
            /// `"MESSAGELIMIT=" message-limit` (RFC 9738): at most this many
            /// messages per command. Written without leading zeros (one
            /// with them is kept as [`Capability::Other`]).
            MessageLimit(NzNumber),
            /// `"SAVELIMIT=" message-limit` (RFC 9738): the limit for
            /// commands that save messages (COPY, APPEND...).
            SaveLimit(NzNumber),
            /// Any other capability, as sent. Never one of the names above.
            Other(CapabilityOther<'a>),
        }

        const KNOWN: &[(&str, Capability<'static>)] = &[$(($name, Capability::$var),)*];

        impl Capability<'_> {
            /// Detaches the value from the input it was parsed from.
            pub fn into_owned(self) -> Capability<'static> {
                match self {
                    $(Capability::$var => Capability::$var,)*
                    Capability::Auth(a) => Capability::Auth(a.into_owned()),
                    Capability::MessageLimit(n) => Capability::MessageLimit(n),
                    Capability::SaveLimit(n) => Capability::SaveLimit(n),
                    Capability::Other(o) => Capability::Other(CapabilityOther(o.0.into_owned())),
                }
            }
        }

        impl Capability<'_> {
            /// The name of a capability this crate knows, or of an
            /// unknown one; `None` for `AUTH=` and the ones with a number.
            pub(crate) fn known_name(&self) -> Option<&str> {
                match self {
                    $(Capability::$var => Some($name),)*
                    Capability::Auth(_)
                    | Capability::MessageLimit(_)
                    | Capability::SaveLimit(_) => None,
                    Capability::Other(o) => Some(o.0.as_str()),
                }
            }
        }

        impl fmt::Display for Capability<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $(Capability::$var => f.write_str($name),)*
                    Capability::Auth(a) => write!(f, "AUTH={}", a.as_str()),
                    Capability::MessageLimit(n) => write!(f, "MESSAGELIMIT={n}"),
                    Capability::SaveLimit(n) => write!(f, "SAVELIMIT={n}"),
                    Capability::Other(o) => f.write_str(o.0.as_str()),
                }
            }
        }
    };
}

capabilities! {
    /// `IMAP4rev1` (RFC 3501)
    Imap4Rev1 = "IMAP4rev1",
    /// `IMAP4rev2` (RFC 9051)
    Imap4Rev2 = "IMAP4rev2",
    /// `STARTTLS`
    StartTls = "STARTTLS",
    /// `LOGINDISABLED`
    LoginDisabled = "LOGINDISABLED",
    /// `LITERAL+` (RFC 7888)
    LiteralPlus = "LITERAL+",
    /// `LITERAL-` (RFC 7888)
    LiteralMinus = "LITERAL-",
    /// `IDLE` (RFC 2177)
    Idle = "IDLE",
    /// `ENABLE` (RFC 5161)
    Enable = "ENABLE",
    /// `NAMESPACE` (RFC 2342)
    Namespace = "NAMESPACE",
    /// `ID` (RFC 2971)
    Id = "ID",
    /// `UNSELECT` (RFC 3691)
    Unselect = "UNSELECT",
    /// `UIDPLUS` (RFC 4315)
    UidPlus = "UIDPLUS",
    /// `MOVE` (RFC 6851)
    Move = "MOVE",
    /// `CONDSTORE` (RFC 7162)
    CondStore = "CONDSTORE",
    /// `QRESYNC` (RFC 7162)
    QResync = "QRESYNC",
    /// `ESEARCH` (RFC 4731)
    ESearch = "ESEARCH",
    /// `SEARCHRES` (RFC 5182)
    SearchRes = "SEARCHRES",
    /// `SORT` (RFC 5256)
    Sort = "SORT",
    /// `ESORT` (RFC 5267)
    ESort = "ESORT",
    /// `BINARY` (RFC 3516)
    Binary = "BINARY",
    /// `SASL-IR` (RFC 4959)
    SaslIr = "SASL-IR",
    /// `SPECIAL-USE` (RFC 6154)
    SpecialUse = "SPECIAL-USE",
    /// `CREATE-SPECIAL-USE` (RFC 6154)
    CreateSpecialUse = "CREATE-SPECIAL-USE",
    /// `LIST-EXTENDED` (RFC 5258)
    ListExtended = "LIST-EXTENDED",
    /// `LIST-STATUS` (RFC 5819)
    ListStatus = "LIST-STATUS",
    /// `QUOTA` (RFC 9208)
    Quota = "QUOTA",
    /// `METADATA` (RFC 5464)
    Metadata = "METADATA",
    /// `METADATA-SERVER` (RFC 5464)
    MetadataServer = "METADATA-SERVER",
    /// `STATUS=SIZE` (RFC 8438)
    StatusSize = "STATUS=SIZE",
    /// `OBJECTID` (RFC 8474)
    ObjectId = "OBJECTID",
    /// `ACL` (RFC 4314)
    Acl = "ACL",
    /// `MULTIAPPEND` (RFC 3502)
    MultiAppend = "MULTIAPPEND",
    /// `UTF8=ACCEPT` (RFC 6855)
    Utf8Accept = "UTF8=ACCEPT",
    /// `UTF8=ONLY` (RFC 6855)
    Utf8Only = "UTF8=ONLY",
    /// `COMPRESS=DEFLATE` (RFC 4978)
    CompressDeflate = "COMPRESS=DEFLATE",
    /// `WITHIN` (RFC 5032)
    Within = "WITHIN",
    /// `CATENATE` (RFC 4469)
    Catenate = "CATENATE",
    /// `PREVIEW` (RFC 8970)
    Preview = "PREVIEW",
    /// `SAVEDATE` (RFC 8514)
    SaveDate = "SAVEDATE",
    /// `UNAUTHENTICATE` (RFC 8437)
    Unauthenticate = "UNAUTHENTICATE",
    /// `CHILDREN` (RFC 3348)
    Children = "CHILDREN",
    /// `X-GM-EXT-1` (Gmail's IMAP extensions)
    GmailExt1 = "X-GM-EXT-1",
    /// `XLIST` (Gmail)
    Xlist = "XLIST",
    /// `SEARCH=FUZZY` (RFC 6203)
    SearchFuzzy = "SEARCH=FUZZY",
    /// `LIST-MYRIGHTS` (RFC 8440)
    ListMyRights = "LIST-MYRIGHTS",
    /// `LIST-METADATA` (RFC 9590)
    ListMetadata = "LIST-METADATA",
    /// `FILTERS` (RFC 5466)
    Filters = "FILTERS",
    /// `ANNOTATE-EXPERIMENT-1` (RFC 5257)
    AnnotateExperiment1 = "ANNOTATE-EXPERIMENT-1",
    /// `NOTIFY` (RFC 5465)
    Notify = "NOTIFY",
    /// `MULTISEARCH` (RFC 7377)
    MultiSearch = "MULTISEARCH",
    /// `REPLACE` (RFC 8508)
    Replace = "REPLACE",
    /// `UIDONLY` (RFC 9586)
    UidOnly = "UIDONLY",
    /// `LANGUAGE` (RFC 5255)
    Language = "LANGUAGE",
    /// `URLAUTH` (RFC 4467)
    UrlAuth = "URLAUTH",
    /// `URLAUTH=BINARY` (RFC 5524)
    UrlAuthBinary = "URLAUTH=BINARY",
    /// `URL-PARTIAL` (RFC 5550)
    UrlPartial = "URL-PARTIAL",
    /// `JMAPACCESS` (RFC 9698)
    JmapAccess = "JMAPACCESS",
}

/// A capability name this crate has no variant for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CapabilityOther<'a>(Atom<'a>);

impl<'a> CapabilityOther<'a> {
    /// The capability as sent.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
}

impl<'a> Capability<'a> {
    /// Classifies a capability atom; the only way to build
    /// [`Capability::Other`], so every value has one spelling.
    pub fn from_atom(atom: Atom<'a>) -> Self {
        let s = atom.as_str();
        if let Some((_, c)) = KNOWN.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)) {
            return c.clone();
        }
        if let Some(c) = limit_capability(s) {
            return c;
        }
        if s.len() > 5 && s[..5].eq_ignore_ascii_case("AUTH=") {
            if let Ok(m) = Atom::new(match atom.clone().into_cow() {
                Cow::Borrowed(b) => Cow::Borrowed(&b[5..]),
                Cow::Owned(o) => Cow::Owned(o[5..].to_owned()),
            }) {
                return Capability::Auth(m);
            }
        }
        Capability::Other(CapabilityOther(atom))
    }
}

/// `"MESSAGELIMIT=" message-limit` or `"SAVELIMIT=" message-limit`,
/// `message-limit = nz-number` (RFC 9738), the number without leading
/// zeros so that the value has one spelling.
fn limit_capability(s: &str) -> Option<Capability<'static>> {
    let (name, n) = s.split_once('=')?;
    if n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = NzNumber::new(n.parse().ok()?)?;
    if name.eq_ignore_ascii_case("MESSAGELIMIT") {
        Some(Capability::MessageLimit(n))
    } else if name.eq_ignore_ascii_case("SAVELIMIT") {
        Some(Capability::SaveLimit(n))
    } else {
        None
    }
}
