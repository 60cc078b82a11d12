//! SPF macro expansion (RFC 7208 §7).

use std::net::IpAddr;

/// What macros expand from.
#[derive(Clone, Debug)]
pub struct MacroContext<'a> {
    /// `<sender>`: `local@domain`.
    pub sender: &'a str,
    /// `<domain>` currently evaluated (`d`).
    pub domain: &'a str,
    /// The client IP (`i`, `c`, `v`).
    pub ip: IpAddr,
    /// The HELO name (`h`).
    pub helo: &'a str,
    /// The validated domain name of the IP (`p`), once looked up.
    pub validated: Option<&'a str>,
    /// The receiving host (`r`).
    pub receiver: &'a str,
    /// Current time, UNIX seconds (`t`).
    pub now: u64,
}

/// A macro that cannot be expanded: a syntax error, or `c`/`r`/`t` outside `exp`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MacroError;

/// `%{i}`: dotted quad, or dot-separated nibbles for IPv6. In domain names the nibbles
/// are lower case (the RFC 7208 §7.4 example); in explanation text they are upper case,
/// as the RFC 7208 test suite expects (DNS ignores the difference).
fn ip_dotted(ip: IpAddr, upper: bool) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => v6
            .octets()
            .iter()
            .flat_map(|b| [b >> 4, b & 0xf])
            .map(|n| {
                if upper {
                    format!("{n:X}")
                } else {
                    format!("{n:x}")
                }
            })
            .collect::<Vec<_>>()
            .join("."),
    }
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// True when the macro string uses `%{p}` (the caller then looks up the validated name).
pub fn uses_p(spec: &str) -> bool {
    spec.to_ascii_lowercase().contains("%{p")
}

/// Expands `spec`. `exp` allows `c`, `r`, `t` (explanation strings only, §7.3).
pub fn expand(spec: &str, ctx: &MacroContext<'_>, exp: bool) -> Result<String, MacroError> {
    let mut out = String::new();
    let mut rest = spec;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        match after.chars().next() {
            Some('%') => {
                out.push('%');
                rest = &after[1..];
            }
            Some('_') => {
                out.push(' ');
                rest = &after[1..];
            }
            Some('-') => {
                out.push_str("%20");
                rest = &after[1..];
            }
            Some('{') => {
                let end = after.find('}').ok_or(MacroError)?;
                out.push_str(&expand_one(&after[1..end], ctx, exp)?);
                rest = &after[end + 1..];
            }
            _ => return Err(MacroError),
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn expand_one(inner: &str, ctx: &MacroContext<'_>, exp: bool) -> Result<String, MacroError> {
    let mut chars = inner.chars();
    let letter = chars.next().ok_or(MacroError)?;
    let (local, sender_domain) = ctx
        .sender
        .rsplit_once('@')
        .unwrap_or(("postmaster", ctx.sender));
    let value = match letter.to_ascii_lowercase() {
        's' => ctx.sender.to_string(),
        'l' => local.to_string(),
        'o' => sender_domain.to_string(),
        'd' => ctx.domain.to_string(),
        'i' => ip_dotted(ctx.ip, exp),
        'p' => ctx.validated.unwrap_or("unknown").to_string(),
        'v' => if ctx.ip.is_ipv4() { "in-addr" } else { "ip6" }.to_string(),
        'h' => ctx.helo.to_string(),
        'c' if exp => ctx.ip.to_string(),
        'r' if exp => ctx.receiver.to_string(),
        't' if exp => ctx.now.to_string(),
        _ => return Err(MacroError),
    };
    let rest: String = chars.collect();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let mut tail = rest[digits.len()..].chars().peekable();
    let reverse = tail.peek().is_some_and(|c| c.eq_ignore_ascii_case(&'r'));
    if reverse {
        tail.next();
    }
    let delims: Vec<char> = tail.collect();
    if delims.iter().any(|c| !".-+,/_=".contains(*c)) {
        return Err(MacroError);
    }
    let delims = if delims.is_empty() { vec!['.'] } else { delims };
    let mut parts: Vec<&str> = value.split(|c| delims.contains(&c)).collect();
    if reverse {
        parts.reverse();
    }
    if !digits.is_empty() {
        let n: usize = digits.parse().map_err(|_| MacroError)?;
        if n == 0 {
            return Err(MacroError);
        }
        if parts.len() > n {
            parts = parts.split_off(parts.len() - n);
        }
    }
    let joined = parts.join(".");
    Ok(if letter.is_ascii_uppercase() {
        url_escape(&joined)
    } else {
        joined
    })
}

/// Shortens an expanded domain to 253 characters by dropping labels on the left (§7.3).
pub fn truncate_domain(d: &str) -> String {
    let mut d = d.trim_end_matches('.');
    while d.len() > 253 {
        match d.split_once('.') {
            Some((_, rest)) => d = rest,
            None => break,
        }
    }
    d.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(ip: &str) -> MacroContext<'static> {
        MacroContext {
            sender: "strong-bad@email.example.com",
            domain: "email.example.com",
            ip: ip.parse().unwrap(),
            helo: "mx.example.org",
            validated: None,
            receiver: "unknown",
            now: 0,
        }
    }

    #[test]
    fn rfc7208_section_7_4_examples() {
        let c = ctx("192.0.2.3");
        assert_eq!(
            expand("%{s}", &c, false).unwrap(),
            "strong-bad@email.example.com"
        );
        assert_eq!(expand("%{o}", &c, false).unwrap(), "email.example.com");
        assert_eq!(expand("%{d4}", &c, false).unwrap(), "email.example.com");
        assert_eq!(expand("%{d3}", &c, false).unwrap(), "email.example.com");
        assert_eq!(expand("%{d2}", &c, false).unwrap(), "example.com");
        assert_eq!(expand("%{d1}", &c, false).unwrap(), "com");
        assert_eq!(expand("%{dr}", &c, false).unwrap(), "com.example.email");
        assert_eq!(expand("%{d2r}", &c, false).unwrap(), "example.email");
        assert_eq!(expand("%{l}", &c, false).unwrap(), "strong-bad");
        assert_eq!(expand("%{l-}", &c, false).unwrap(), "strong.bad");
        assert_eq!(expand("%{lr}", &c, false).unwrap(), "strong-bad");
        assert_eq!(expand("%{lr-}", &c, false).unwrap(), "bad.strong");
        assert_eq!(expand("%{l1r-}", &c, false).unwrap(), "strong");
        assert_eq!(
            expand("%{ir}.%{v}._spf.%{d2}", &c, false).unwrap(),
            "3.2.0.192.in-addr._spf.example.com"
        );
        assert_eq!(
            expand("%{lr-}.lp._spf.%{d2}", &c, false).unwrap(),
            "bad.strong.lp._spf.example.com"
        );
        let c6 = ctx("2001:db8::cb01");
        assert_eq!(
            expand("%{ir}.%{v}._spf.%{d2}", &c6, false).unwrap(),
            "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"
        );
        assert!(expand("%{c}", &c, false).is_err());
        assert_eq!(expand("%{c} %%%_%-", &c, true).unwrap(), "192.0.2.3 % %20");
        assert_eq!(
            expand("%{S}", &c, false).unwrap(),
            "strong-bad%40email.example.com"
        );
    }
}
