//! RFC 8601 result vocabulary shared by every protocol.

use serde::{Deserialize, Serialize};

/// A method result as RFC 8601 §2.7 names it (`pass`, `fail`, `temperror`, …).
///
/// Protocol modules return richer types that carry their causes; this is the common
/// denominator used for comparison with Authentication-Results and for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum AuthResult {
    /// The check succeeded.
    Pass,
    /// The check failed.
    Fail,
    /// SPF `~all`: probably not authorised.
    Softfail,
    /// No assertion either way.
    Neutral,
    /// Nothing to check (no signature, no record).
    None,
    /// A local policy made the result unusable (RFC 8601 DKIM `policy`).
    Policy,
    /// A transient error (usually DNS): trying later may give another answer.
    Temperror,
    /// A permanent error in a published record or in the message.
    Permerror,
}

impl AuthResult {
    /// The RFC 8601 keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthResult::Pass => "pass",
            AuthResult::Fail => "fail",
            AuthResult::Softfail => "softfail",
            AuthResult::Neutral => "neutral",
            AuthResult::None => "none",
            AuthResult::Policy => "policy",
            AuthResult::Temperror => "temperror",
            AuthResult::Permerror => "permerror",
        }
    }

    /// Parses a keyword case-insensitively, accepting the legacy `hardfail`,
    /// `temperr`/`permerr` spellings some receivers still write.
    pub fn parse(s: &str) -> Option<AuthResult> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "pass" => AuthResult::Pass,
            "fail" | "hardfail" => AuthResult::Fail,
            "softfail" => AuthResult::Softfail,
            "neutral" => AuthResult::Neutral,
            "none" => AuthResult::None,
            "policy" => AuthResult::Policy,
            // Yahoo writes `temp_fail` and `perm_fail`.
            "temperror" | "temperr" | "temp_fail" | "tempfail" | "temp-fail" => {
                AuthResult::Temperror
            }
            "permerror" | "permerr" | "perm_fail" | "permfail" | "perm-fail" => {
                AuthResult::Permerror
            }
            _ => return None,
        })
    }
}
