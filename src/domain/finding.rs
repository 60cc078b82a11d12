//! Findings of the domain check. Sentences: `i18n/en/domain.rs`, `i18n/fr/domain.rs`.

use crate::findings::Severity;

/// A typed cause found while checking a domain's records, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// No MX record: mail goes to the A/AAAA address, if any (RFC 5321 §5.1).
    NoMx {
        /// The domain.
        domain: String,
    },
    /// A null MX published beside other MX records (RFC 7505 §3).
    NullMxMixed {
        /// The domain.
        domain: String,
    },
    /// An MX host given as an IP address, which RFC 5321 does not allow.
    MxIsIp {
        /// The host as published.
        host: String,
    },
    /// No MTA-STS record at `_mta-sts.<domain>`.
    NoMtaSts {
        /// The domain.
        domain: String,
    },
    /// The MTA-STS `id` is missing or not 1–32 letters and digits (RFC 8461 §3.1).
    MtaStsBadId {
        /// The record.
        record: String,
    },
    /// The MTA-STS policy file is not fetched: a browser page may not read another site.
    MtaStsPolicyNotFetched {
        /// The domain.
        domain: String,
    },
    /// No TLS-RPT record at `_smtp._tls.<domain>`.
    NoTlsRpt {
        /// The domain.
        domain: String,
    },
    /// The TLS-RPT `rua` is missing or not `mailto:` / `https:` URIs (RFC 8460 §3).
    TlsRptBadRua {
        /// The value found.
        rua: String,
    },
    /// No BIMI record at `default._bimi.<domain>`.
    NoBimi {
        /// The domain.
        domain: String,
    },
    /// The BIMI logo is not an HTTPS URL of an SVG file.
    BimiBadLogo {
        /// The `l=` value.
        location: String,
    },
    /// No BIMI certificate (`a=`): most mailbox providers then show no logo.
    BimiNoCertificate,
    /// BIMI requires DMARC at quarantine or reject.
    BimiNeedsEnforcement,
    /// Several records of a kind where one is allowed.
    SeveralRecords {
        /// Which record (MTA-STS, TLS-RPT…).
        kind: String,
        /// How many.
        count: usize,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::NoMx { .. } => "no_mx",
            Finding::NullMxMixed { .. } => "null_mx_mixed",
            Finding::MxIsIp { .. } => "mx_is_ip",
            Finding::NoMtaSts { .. } => "no_mta_sts",
            Finding::MtaStsBadId { .. } => "mta_sts_bad_id",
            Finding::MtaStsPolicyNotFetched { .. } => "mta_sts_policy_not_fetched",
            Finding::NoTlsRpt { .. } => "no_tls_rpt",
            Finding::TlsRptBadRua { .. } => "tls_rpt_bad_rua",
            Finding::NoBimi { .. } => "no_bimi",
            Finding::BimiBadLogo { .. } => "bimi_bad_logo",
            Finding::BimiNoCertificate => "bimi_no_certificate",
            Finding::BimiNeedsEnforcement => "bimi_needs_enforcement",
            Finding::SeveralRecords { .. } => "several_records",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::NoMx { .. }
            | Finding::NoMtaSts { .. }
            | Finding::NoTlsRpt { .. }
            | Finding::NoBimi { .. } => Severity::Info,
            Finding::MtaStsPolicyNotFetched { .. } | Finding::BimiNoCertificate => Severity::Info,
            Finding::BimiBadLogo { .. }
            | Finding::BimiNeedsEnforcement
            | Finding::TlsRptBadRua { .. } => Severity::Warning,
            Finding::MtaStsBadId { .. } | Finding::MxIsIp { .. } => Severity::Problem,
            Finding::NullMxMixed { .. } | Finding::SeveralRecords { .. } => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);
