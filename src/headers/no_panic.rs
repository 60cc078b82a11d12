//! Fuzz-ish robustness test: every parser of `headers` gets random and truncated input
//! and must return without panicking. Deterministic (fixed-seed xorshift) and bounded.

use super::{address, antispam, auth_results, date, lex, raw, received};

/// xorshift64*: small, deterministic, good enough to spread inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

/// Pieces that matter to the parsers: delimiters, keywords, multi-byte characters.
const PIECES: &[&str] = &[
    "(",
    ")",
    "<",
    ">",
    "[",
    "]",
    "\"",
    "\\",
    ";",
    ":",
    ",",
    "=",
    "@",
    ".",
    " ",
    "\t",
    "\r\n",
    "\n",
    "\r",
    "from",
    "by",
    "with",
    "id",
    "for",
    "via",
    "helo=",
    "HELO",
    "using",
    "i=1",
    "dkim",
    "spf",
    "pass",
    "header.d",
    "reason",
    "=?",
    "?=",
    "?q?",
    "?b?",
    "utf-8",
    "Tue,",
    "5",
    "Mar",
    "2024",
    "10:00:00",
    "+0000",
    "-0800",
    "GMT",
    "(UTC)",
    "[IPv6:",
    "2001:db8::1",
    "192.0.2.1",
    "SCL:",
    "SFV:",
    "CAT:",
    "BCL:",
    "score=",
    "tests=",
    "*",
    "-0.1",
    "BAYES_99",
    "é",
    "€",
    "\u{a0}",
    "𝄞",
    "\u{0}",
    "\u{ff}",
    "99999999999999999999",
    "-",
    "+",
    "T",
    "Z",
];

const HEADERS: &[&str] = &[
    "X-Forefront-Antispam-Report",
    "X-Microsoft-Antispam",
    "X-MS-Exchange-Organization-SCL",
    "X-MS-Exchange-Organization-AuthAs",
    "X-Spam-Status",
    "X-Spam-Score",
    "X-Spam-Level",
    "X-Spam-Flag",
    "X-Spam-Report",
    "X-Gm-Message-State",
];

const SEEDS: &[&str] = &[
    "from mail.example.com (mail.example.com [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.example.net (Postfix) with ESMTPS id 4Tq for <b@example.net>; Tue, 5 Mar 2024 10:00:00 +0000 (UTC)",
    "from [192.0.2.1] (port=51234 helo=[10.0.0.1]) by mx.example.net with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <a@example.com>) id 1abc; Tue, 05 Mar 2024 10:00:00 +0000",
    "by filterdrecv-1.sendgrid.net with SMTP id x 2024-03-05 10:00:00.123456789 +0000 UTC m=+1.2",
    "i=1; mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=AbC=; spf=pass (google.com: domain of a@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=a@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com",
    "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.com;compauth=pass reason=100",
    "Pass (mailfrom) identity=mailfrom; client-ip=192.0.2.1; helo=\"mail.example.com\"; envelope-from=a@example.com",
    "CIP:192.0.2.1;CTRY:US;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:mail.example.com;PTR:mail.example.com;CAT:NONE;SFS:(13230031)(4636009);DIR:INB;",
    "Yes, score=7.5 required=5.0 tests=BAYES_99,HTML_MESSAGE,\r\n\tURIBL_BLACK autolearn=no version=3.4.6",
    "*  3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100%\r\n\t*      [score: 1.0000]",
    "\"=?utf-8?q?Andr=C3=A9?=\" <andre@example.com>, Team: a@example.com, \"john doe\"@example.com;, <@r.example:c@[192.0.2.1]>",
    "<mailto:u@example.com?subject=unsub>, <https://example.com/u?id=1>",
    "Tue, 5 Mar 2024 10:00:00 +0000 (GMT+00:00)",
];

fn feed(input: &str) {
    let _ = date::parse(input);
    let _ = received::parse(input);
    let _ = received::parse_ip(input);
    let ar = auth_results::parse(input);
    let _ = antispam::decode_compauth(&ar, "Authentication-Results");
    let _ = auth_results::parse_received_spf(input);
    for h in HEADERS {
        let _ = antispam::decode(h, input);
    }
    let list = address::parse_address_list(input);
    let _ = address::mailboxes(&list);
    let _ = address::parse_message_ids(input);
    let _ = address::parse_list_unsubscribe(input, Some(input));
    let _ = lex::decode_2047(input);
    let _ = raw::parse(input.as_bytes());
}

#[test]
fn parsers_never_panic_on_random_input() {
    let mut rng = Rng(0x5CEA_u64 << 20 | 0x1234);
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..rng.below(40) {
            match rng.below(4) {
                0 => s.push(char::from(u8::try_from(rng.below(128)).unwrap_or(b'x'))),
                _ => s.push_str(PIECES.get(rng.below(PIECES.len())).copied().unwrap_or("")),
            }
        }
        feed(&s);
    }
}

#[test]
fn parsers_never_panic_on_truncated_or_mangled_input() {
    let mut rng = Rng(42);
    for seed in SEEDS {
        // Every prefix (at char boundaries) and every suffix.
        for (i, _) in seed.char_indices() {
            feed(seed.get(..i).unwrap_or(""));
            feed(seed.get(i..).unwrap_or(""));
        }
        // Byte-level damage: truncated bytes and flipped bytes, decoded lossily.
        let bytes = seed.as_bytes();
        for _ in 0..100 {
            let mut b = bytes
                .get(..rng.below(bytes.len() + 1))
                .unwrap_or(&[])
                .to_vec();
            for _ in 0..rng.below(4) {
                let at = rng.below(b.len());
                if let Some(x) = b.get_mut(at) {
                    *x = u8::try_from(rng.below(256)).unwrap_or(0);
                }
            }
            feed(&String::from_utf8_lossy(&b));
        }
    }
}

#[test]
fn deep_nesting_and_long_input_stay_bounded() {
    let deep = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    feed(&deep);
    let long = "from a ".repeat(2_000);
    feed(&long);
    let quotes = "\"".repeat(5_000);
    feed(&quotes);
}
