//! Addresses and identifiers: RFC 5322 §3.4 address lists (with the §4.4 obsolete
//! forms), RFC 2047 display names, RFC 5322 §3.6.4 `Message-ID` / `In-Reply-To` /
//! `References`, RFC 2369 `List-Unsubscribe` and RFC 8058 one-click unsubscribe.
//!
//! Leniencies: unquoted specials in display names (`alice@example.com <a@example.com>`),
//! encoded words inside quoted strings (common, though RFC 2047 §5 forbids it), an
//! unclosed `<` or group (partial value), a bare local part without a domain
//! (`undisclosed-recipients`), obsolete routes (`<@relay.example:a@example.com>`).

use serde::Serialize;

use super::lex::{Spanned, Token, decode_2047, tokenize};

/// One mailbox: an optional display name and an address (RFC 5322 §3.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Mailbox {
    /// The display name with RFC 2047 encoded words decoded and quotes removed.
    pub display_name: Option<String>,
    /// The display name exactly as written (encoded words and quotes kept).
    pub display_name_raw: Option<String>,
    /// The local part, unquoted.
    pub local_part: String,
    /// The domain as written (a name or an `[address literal]`); `None` when missing.
    pub domain: Option<String>,
    /// The addr-spec, `local@domain` (local part re-quoted when it needs quotes).
    pub address: String,
    /// Comments around the mailbox (the obsolete `a@example.com (Alice)` name form).
    pub comment: Option<String>,
}

/// A named group of mailboxes (`Team: a@example.com, b@example.com;`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group name, decoded.
    pub name: String,
    /// The group name as written.
    pub name_raw: String,
    /// Its members (often none: `undisclosed-recipients:;`).
    pub members: Vec<Mailbox>,
}

/// One entry of an address list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Address {
    /// A single mailbox.
    Mailbox(Mailbox),
    /// A group.
    Group(Group),
}

/// Parses an address list (`From`, `To`, `Cc`, `Reply-To`, `Sender`…).
pub fn parse_address_list(value: &str) -> Vec<Address> {
    let tokens = tokenize(value, &['<', '>', ',', ':', ';', '@']);
    let mut p = ListParser {
        value,
        out: Vec::new(),
        group: None,
        phrase: Vec::new(),
        angle: None,
        angle_done: None,
        angle_start: None,
        comments: Vec::new(),
    };
    for t in &tokens {
        p.token(t);
    }
    p.finish_mailbox();
    if let Some(g) = p.group.take() {
        p.out.push(Address::Group(g));
    }
    p.out
}

/// All mailboxes of a list, group members included, in order.
pub fn mailboxes(list: &[Address]) -> Vec<&Mailbox> {
    let mut out = Vec::new();
    for a in list {
        match a {
            Address::Mailbox(m) => out.push(m),
            Address::Group(g) => out.extend(g.members.iter()),
        }
    }
    out
}

struct ListParser<'a> {
    value: &'a str,
    out: Vec<Address>,
    group: Option<Group>,
    /// Tokens since the last separator, outside angle brackets.
    phrase: Vec<&'a Spanned>,
    /// Tokens inside an open `<`.
    angle: Option<Vec<&'a Spanned>>,
    /// The addr-spec tokens of a closed `<…>`.
    angle_done: Option<Vec<&'a Spanned>>,
    /// Where the `<` stood, to slice the raw display name.
    angle_start: Option<usize>,
    comments: Vec<String>,
}

