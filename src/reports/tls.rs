//! SMTP TLS reports (RFC 8460, JSON).
//!
//! Field names are matched without regard to case, `-` or `_`, since senders write
//! `organization-name`, `organization_name` or `organizationName`; counts may be
//! numbers or strings; `mx-host` may be a string or a list.

use serde::Serialize;
use serde_json::Value;

use super::ReportError;

/// One failure detail of a policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TlsFailure {
    /// `result-type` (`starttls-not-supported`, `certificate-expired`, `sts-policy-fetch-error`…).
    pub result_type: String,
    /// `sending-mta-ip`.
    pub sending_mta_ip: Option<String>,
    /// `receiving-mx-hostname`.
    pub receiving_mx_hostname: Option<String>,
    /// `receiving-mx-helo`.
    pub receiving_mx_helo: Option<String>,
    /// `receiving-ip`.
    pub receiving_ip: Option<String>,
    /// `failed-session-count`.
    pub failed_session_count: u64,
    /// `additional-information` (a URI).
    pub additional_information: Option<String>,
    /// `failure-reason-code`.
    pub failure_reason_code: Option<String>,
}

/// One policy and its session counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TlsPolicy {
    /// `policy-type`: `sts`, `tlsa` or `no-policy-found`.
    pub policy_type: String,
    /// `policy-domain`.
    pub policy_domain: String,
    /// `policy-string`: the policy's lines.
    pub policy_string: Vec<String>,
    /// `mx-host` patterns.
    pub mx_host: Vec<String>,
    /// `total-successful-session-count`.
    pub successful: u64,
    /// `total-failure-session-count`.
    pub failed: u64,
    /// `failure-details`.
    pub failure_details: Vec<TlsFailure>,
}

/// An SMTP TLS report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TlsReport {
    /// `organization-name`.
    pub organization_name: String,
    /// `contact-info`.
    pub contact_info: Option<String>,
    /// `report-id`.
    pub report_id: String,
    /// `date-range.start-datetime`, UNIX seconds.
    pub begin: Option<i64>,
    /// `date-range.end-datetime`, UNIX seconds.
    pub end: Option<i64>,
    /// `policies`.
    pub policies: Vec<TlsPolicy>,
}

impl TlsReport {
    /// Sessions counted in the report, successful and failed.
    pub fn sessions(&self) -> u64 {
        self.policies
            .iter()
            .map(|p| p.successful.saturating_add(p.failed))
            .sum()
    }

    /// Failed sessions.
    pub fn failed(&self) -> u64 {
        self.policies.iter().map(|p| p.failed).sum()
    }
}

fn key(k: &str) -> String {
    k.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The member of object `v` whose name matches any of `names` (normalised).
fn get<'a>(v: &'a Value, names: &[&str]) -> Option<&'a Value> {
    let obj = v.as_object()?;
    obj.iter()
        .find(|(k, _)| names.contains(&key(k).as_str()))
        .map(|(_, v)| v)
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|x| string(Some(x))).collect(),
        other => string(other).into_iter().collect(),
    }
}

fn count(v: Option<&Value>) -> u64 {
    match v {
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            .unwrap_or(0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
        _ => 0,
    }
}

fn time(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::String(s) => crate::headers::date::parse(s).map(|d| d.timestamp),
        Value::Number(n) => n.as_i64(),
        _ => None,
    }
}

/// Parses an SMTP TLS report.
pub fn parse(bytes: &[u8]) -> Result<TlsReport, ReportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let v: Value = serde_json::from_slice(bytes).map_err(|e| ReportError::Json {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    // Some senders wrap the report in a one-element array.
    let v = match v {
        Value::Array(mut a) if a.len() == 1 => a.remove(0),
        other => other,
    };
    let policies = get(&v, &["policies"]).and_then(Value::as_array);
    let org = string(get(&v, &["organizationname", "organization", "orgname"]));
    let (Some(policies), Some(org)) = (policies, org) else {
        return Err(ReportError::NotTls);
    };
    let range = get(&v, &["daterange"]);
    let (begin, end) = match range {
        Some(r) => (
            time(get(r, &["startdatetime", "start", "begin"])),
            time(get(r, &["enddatetime", "end"])),
        ),
        None => (None, None),
    };
    let policies = policies
        .iter()
        .map(|p| {
            let pol = get(p, &["policy"]);
            let sum = get(p, &["summary"]);
            let details = get(p, &["failuredetails"])
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            TlsPolicy {
                policy_type: pol
                    .and_then(|x| string(get(x, &["policytype"])))
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
                policy_domain: pol
                    .and_then(|x| string(get(x, &["policydomain"])))
                    .map(|d| super::norm_domain(&d))
                    .unwrap_or_default(),
                policy_string: strings(pol.and_then(|x| get(x, &["policystring"]))),
                mx_host: strings(pol.and_then(|x| get(x, &["mxhost", "mxhosts"]))),
                successful: count(sum.and_then(|s| {
                    get(
                        s,
                        &["totalsuccessfulsessioncount", "successfulsessioncount"],
                    )
                })),
                failed: count(
                    sum.and_then(|s| get(s, &["totalfailuresessioncount", "failuresessioncount"])),
                ),
                failure_details: details
                    .iter()
                    .map(|d| TlsFailure {
                        result_type: string(get(d, &["resulttype"]))
                            .unwrap_or_default()
                            .to_ascii_lowercase(),
                        sending_mta_ip: string(get(d, &["sendingmtaip"])),
                        receiving_mx_hostname: string(get(d, &["receivingmxhostname"])),
                        receiving_mx_helo: string(get(d, &["receivingmxhelo"])),
                        receiving_ip: string(get(d, &["receivingip"])),
                        failed_session_count: count(get(d, &["failedsessioncount"])),
                        additional_information: string(get(d, &["additionalinformation"])),
                        failure_reason_code: string(get(d, &["failurereasoncode"])),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(TlsReport {
        organization_name: org,
        contact_info: string(get(&v, &["contactinfo"])),
        report_id: string(get(&v, &["reportid"])).unwrap_or_default(),
        begin,
        end,
        policies,
    })
}
