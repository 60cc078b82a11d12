//! `tag=value; tag=value` lists as MTA-STS, TLS-RPT and BIMI records write them.

/// Splits a tag list into (tag, value) pairs, trimming white space; empty parts are
/// skipped. Tags keep their case; callers compare case-insensitively where the RFC says so.
pub fn parse(record: &str) -> Vec<(String, String)> {
    record
        .split(';')
        .filter_map(|part| {
            let part = part.trim();
            if part.is_empty() {
                return None;
            }
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// The value of `tag` (case-insensitive), first occurrence.
pub fn get<'a>(tags: &'a [(String, String)], tag: &str) -> Option<&'a str> {
    tags.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(tag))
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_and_trims() {
        let t = super::parse(" v=STSv1 ; id=2024a;; ");
        assert_eq!(
            t,
            vec![("v".into(), "STSv1".into()), ("id".into(), "2024a".into())]
        );
        assert_eq!(super::get(&t, "ID"), Some("2024a"));
    }
}