impl<'a> ListParser<'a> {
    fn token(&mut self, t: &'a Spanned) {
        if let Some(angle) = self.angle.as_mut() {
            match &t.token {
                Token::Special('>') => {
                    self.angle_done = self.angle.take();
                }
                // Obsolete route "@a.example,@b.example:": keep what follows the colon.
                Token::Special(':') => angle.clear(),
                Token::Special(',') | Token::Special('<') => {}
                Token::Comment(c) => self.comments.push(c.clone()),
                _ => angle.push(t),
            }
            return;
        }
        match &t.token {
            Token::Comment(c) => self.comments.push(c.clone()),
            Token::Special('<') => {
                self.angle = Some(Vec::new());
                self.angle_start = Some(t.start);
            }
            Token::Special('>') => {}
            Token::Special(':') if self.group.is_none() => {
                let (name, name_raw) = self.display(t.start);
                self.group = Some(Group {
                    name: name.unwrap_or_default(),
                    name_raw: name_raw.unwrap_or_default(),
                    members: Vec::new(),
                });
                self.phrase.clear();
                self.comments.clear();
            }
            Token::Special(';') => {
                self.finish_mailbox();
                if let Some(g) = self.group.take() {
                    self.out.push(Address::Group(g));
                }
            }
            Token::Special(',') => self.finish_mailbox(),
            _ => self.phrase.push(t),
        }
    }

    /// The display name before offset `end`: (decoded, raw).
    fn display(&self, end: usize) -> (Option<String>, Option<String>) {
        let Some(first) = self.phrase.first() else {
            return (None, None);
        };
        let raw = self
            .value
            .get(first.start..end)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let mut text = String::new();
        for t in &self.phrase {
            match &t.token {
                Token::Word(w) | Token::Quoted(w) => {
                    if !text.is_empty() && !text.ends_with('@') {
                        text.push(' ');
                    }
                    text.push_str(w);
                }
                Token::Special(c) => text.push(*c),
                Token::Comment(_) => {}
            }
        }
        let decoded = decode_2047(text.trim());
        ((!decoded.is_empty()).then_some(decoded), raw)
    }

    fn finish_mailbox(&mut self) {
        let mailbox = if let Some(spec) = self.angle_done.take().or_else(|| self.angle.take()) {
            let (display_name, display_name_raw) =
                self.display(self.angle_start.unwrap_or(self.value.len()));
            let mut m = addr_spec(&spec);
            m.display_name = display_name;
            m.display_name_raw = display_name_raw;
            Some(m)
        } else if self.phrase.is_empty() {
            None
        } else {
            Some(addr_spec(&self.phrase))
        };
        if let Some(mut m) = mailbox {
            if !self.comments.is_empty() {
                m.comment = Some(self.comments.join(" "));
            }
            match self.group.as_mut() {
                Some(g) => g.members.push(m),
                None => self.out.push(Address::Mailbox(m)),
            }
        }
        self.phrase.clear();
        self.comments.clear();
        self.angle_start = None;
    }
}

/// Builds a mailbox from addr-spec tokens: the local part before the last `@`.
fn addr_spec(tokens: &[&Spanned]) -> Mailbox {
    let at = tokens.iter().rposition(|t| t.token == Token::Special('@'));
    let text = |ts: &[&Spanned]| -> String {
        ts.iter()
            .filter_map(|t| match &t.token {
                Token::Word(w) | Token::Quoted(w) => Some(w.as_str()),
                Token::Special('@') => Some("@"),
                _ => None,
            })
            .collect()
    };
    let (local, domain) = match at {
        Some(i) => (
            text(tokens.get(..i).unwrap_or(&[])),
            Some(text(tokens.get(i + 1..).unwrap_or(&[]))).filter(|d| !d.is_empty()),
        ),
        None => (text(tokens), None),
    };
    let quoted_local = if needs_quotes(&local) {
        format!("\"{}\"", local.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        local.clone()
    };
    let address = match &domain {
        Some(d) => format!("{quoted_local}@{d}"),
        None => quoted_local,
    };
    Mailbox {
        local_part: local,
        domain,
        address,
        ..Mailbox::default()
    }
}

/// True when a local part is not a dot-atom (RFC 5322 §3.2.3) and must be quoted.
fn needs_quotes(local: &str) -> bool {
    let atext = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    local.is_empty()
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !local.chars().all(|c| atext(c) || c == '.')
}

/// A message identifier (RFC 5322 §3.6.4), without its angle brackets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MessageId {
    /// The identifier between `<` and `>`.
    pub id: String,
    /// The part after the last `@` (usually the generating host's domain).
    pub domain: Option<String>,
}

