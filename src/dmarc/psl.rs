//! The organisational domain of RFC 7489 §3.2, from the Public Suffix List.
//!
//! RFC 9989 replaced the list with a DNS tree walk ([`super::discovery`]), but most
//! receivers still run RFC 7489 code, so Sceau computes both and says when they differ.
//! The list (`data/public_suffix_list.dat`, ICANN and private sections, comments
//! stripped by `scripts/update-psl.sh`) is parsed once, on first use. Its Unicode rules
//! are turned into their `xn--` form here, since names in DNS and in mail are ASCII.

use std::collections::HashMap;
use std::sync::OnceLock;

const LIST: &str = include_str!("../../data/public_suffix_list.dat");

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// `example.tld`: this name is a public suffix.
    Plain,
    /// `*.example.tld`: every child of this name is a public suffix.
    Wildcard,
    /// `!www.example.tld`: this name is not a suffix although a wildcard covers it.
    Exception,
}

/// Rules keyed by name and kind (a name can be both plain and a wildcard parent).
struct Rules(HashMap<(Box<str>, u8), Rule>);

impl Rules {
    fn has(&self, name: &str, rule: Rule) -> bool {
        self.0.contains_key(&(name.into(), rule as u8))
    }
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut map = HashMap::with_capacity(10_000);
        for line in LIST.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let (rule, name) = if let Some(rest) = line.strip_prefix("*.") {
                (Rule::Wildcard, rest)
            } else if let Some(rest) = line.strip_prefix('!') {
                (Rule::Exception, rest)
            } else {
                (Rule::Plain, line)
            };
            let ascii: Vec<String> = name.split('.').map(to_ascii_label).collect();
            map.insert((ascii.join(".").into_boxed_str(), rule as u8), rule);
        }
        Rules(map)
    })
}

/// The public suffix of `domain` (lower case, no trailing dot), by the list's
/// algorithm: the longest matching rule, exceptions first, `*` when nothing matches.
pub fn public_suffix(domain: &str) -> String {
    let domain = crate::dns::normalize_name(domain);
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    if n == 0 {
        return String::new();
    }
    let r = rules();
    let mut len = 1;
    for i in 0..n {
        let name = labels[i..].join(".");
        if r.has(&name, Rule::Exception) {
            len = n - i - 1;
            break;
        }
        if r.has(&name, Rule::Plain) {
            len = n - i;
            break;
        }
        if i + 1 < n && r.has(&labels[i + 1..].join("."), Rule::Wildcard) {
            len = n - i;
            break;
        }
    }
    labels[n - len.max(1)..].join(".")
}

/// The organisational domain of RFC 7489 §3.2: the public suffix plus one label.
/// A name that is itself a public suffix is its own organisational domain.
pub fn organizational_domain(domain: &str) -> String {
    let domain = crate::dns::normalize_name(domain);
    let suffix = public_suffix(&domain);
    // Counted in labels, as public_suffix does (empty labels skipped): byte offsets
    // into `domain` would be wrong, even off a char boundary, for `a..b` names.
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let suffix_labels = suffix.split('.').filter(|l| !l.is_empty()).count();
    if labels.len() <= suffix_labels {
        return domain;
    }
    format!("{}.{suffix}", labels[labels.len() - suffix_labels - 1])
}

/// The `xn--` form of one label (RFC 3492 Punycode); ASCII labels are lower-cased.
pub(crate) fn to_ascii_label(label: &str) -> String {
    if label.is_ascii() {
        return label.to_ascii_lowercase();
    }
    let chars: Vec<u32> = label
        .chars()
        .flat_map(char::to_lowercase)
        .map(u32::from)
        .collect();
    format!("xn--{}", punycode(&chars))
}

/// RFC 3492 §6.3 encoding.
fn punycode(input: &[u32]) -> String {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    fn digit(d: u32) -> char {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    }
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { 700 } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + 38)
    }
    let mut out: String = input
        .iter()
        .filter(|&&c| c < 0x80)
        .filter_map(|&c| char::from_u32(c))
        .collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut h) = (0x80u32, 0u32, 72u32, basic);
    while (h as usize) < input.len() {
        let Some(&m) = input.iter().filter(|&&c| c >= n).min() else {
            break;
        };
        delta = delta.saturating_add((m - n).saturating_mul(h + 1));
        n = m;
        for &c in input {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, h + 1, h == basic);
                delta = 0;
                h += 1;
            }
        }
        delta = delta.saturating_add(1);
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (fuzz/fuzz_targets/dmarc.rs): empty labels and a multi-byte
    /// character made the byte arithmetic slice inside a character.
    #[test]
    fn empty_labels_and_multibyte_characters_do_not_panic() {
        let crash = b"...A.|....\xd0\x0c\x0c\x0c......................\x0c\x0c\x0c\x0c\x0c";
        let crash = String::from_utf8_lossy(crash);
        let _ = organizational_domain(&crash);
        assert_eq!(organizational_domain("mail..example.com"), "example.com");
        assert_eq!(
            organizational_domain("a..b.é.example.co.uk"),
            "example.co.uk"
        );
        assert_eq!(organizational_domain("é..com"), "é.com");
        assert_eq!(organizational_domain(".."), "");
    }

    #[test]
    fn organisational_domains() {
        for (domain, org) in [
            ("example.com", "example.com"),
            ("mail.example.com", "example.com"),
            ("a.b.c.example.co.uk", "example.co.uk"),
            ("example.co.uk", "example.co.uk"),
            ("co.uk", "co.uk"),
            ("com", "com"),
            ("Mail.Example.COM.", "example.com"),
            ("foo.bar.ck", "foo.bar.ck"),
            ("a.www.ck", "www.ck"),
            ("x.unknowntld", "x.unknowntld"),
            ("a.x.unknowntld", "x.unknowntld"),
            ("user.github.io", "user.github.io"),
            ("www.user.github.io", "user.github.io"),
            ("mail.example.gouv.fr", "example.gouv.fr"),
            ("sub.example.xn--p1ai", "example.xn--p1ai"),
            ("shop.example.xn--90ae", "example.xn--90ae"),
        ] {
            assert_eq!(organizational_domain(domain), org, "{domain}");
        }
    }

    #[test]
    fn punycode_matches_rfc_3492_samples() {
        let enc = |s: &str| to_ascii_label(s);
        assert_eq!(enc("рф"), "xn--p1ai");
        assert_eq!(enc("bücher"), "xn--bcher-kva");
        assert_eq!(enc("münchen"), "xn--mnchen-3ya");
        assert_eq!(enc("中国"), "xn--fiqs8s");
    }
}
