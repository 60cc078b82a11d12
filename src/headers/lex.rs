//! Shared lexing for structured header values (RFC 5322 §3.2.2 CFWS, §3.2.4 quoted strings).
//!
//! Every parser in `headers` reads untrusted text, so this lexer never fails: an
//! unclosed comment or quoted string runs to the end of the input (a partial value),
//! nesting is counted without recursion, and all slicing happens at ASCII delimiters.

/// One lexical unit of a structured header value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// A run of characters without white space, `(`, `"`, or any of the caller's
    /// specials. Square-bracketed literals (`[192.0.2.1]`) stay in one word even
    /// when they contain specials or spaces.
    Word(String),
    /// A quoted string, unescaped, without its quotes.
    Quoted(String),
    /// A comment's content without the outer parentheses (nested ones kept).
    Comment(String),
    /// One of the caller's special characters.
    Special(char),
}

/// A token with the byte offset where it starts in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Spanned {
    pub token: Token,
    pub start: usize,
}

/// Splits `input` into words, quoted strings, comments and `specials`.
pub(crate) fn tokenize(input: &str, specials: &[char]) -> Vec<Spanned> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '(' {
            chars.next();
            let mut depth = 1usize;
            let mut text = String::new();
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            text.push(e);
                        }
                    }
                    '(' => {
                        depth += 1;
                        text.push(c);
                    }
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        text.push(c);
                    }
                    _ => text.push(c),
                }
            }
            out.push(Spanned {
                token: Token::Comment(collapse_ws(&text)),
                start,
            });
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            text.push(e);
                        }
                    }
                    '"' => break,
                    '\r' | '\n' => {}
                    _ => text.push(c),
                }
            }
            out.push(Spanned {
                token: Token::Quoted(text),
                start,
            });
        } else if specials.contains(&c) {
            chars.next();
            out.push(Spanned {
                token: Token::Special(c),
                start,
            });
        } else {
            let mut text = String::new();
            let mut in_bracket = false;
            while let Some(&(_, c)) = chars.peek() {
                if in_bracket {
                    if c == ']' {
                        in_bracket = false;
                    }
                    if !c.is_whitespace() {
                        text.push(c);
                    }
                    chars.next();
                    continue;
                }
                if c.is_whitespace() || c == '(' || c == '"' || specials.contains(&c) {
                    break;
                }
                if c == '[' {
                    in_bracket = true;
                }
                text.push(c);
                chars.next();
            }
            out.push(Spanned {
                token: Token::Word(text),
                start,
            });
        }
    }
    out
}

/// Replaces runs of white space (CR and LF included) by one space and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes RFC 2047 encoded words in `s` (with mail-parser), leaving other text as is.
/// Text without `=?` is returned unchanged.
pub(crate) fn decode_2047(s: &str) -> String {
    if !s.contains("=?") {
        return s.to_string();
    }
    let mut bytes = s.replace(['\r', '\n'], " ").into_bytes();
    bytes.push(b'\n');
    match mail_parser::parsers::MessageStream::new(&bytes).parse_unstructured() {
        mail_parser::HeaderValue::Text(t) => t.into_owned(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(input: &str) -> Vec<Token> {
        tokenize(input, &[';', '='])
            .into_iter()
            .map(|s| s.token)
            .collect()
    }

    #[test]
    fn lexes_comments_quotes_and_literals() {
        use Token::*;
        assert_eq!(
            words(r#"a (b (c) d) "e\"f" [IPv6:2001:db8::1];x=y (open"#),
            vec![
                Word("a".into()),
                Comment("b (c) d".into()),
                Quoted("e\"f".into()),
                Word("[IPv6:2001:db8::1]".into()),
                Special(';'),
                Word("x".into()),
                Special('='),
                Word("y".into()),
                Comment("open".into()),
            ]
        );
    }

    #[test]
    fn decodes_encoded_words() {
        let table = [
            ("plain", "plain"),
            ("=?utf-8?q?Andr=C3=A9?= Dupont", "André Dupont"),
            ("=?UTF-8?B?w4lsb2TDqWU=?=", "Élodée"),
            ("=?iso-8859-1?q?caf=E9?=", "café"),
            ("=?utf-8?q?a?= =?utf-8?q?b?=", "ab"),
        ];
        for (input, expected) in table {
            assert_eq!(decode_2047(input), expected, "{input}");
        }
    }
}