/// The identifiers of a `Message-ID`, `In-Reply-To` or `References` value, in order.
/// Without angle brackets, each word is taken as one identifier.
pub fn parse_message_ids(value: &str) -> Vec<MessageId> {
    bracketed(value)
        .into_iter()
        .map(|id| {
            let domain = id
                .rsplit_once('@')
                .map(|(_, d)| d.to_string())
                .filter(|d| !d.is_empty());
            MessageId { id, domain }
        })
        .collect()
}

/// The identifier of a `Message-ID` value (the first one).
pub fn parse_message_id(value: &str) -> Option<MessageId> {
    parse_message_ids(value).into_iter().next()
}

/// `<…>` items outside comments; bare words when there are none. An unclosed `<`
/// runs to the end.
fn bracketed(value: &str) -> Vec<String> {
    let tokens = tokenize(value, &['<', '>', ',']);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut bare = Vec::new();
    for t in tokens {
        match (t.token, current.as_mut()) {
            (Token::Special('<'), _) => current = Some(String::new()),
            (Token::Special('>'), Some(_)) => out.extend(current.take()),
            (Token::Word(w), Some(c)) | (Token::Quoted(w), Some(c)) => c.push_str(&w),
            (Token::Special(','), Some(c)) => c.push(','),
            (Token::Word(w), None) => bare.push(w),
            _ => {}
        }
    }
    out.extend(current.filter(|c| !c.is_empty()));
    if out.is_empty() {
        out = bare;
    }
    out.retain(|s| !s.is_empty());
    out
}

/// One URI of a `List-Unsubscribe` field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UnsubscribeUri {
    /// The URI as written, without angle brackets.
    pub uri: String,
    /// Its scheme, lower-cased (`mailto`, `https`, `http`); empty when none.
    pub scheme: String,
}

/// `List-Unsubscribe` (RFC 2369 §3.2) with its `List-Unsubscribe-Post` (RFC 8058).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ListUnsubscribe {
    /// The URIs, in order of preference.
    pub uris: Vec<UnsubscribeUri>,
    /// True when `List-Unsubscribe-Post: List-Unsubscribe=One-Click` is present.
    pub one_click: bool,
}

impl ListUnsubscribe {
    /// True when one-click unsubscription works as RFC 8058 §3.1 requires: the
    /// `List-Unsubscribe-Post` field and at least one HTTPS URI. (The RFC also requires
    /// a valid DKIM signature covering both fields; that is checked elsewhere.)
    pub fn one_click_ready(&self) -> bool {
        self.one_click && self.uris.iter().any(|u| u.scheme == "https")
    }
}

/// Parses `List-Unsubscribe`, with the `List-Unsubscribe-Post` value when present.
pub fn parse_list_unsubscribe(value: &str, post: Option<&str>) -> ListUnsubscribe {
    let has_brackets = value.contains('<');
    let items: Vec<String> = if has_brackets {
        bracketed(value)
    } else {
        value
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let uris = items
        .into_iter()
        .map(|uri| {
            let uri: String = uri.chars().filter(|c| !c.is_whitespace()).collect();
            let scheme = uri
                .split_once(':')
                .map(|(s, _)| s.to_ascii_lowercase())
                .filter(|s| {
                    !s.is_empty()
                        && s.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
                })
                .unwrap_or_default();
            UnsubscribeUri { uri, scheme }
        })
        .collect();
    ListUnsubscribe {
        uris,
        one_click: post.is_some_and(is_one_click),
    }
}

/// True when a `List-Unsubscribe-Post` value is `List-Unsubscribe=One-Click`
/// (RFC 8058 §3.1; case and surrounding space tolerated).
pub fn is_one_click(post: &str) -> bool {
    post.trim().split_once('=').is_some_and(|(k, v)| {
        k.trim().eq_ignore_ascii_case("List-Unsubscribe")
            && v.trim().eq_ignore_ascii_case("One-Click")
    })
}

/// Decodes RFC 2047 encoded-words in an unstructured value (Subject).
pub fn decode_words(value: &str) -> String {
    super::lex::decode_2047(value)
}

/// The first thing that looks like an address inside free text (a display name that
/// shows `support@bank.example` while the real address is elsewhere).
pub fn address_in_text(text: &str) -> Option<String> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | '(' | ')' | '"' | '\'' | ',' | ';' | '[' | ']'
            )
    })
    .map(|w| w.trim_matches(|c: char| c == '.' || c == ':'))
    .find(|w| {
        w.split_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.starts_with('.'))
    })
    .map(str::to_ascii_lowercase)
}

