//! Narrowing a batch before it is summarised: by reporter, policy domain, period and
//! source; and the raw records of one source (the dashboard's drill-down).

use serde::Serialize;

use super::aggregate::{AggregateReport, Record};
use super::batch::{Batch, StoredReport};

/// What to keep. Empty fields keep everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Reporter organisation name, exactly.
    pub reporter: Option<String>,
    /// Policy domain, exactly (case-insensitive).
    pub domain: Option<String>,
    /// Keep reports whose period ends at or after this UNIX time.
    pub from: Option<u64>,
    /// Keep reports whose period begins before this UNIX time.
    pub to: Option<u64>,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// True when the filter keeps an aggregate report.
    pub fn keeps_aggregate(&self, a: &AggregateReport) -> bool {
        self.reporter.as_deref().is_none_or(|o| a.org_name == o)
            && self
                .domain
                .as_deref()
                .is_none_or(|d| a.policy.domain.eq_ignore_ascii_case(d))
            && self.from.is_none_or(|f| a.end >= f)
            && self.to.is_none_or(|t| a.begin < t)
    }

    /// True when the filter keeps a report of `batch`. Failure and TLS reports are
    /// only narrowed by period.
    pub fn keeps(&self, batch: &Batch, r: &StoredReport) -> bool {
        match r {
            StoredReport::Aggregate(i) => self.keeps_aggregate(&batch.aggregates()[*i].report),
            _ => self.from.is_none() && self.to.is_none(),
        }
    }
}

/// One raw record with the report it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRecord<'a> {
    /// Reporter.
    pub org_name: &'a str,
    /// Report ID.
    pub report_id: &'a str,
    /// Period start, UNIX seconds.
    pub begin: u64,
    /// The record as reported.
    pub record: Record,
}

/// Every record of source `ip` in the batch, report by report (duplicates left out).
pub fn records_of<'a>(batch: &'a Batch, ip: &str) -> Vec<SourceRecord<'a>> {
    batch
        .aggregates()
        .iter()
        .flat_map(|a| {
            batch
                .records(a)
                .filter(move |rec| rec.source_ip() == ip)
                .map(move |rec| SourceRecord {
                    org_name: &a.report.org_name,
                    report_id: &a.report.report_id,
                    begin: a.report.begin,
                    record: rec.to_record(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::{Limits, read_file};

    fn report(org: &str, id: &str, domain: &str, begin: u64, ip: &str, count: u64) -> String {
        format!(
            "<feedback><report_metadata><org_name>{org}</org_name><email>r@{org}</email><report_id>{id}</report_id>\
             <date_range><begin>{begin}</begin><end>{}</end></date_range></report_metadata>\
             <policy_published><domain>{domain}</domain><p>none</p></policy_published>\
             <record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated><disposition>none</disposition>\
             <dkim>pass</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>{domain}</header_from></identifiers>\
             <auth_results><dkim><domain>{domain}</domain><result>pass</result></dkim></auth_results></record></feedback>",
            begin + 86_399
        )
    }

    #[test]
    fn filters_narrow_the_summary_and_records_drill_down() {
        let limits = Limits::default();
        let batch = Batch::from_results([
            read_file(
                "a.xml",
                report(
                    "google.com",
                    "1",
                    "example.com",
                    1_700_000_000,
                    "192.0.2.1",
                    5,
                )
                .as_bytes(),
                &limits,
            ),
            read_file(
                "b.xml",
                report(
                    "yahoo.com",
                    "2",
                    "example.com",
                    1_700_086_400,
                    "192.0.2.1",
                    7,
                )
                .as_bytes(),
                &limits,
            ),
            read_file(
                "c.xml",
                report(
                    "google.com",
                    "3",
                    "example.org",
                    1_700_172_800,
                    "198.51.100.9",
                    11,
                )
                .as_bytes(),
                &limits,
            ),
        ]);
        assert_eq!(batch.summary().totals.messages, 23);
        let by_reporter = Filter {
            reporter: Some("google.com".into()),
            ..Filter::default()
        };
        assert_eq!(batch.summary_of(&by_reporter).totals.messages, 16);
        let by_domain = Filter {
            domain: Some("EXAMPLE.com".into()),
            ..Filter::default()
        };
        assert_eq!(batch.summary_of(&by_domain).totals.messages, 12);
        let by_period = Filter {
            from: Some(1_700_086_400),
            to: Some(1_700_172_800),
            ..Filter::default()
        };
        assert_eq!(batch.summary_of(&by_period).totals.messages, 7);
        assert!(Filter::default().is_empty() && !by_period.is_empty());
        let recs = records_of(&batch, "192.0.2.1");
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[0].org_name, recs[1].record.count), ("google.com", 7));
    }
}