/// The lower-cased domain of an address (`a@Example.COM` → `example.com`).
pub fn domain_of(address: &str) -> Option<String> {
    address
        .trim()
        .trim_matches(|c| c == '<' || c == '>')
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_end_matches('.').to_ascii_lowercase())
        .filter(|d| !d.is_empty())
}

/// True for characters that change how text reads without showing themselves: bidi
/// controls (U+200E/F, U+202A–202E, U+2066–2069), zero-width ones (U+200B–200D, U+2060,
/// U+FEFF) and the soft hyphen.
fn is_hidden(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{AD}')
}

/// `U+202E`-style names of the hidden characters in `text`, each once, in order.
pub fn hidden_characters(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| is_hidden(*c)) {
        let name = format!("U+{:04X}", c as u32);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// `text` with every hidden character replaced by a visible marker (`⟨U+202E⟩`).
pub fn reveal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name <address> (comment)` or `Group: …;` per entry, for compact tables.
    fn show(list: &[Address]) -> Vec<String> {
        fn mb(m: &Mailbox) -> String {
            let mut s = String::new();
            if let Some(n) = &m.display_name {
                s += &format!("{n} ");
            }
            s += &format!("<{}>", m.address);
            if let Some(c) = &m.comment {
                s += &format!(" ({c})");
            }
            s
        }
        list.iter()
            .map(|a| match a {
                Address::Mailbox(m) => mb(m),
                Address::Group(g) => format!(
                    "{}: {};",
                    g.name,
                    g.members.iter().map(mb).collect::<Vec<_>>().join(", ")
                ),
            })
            .collect()
    }

    #[test]
    fn address_list_table() {
        let table: &[(&str, &[&str])] = &[
            ("alice@example.com", &["<alice@example.com>"]),
            ("Alice <alice@example.com>", &["Alice <alice@example.com>"]),
            (
                "\"Dupont, Alice\" <alice@example.com>, bob@example.net",
                &["Dupont, Alice <alice@example.com>", "<bob@example.net>"],
            ),
            (
                "=?utf-8?q?Andr=C3=A9_Dupont?= <andre@example.com>",
                &["André Dupont <andre@example.com>"],
            ),
            (
                "=?UTF-8?B?w4lsb2TDqWU=?= =?UTF-8?Q?_Martin?= <e@example.fr>",
                &["Élodée Martin <e@example.fr>"],
            ),
            (
                "\"=?utf-8?q?Caf=C3=A9?=\" <cafe@example.com>",
                &["Café <cafe@example.com>"],
            ),
            (
                "alice@example.com (Alice Dupont)",
                &["<alice@example.com> (Alice Dupont)"],
            ),
            ("\"john doe\"@example.com", &["<\"john doe\"@example.com>"]),
            (
                "Team: alice@example.com, Bob <bob@example.net>;, carol@example.org",
                &[
                    "Team: <alice@example.com>, Bob <bob@example.net>;",
                    "<carol@example.org>",
                ],
            ),
            ("undisclosed-recipients:;", &["undisclosed-recipients: ;"]),
            (
                "<@relay.example.net:alice@example.com>",
                &["<alice@example.com>"],
            ),
            (
                "alice@example.com <alice@example.com>",
                &["alice@example.com <alice@example.com>"],
            ),
            ("postmaster@[192.0.2.1]", &["<postmaster@[192.0.2.1]>"]),
            ("john . doe @ example . com", &["<john.doe@example.com>"]),
            ("Alice <alice@exa", &["Alice <alice@exa>"]),
            ("undisclosed-recipients", &["<undisclosed-recipients>"]),
            ("Team: alice@example.com", &["Team: <alice@example.com>;"]),
            ("", &[]),
            (
                "Alice (work) <alice@example.com>",
                &["Alice <alice@example.com> (work)"],
            ),
        ];
        for (input, expected) in table {
            assert_eq!(show(&parse_address_list(input)), *expected, "{input}");
        }
    }

    #[test]
    fn keeps_raw_names_and_domains() {
        let list = parse_address_list("=?utf-8?q?Andr=C3=A9?= <andre@Example.COM>");
        let m = mailboxes(&list);
        let first = m.first().copied().cloned().unwrap_or_default();
        assert_eq!(
            first.display_name_raw.as_deref(),
            Some("=?utf-8?q?Andr=C3=A9?=")
        );
        assert_eq!(first.display_name.as_deref(), Some("André"));
        assert_eq!(first.local_part, "andre");
        assert_eq!(first.domain.as_deref(), Some("Example.COM"));
        let g = parse_address_list("Team: a@example.com, b@example.net;");
        assert_eq!(mailboxes(&g).len(), 2);
    }

    /// (input, [(id, domain)])
    type IdCase = (
        &'static str,
        &'static [(&'static str, Option<&'static str>)],
    );

    #[test]
    fn message_ids() {
        let table: &[IdCase] = &[
            (
                "<CAF=abc+def@mail.gmail.com>",
                &[("CAF=abc+def@mail.gmail.com", Some("mail.gmail.com"))],
            ),
            (
                "<a@example.com> (comment <x@y>) <b@example.net>",
                &[
                    ("a@example.com", Some("example.com")),
                    ("b@example.net", Some("example.net")),
                ],
            ),
            (
                "  a@example.com  ",
                &[("a@example.com", Some("example.com"))],
            ),
            ("<no-domain>", &[("no-domain", None)]),
            ("<trunc@exa", &[("trunc@exa", Some("exa"))]),
            ("", &[]),
        ];
        for (input, expected) in table {
            let got: Vec<(String, Option<String>)> = parse_message_ids(input)
                .into_iter()
                .map(|m| (m.id, m.domain))
                .collect();
            let want: Vec<(String, Option<String>)> = expected
                .iter()
                .map(|(i, d)| (i.to_string(), d.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{input}");
        }
        assert_eq!(
            parse_message_id("<a@example.com> <b@example.com>").map(|m| m.id),
            Some("a@example.com".into())
        );
    }

    #[test]
    fn list_unsubscribe() {
        let lu = parse_list_unsubscribe(
            "<mailto:unsub@example.com?subject=unsubscribe>,\r\n <https://example.com/unsub?id=123>",
            Some("List-Unsubscribe=One-Click"),
        );
        let schemes: Vec<&str> = lu.uris.iter().map(|u| u.scheme.as_str()).collect();
        assert_eq!(schemes, ["mailto", "https"]);
        assert_eq!(
            lu.uris.get(1).map(|u| u.uri.as_str()),
            Some("https://example.com/unsub?id=123")
        );
        assert!(lu.one_click && lu.one_click_ready());

        let lu = parse_list_unsubscribe(
            "<mailto:unsub@example.com>",
            Some("List-Unsubscribe=One-Click"),
        );
        assert!(lu.one_click && !lu.one_click_ready());
        let lu = parse_list_unsubscribe("<https://example.com/u>", None);
        assert!(!lu.one_click);
        let lu = parse_list_unsubscribe("https://example.com/u, mailto:u@example.com", None);
        assert_eq!(lu.uris.len(), 2);

        for (post, expected) in [
            ("List-Unsubscribe=One-Click", true),
            (" list-unsubscribe = one-click ", true),
            ("List-Unsubscribe=One-Click-Later", false),
            ("One-Click", false),
            ("", false),
        ] {
            assert_eq!(is_one_click(post), expected, "{post:?}");
        }
    }
}
