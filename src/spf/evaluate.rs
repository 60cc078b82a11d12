//! `check_host()` (RFC 7208 §4–§6) over [`DnsLookup`], with the limits of §4.6.4 and
//! a trail: the include/redirect tree and the lookups each branch spent.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use futures::future::{FutureExt, Shared, join, join_all};
use serde::Serialize;

use super::macros::{self, MacroContext};
use super::record::{self, Mechanism, Qualifier, SpfRecord, SyntaxError};
use crate::dns::{DnsError, DnsLookup, DnsResult, RecordType, normalize_name, reverse_name};
use crate::verdict::AuthResult;

/// Terms that query DNS, at most (§4.6.4).
pub const MAX_LOOKUPS: u32 = 10;
/// Lookups answering NXDOMAIN or nothing, at most (§4.6.4).
pub const MAX_VOID_LOOKUPS: u32 = 2;
/// MX or PTR names considered per mechanism (§4.6.4).
pub const MAX_NAMES: usize = 10;

/// Why a result is `permerror` or `temperror`, with context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SpfError {
    /// Several SPF records at one name (§4.5).
    SeveralRecords {
        /// The name.
        domain: String,
        /// How many.
        count: usize,
    },
    /// A record is not valid SPF.
    Syntax {
        /// The name.
        domain: String,
        /// The record.
        record: String,
        /// What and where.
        error: SyntaxError,
    },
    /// More than 10 DNS-querying terms.
    TooManyLookups {
        /// The term that went over.
        term: String,
    },
    /// More than 2 void lookups.
    TooManyVoidLookups {
        /// The term that went over.
        term: String,
    },
    /// More than 10 MX names for an `mx` term.
    TooManyMx {
        /// The name.
        domain: String,
    },
    /// `include` of a domain with no SPF record.
    IncludeWithoutRecord {
        /// The included domain.
        domain: String,
    },
    /// `redirect` to a domain with no SPF record.
    RedirectWithoutRecord {
        /// The target.
        domain: String,
    },
    /// A macro could not be expanded.
    Macro {
        /// The domain spec.
        spec: String,
    },
    /// A DNS failure (a `temperror`).
    Dns {
        /// Queried name.
        name: String,
        /// Queried type.
        rtype: RecordType,
        /// What happened.
        error: DnsError,
    },
}

impl SpfError {
    /// `temperror` for DNS failures, `permerror` for everything else (RFC 7208 §2.6).
    pub fn result(&self) -> AuthResult {
        if matches!(self, SpfError::Dns { .. }) {
            AuthResult::Temperror
        } else {
            AuthResult::Permerror
        }
    }
}

/// One record evaluated: the root, an include or a redirect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpfNode {
    /// The domain whose record this is.
    pub domain: String,
    /// How it was reached: `root`, `include`, `redirect`.
    pub via: &'static str,
    /// The record, when one was found.
    pub record: Option<String>,
    /// The result of this record.
    pub result: AuthResult,
    /// DNS-querying terms spent inside this branch (children included).
    pub lookups: u32,
    /// Includes and redirect evaluated from this record.
    pub children: Vec<SpfNode>,
}

/// The outcome of `check_host()` with its trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpfOutcome {
    /// RFC 7208 result.
    pub result: AuthResult,
    /// The term that matched, as written.
    pub mechanism: Option<String>,
    /// The explanation (`exp=`) on `fail`.
    pub explanation: Option<String>,
    /// DNS-querying terms used.
    pub lookups: u32,
    /// Void lookups met.
    pub void_lookups: u32,
    /// The evaluation tree.
    pub tree: SpfNode,
    /// Why the result is an error.
    pub error: Option<SpfError>,
}

/// The inputs of one evaluation.
#[derive(Clone, Debug)]
pub struct SpfRequest<'a> {
    /// The connecting client's IP.
    pub ip: IpAddr,
    /// MAIL FROM (may be empty: then `postmaster@<helo>`).
    pub mail_from: &'a str,
    /// The HELO/EHLO name.
    pub helo: &'a str,
    /// The receiving host, for `%{r}` (`unknown` when not known).
    pub receiver: &'a str,
    /// Current time, UNIX seconds (`%{t}`).
    pub now: u64,
}

impl SpfRequest<'_> {
    /// The sender and the domain checked: MAIL FROM, or HELO when it is empty (§2.4).
    pub fn identity(&self) -> (String, String) {
        let mf = self
            .mail_from
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>');
        if mf.is_empty() {
            return (format!("postmaster@{}", self.helo), self.helo.to_string());
        }
        match mf.rsplit_once('@') {
            Some(("", d)) => (format!("postmaster@{d}"), d.to_string()),
            Some((_, d)) => (mf.to_string(), d.to_string()),
            None => (format!("postmaster@{mf}"), mf.to_string()),
        }
    }
}

struct Eval<'a, D: DnsLookup> {
    dns: &'a D,
    req: &'a SpfRequest<'a>,
    sender: String,
    lookups: Cell<u32>,
    voids: Cell<u32>,
    /// Every query of this evaluation, asked once and shared: by the evaluation and by
    /// [`Eval::prefetch`], which asks ahead of it.
    asked: RefCell<HashMap<(String, RecordType), Query<'a>>>,
    /// DNS-querying terms the prefetch may still look up ahead of the evaluation.
    ahead: Cell<u32>,
    /// The evaluation is over: the prefetch asks nothing more (what it already asked is
    /// still awaited, so that every query sent gets its answer, and its log line).
    done: Cell<bool>,
}

/// The result of one record's evaluation before the explanation is added.
struct Step {
    result: AuthResult,
    mechanism: Option<String>,
    error: Option<SpfError>,
    exp: Option<String>,
    domain: String,
    node: SpfNode,
}

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// One query, shared by all who ask it.
type Query<'a> = Shared<Boxed<'a, DnsResult>>;

/// The addresses of each MX host of a name (§5.4), `Ok(None)` for a void MX answer.
type MxAddresses = Option<Vec<Result<Option<Vec<IpAddr>>, SpfError>>>;

fn valid_domain(d: &str) -> bool {
    let d = d.strip_suffix('.').unwrap_or(d);
    let labels: Vec<&str> = d.split('.').collect();
    labels.len() >= 2 && labels.iter().all(|l| !l.is_empty() && l.len() <= 63) && d.len() <= 253
}

fn in_prefix(ip: IpAddr, net: IpAddr, cidr: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            let mask = if cidr == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(cidr))
            };
            (u32::from(a) & mask) == (u32::from(b) & mask)
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            let mask = if cidr == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(cidr))
            };
            (u128::from(a) & mask) == (u128::from(b) & mask)
        }
        _ => false,
    }
}

fn qualifier_result(q: Qualifier) -> AuthResult {
    match q {
        Qualifier::Pass => AuthResult::Pass,
        Qualifier::Fail => AuthResult::Fail,
        Qualifier::Softfail => AuthResult::Softfail,
        Qualifier::Neutral => AuthResult::Neutral,
    }
}

enum Matched {
    Yes,
    No,
    Error(AuthResult, SpfError),
}

impl<'a, D: DnsLookup> Eval<'a, D> {
    /// Looks up `name`, or joins the same query already asked.
    fn lookup(&self, name: &str, rtype: RecordType) -> Query<'a> {
        let dns = self.dns;
        self.asked
            .borrow_mut()
            .entry((normalize_name(name), rtype))
            .or_insert_with(|| {
                let name = name.to_string();
                let query: Boxed<'a, DnsResult> =
                    Box::pin(async move { dns.lookup(&name, rtype).await });
                query.shared()
            })
            .clone()
    }

    fn ctx<'c>(&'c self, domain: &'c str, validated: Option<&'c str>) -> MacroContext<'c> {
        MacroContext {
            sender: &self.sender,
            domain,
            ip: self.req.ip,
            helo: self.req.helo,
            validated,
            receiver: self.req.receiver,
            now: self.req.now,
        }
    }

    /// True when the client is inside one of `ips` with the dual CIDR of `a`/`mx`.
    fn any_in(&self, ips: &[IpAddr], cidr4: u8, cidr6: u8) -> bool {
        ips.iter()
            .any(|ip| in_prefix(self.req.ip, *ip, if ip.is_ipv4() { cidr4 } else { cidr6 }))
    }

    fn count_lookup(&self, term: &str) -> Result<(), SpfError> {
        self.lookups.set(self.lookups.get() + 1);
        if self.lookups.get() > MAX_LOOKUPS {
            Err(SpfError::TooManyLookups { term: term.into() })
        } else {
            Ok(())
        }
    }

    fn count_void(&self, term: &str) -> Result<(), SpfError> {
        self.voids.set(self.voids.get() + 1);
        if self.voids.get() > MAX_VOID_LOOKUPS {
            Err(SpfError::TooManyVoidLookups { term: term.into() })
        } else {
            Ok(())
        }
    }

    /// Addresses of `name` in the client's family; `Ok(None)` for a void answer.
    async fn addresses(&self, name: &str) -> Result<Option<Vec<IpAddr>>, SpfError> {
        let rtype = if self.req.ip.is_ipv4() {
            RecordType::A
        } else {
            RecordType::Aaaa
        };
        match self.lookup(name, rtype).await {
            Ok(a) if a.ips().is_empty() => Ok(None),
            Ok(a) => Ok(Some(a.ips())),
            Err(DnsError::NxDomain) => Ok(None),
            Err(error) => Err(SpfError::Dns {
                name: name.into(),
                rtype,
                error,
            }),
        }
    }

    /// The validated domain name of the client IP (§5.5), for `ptr` and `%{p}`.
    async fn validated_names(&self, target: Option<&str>) -> Vec<String> {
        let Ok(ans) = self
            .lookup(&reverse_name(self.req.ip), RecordType::Ptr)
            .await
        else {
            return Vec::new();
        };
        let mut names = ans.ptr();
        names.truncate(MAX_NAMES);
        let checks = join_all(names.iter().map(|n| self.addresses(n))).await;
        let mut ok: Vec<String> = names
            .into_iter()
            .zip(checks)
            .filter(|(_, r)| matches!(r, Ok(Some(ips)) if ips.contains(&self.req.ip)))
            .map(|(n, _)| n)
            .collect();
        if let Some(t) = target {
            let t = t.to_ascii_lowercase();
            ok.sort_by_key(|n| {
                !(n.eq_ignore_ascii_case(&t) || n.to_ascii_lowercase().ends_with(&format!(".{t}")))
            });
        }
        ok
    }

    async fn expand_spec(&self, spec: &str, domain: &str) -> Result<String, SpfError> {
        let validated = if macros::uses_p(spec) {
            self.validated_names(Some(domain)).await.into_iter().next()
        } else {
            None
        };
        self.expand_with(spec, domain, validated.as_deref())
    }

    fn expand_with(
        &self,
        spec: &str,
        domain: &str,
        validated: Option<&str>,
    ) -> Result<String, SpfError> {
        macros::expand(spec, &self.ctx(domain, validated), false)
            .map(|d| macros::truncate_domain(&d))
            .map_err(|_| SpfError::Macro { spec: spec.into() })
    }

    /// The target of a term when it can be known without a lookup (no `%{p}`).
    fn target_now(&self, spec: Option<&str>, domain: &str) -> Option<String> {
        match spec {
            None => Some(domain.to_string()),
            Some(s) if !macros::uses_p(s) => self.expand_with(s, domain, None).ok(),
            Some(_) => None,
        }
    }

    /// The MX hosts of `target` and their addresses, looked up together.
    async fn mx_addresses(&self, target: &str) -> Result<MxAddresses, SpfError> {
        let hosts = match self.lookup(target, RecordType::Mx).await {
            Ok(a) => a.mx(),
            Err(DnsError::NxDomain) => Vec::new(),
            Err(error) => {
                return Err(SpfError::Dns {
                    name: target.into(),
                    rtype: RecordType::Mx,
                    error,
                });
            }
        };
        if hosts.is_empty() {
            return Ok(None);
        }
        if hosts.len() > MAX_NAMES {
            return Err(SpfError::TooManyMx {
                domain: target.into(),
            });
        }
        let names = hosts
            .iter()
            .map(|(_, h)| h.as_str())
            .filter(|h| !h.is_empty());
        Ok(Some(join_all(names.map(|h| self.addresses(h))).await))
    }

    /// Asks ahead, all at once, what evaluating the record of `domain` may ask: its
    /// record, then the queries of its terms, `redirect` and `exp` (and recursively
    /// those of included and redirected records), at most [`MAX_LOOKUPS`] terms in all.
    /// The evaluation still reads the answers term by term, in order, and counts its
    /// lookups and void lookups as it goes: this only saves round trips.
    fn prefetch<'s>(&'s self, domain: String) -> Boxed<'s, ()> {
        Box::pin(async move {
            if self.done.get() || !valid_domain(&domain) {
                return;
            }
            let Ok(Some(text)) = self.fetch(&domain).await else {
                return;
            };
            let Ok(rec) = record::parse(&text) else {
                return;
            };
            if self.done.get() {
                return;
            }
            let mut ahead: Vec<Boxed<'s, ()>> = Vec::new();
            let take = || {
                let left = self.ahead.get();
                self.ahead.set(left.saturating_sub(1));
                left > 0
            };
            for d in rec.directives.iter().filter(|d| d.mechanism.queries_dns()) {
                if !take() {
                    break;
                }
                let spec = match &d.mechanism {
                    Mechanism::Include { domain: s } | Mechanism::Exists { domain: s } => {
                        Some(s.as_str())
                    }
                    Mechanism::A { domain: s, .. } | Mechanism::Mx { domain: s, .. } => {
                        s.as_deref()
                    }
                    // ptr: the PTR query is the same for every term; asked when reached.
                    _ => continue,
                };
                let Some(target) = self.target_now(spec, &domain) else {
                    continue;
                };
                ahead.push(match d.mechanism {
                    Mechanism::Include { .. } => self.prefetch(target),
                    Mechanism::Mx { .. } => Box::pin(async move {
                        // The MX answer first (shared: mx_addresses reads it from the
                        // same query), then the hosts' addresses only if the verdict
                        // is still open by then.
                        let _ = self.lookup(&target, RecordType::Mx).await;
                        if !self.done.get() {
                            let _ = self.mx_addresses(&target).await;
                        }
                    }),
                    Mechanism::A { .. } => Box::pin(async move {
                        let _ = self.addresses(&target).await;
                    }),
                    _ => Box::pin(async move {
                        let _ = self.lookup(&target, RecordType::A).await;
                    }),
                });
            }
            // A record with `all` never reaches its redirect.
            let has_all = rec.directives.iter().any(|d| d.mechanism == Mechanism::All);
            if let Some(spec) = &rec.redirect
                && !has_all
                && take()
                && let Some(target) = self.target_now(Some(spec), &domain)
            {
                ahead.push(self.prefetch(target));
            }
            if let Some(target) = rec
                .exp
                .as_deref()
                .and_then(|spec| self.target_now(Some(spec), &domain))
            {
                ahead.push(Box::pin(async move {
                    let _ = self.lookup(&target, RecordType::Txt).await;
                }));
            }
            join_all(ahead).await;
        })
    }

    async fn target(&self, spec: &Option<String>, domain: &str) -> Result<String, SpfError> {
        match spec {
            Some(s) => self.expand_spec(s, domain).await,
            None => Ok(domain.to_string()),
        }
    }

    /// Finds the one SPF record at `domain`: `Ok(None)` when there is none.
    async fn fetch(&self, domain: &str) -> Result<Option<String>, SpfError> {
        match self.lookup(domain, RecordType::Txt).await {
            Ok(a) => {
                let recs: Vec<String> = a.txt().into_iter().filter(|t| record::is_spf(t)).collect();
                match recs.len() {
                    0 => Ok(None),
                    1 => Ok(recs.into_iter().next()),
                    n => Err(SpfError::SeveralRecords {
                        domain: domain.into(),
                        count: n,
                    }),
                }
            }
            Err(DnsError::NxDomain) => Ok(None),
            Err(error) => Err(SpfError::Dns {
                name: domain.into(),
                rtype: RecordType::Txt,
                error,
            }),
        }
    }

    async fn matches(
        &self,
        m: &Mechanism,
        text: &str,
        domain: &str,
        children: &mut Vec<SpfNode>,
    ) -> Matched {
        let err = |e: SpfError| Matched::Error(e.result(), e);
        if m.queries_dns()
            && let Err(e) = self.count_lookup(text)
        {
            return err(e);
        }
        match m {
            Mechanism::All => Matched::Yes,
            Mechanism::Ip4 { addr, cidr } => {
                bool_match(in_prefix(self.req.ip, IpAddr::V4(*addr), *cidr))
            }
            Mechanism::Ip6 { addr, cidr } => {
                bool_match(in_prefix(self.req.ip, IpAddr::V6(*addr), *cidr))
            }
            Mechanism::Include { domain: spec } => {
                let target = match self.expand_spec(spec, domain).await {
                    Ok(t) => t,
                    Err(e) => return err(e),
                };
                let step = self.check(target.clone(), "include").await;
                children.push(step.node);
                match step.result {
                    AuthResult::Pass => Matched::Yes,
                    AuthResult::Fail | AuthResult::Softfail | AuthResult::Neutral => Matched::No,
                    AuthResult::Temperror => Matched::Error(
                        AuthResult::Temperror,
                        step.error
                            .unwrap_or(SpfError::IncludeWithoutRecord { domain: target }),
                    ),
                    _ => Matched::Error(
                        AuthResult::Permerror,
                        step.error
                            .unwrap_or(SpfError::IncludeWithoutRecord { domain: target }),
                    ),
                }
            }
            Mechanism::A {
                domain: spec,
                cidr4,
                cidr6,
            } => {
                let target = match self.target(spec, domain).await {
                    Ok(t) => t,
                    Err(e) => return err(e),
                };
                match self.addresses(&target).await {
                    Ok(Some(ips)) => bool_match(self.any_in(&ips, *cidr4, *cidr6)),
                    Ok(None) => self.count_void(text).map_or_else(err, |_| Matched::No),
                    Err(e) => err(e),
                }
            }
            Mechanism::Mx {
                domain: spec,
                cidr4,
                cidr6,
            } => {
                let target = match self.target(spec, domain).await {
                    Ok(t) => t,
                    Err(e) => return err(e),
                };
                let found = match self.mx_addresses(&target).await {
                    Ok(Some(found)) => found,
                    Ok(None) => return self.count_void(text).map_or_else(err, |_| Matched::No),
                    Err(e) => return err(e),
                };
                let mut any = false;
                for r in found {
                    match r {
                        Ok(Some(ips)) => any |= self.any_in(&ips, *cidr4, *cidr6),
                        Ok(None) => {}
                        Err(e) => return err(e),
                    }
                }
                bool_match(any)
            }
            Mechanism::Ptr { domain: spec } => {
                let target = match self.target(spec, domain).await {
                    Ok(t) => t.to_ascii_lowercase(),
                    Err(e) => return err(e),
                };
                let names = self.validated_names(Some(&target)).await;
                bool_match(names.iter().any(|n| {
                    let n = n.to_ascii_lowercase();
                    n == target || n.ends_with(&format!(".{target}"))
                }))
            }
            Mechanism::Exists { domain: spec } => {
                let target = match self.expand_spec(spec, domain).await {
                    Ok(t) => t,
                    Err(e) => return err(e),
                };
                match self.lookup(&target, RecordType::A).await {
                    Ok(a) if !a.ips().is_empty() => Matched::Yes,
                    Ok(_) | Err(DnsError::NxDomain) => {
                        self.count_void(text).map_or_else(err, |_| Matched::No)
                    }
                    Err(error) => err(SpfError::Dns {
                        name: target,
                        rtype: RecordType::A,
                        error,
                    }),
                }
            }
        }
    }

    fn check<'s>(&'s self, domain: String, via: &'static str) -> Boxed<'s, Step> {
        Box::pin(async move {
            let start = self.lookups.get();
            let mut node = SpfNode {
                domain: domain.clone(),
                via,
                record: None,
                result: AuthResult::None,
                lookups: 0,
                children: Vec::new(),
            };
            let mut step = self.evaluate(&domain, &mut node).await;
            node.result = step.result;
            node.lookups = self.lookups.get() - start;
            step.node = node;
            step
        })
    }

    /// Evaluates the record of `domain`, filling `node`'s record and children.
    async fn evaluate(&self, domain: &str, node: &mut SpfNode) -> Step {
        let done = |result: AuthResult,
                    mechanism: Option<String>,
                    error: Option<SpfError>,
                    exp: Option<String>| Step {
            result,
            mechanism,
            error,
            exp,
            domain: domain.to_string(),
            node: SpfNode {
                domain: String::new(),
                via: "",
                record: None,
                result,
                lookups: 0,
                children: Vec::new(),
            },
        };
        let failed = |e: SpfError| done(e.result(), None, Some(e), None);
        if !valid_domain(domain) {
            return done(AuthResult::None, None, None, None);
        }
        let text = match self.fetch(domain).await {
            Ok(Some(t)) => t,
            Ok(None) => return done(AuthResult::None, None, None, None),
            Err(e) => return failed(e),
        };
        node.record = Some(text.clone());
        let rec: SpfRecord = match record::parse(&text) {
            Ok(r) => r,
            Err(error) => {
                return failed(SpfError::Syntax {
                    domain: domain.into(),
                    record: text,
                    error,
                });
            }
        };
        for d in &rec.directives {
            match self
                .matches(&d.mechanism, &d.text, domain, &mut node.children)
                .await
            {
                Matched::Yes => {
                    return done(
                        qualifier_result(d.qualifier),
                        Some(d.text.clone()),
                        None,
                        rec.exp.clone(),
                    );
                }
                Matched::No => {}
                Matched::Error(r, e) => return done(r, Some(d.text.clone()), Some(e), None),
            }
        }
        let Some(spec) = &rec.redirect else {
            return done(AuthResult::Neutral, None, None, None);
        };
        if let Err(e) = self.count_lookup(&format!("redirect={spec}")) {
            return failed(e);
        }
        let target = match self.expand_spec(spec, domain).await {
            Ok(t) => t,
            Err(e) => return failed(e),
        };
        let step = self.check(target.clone(), "redirect").await;
        node.children.push(step.node.clone());
        match step.result {
            AuthResult::None => failed(SpfError::RedirectWithoutRecord { domain: target }),
            // The redirect's outcome (and its exp, evaluated in its own domain) stands.
            _ => Step {
                node: node.clone(),
                ..step
            },
        }
    }

    /// The `exp=` explanation (§6.2): errors of any kind mean no explanation.
    async fn explanation(&self, spec: &str, domain: &str) -> Option<String> {
        let target = self.expand_spec(spec, domain).await.ok()?;
        let ans = self.lookup(&target, RecordType::Txt).await.ok()?;
        let txts = ans.txt();
        if txts.len() != 1 {
            return None;
        }
        let validated = if macros::uses_p(&txts[0]) {
            self.validated_names(Some(domain)).await.into_iter().next()
        } else {
            None
        };
        macros::expand(&txts[0], &self.ctx(domain, validated.as_deref()), true)
            .ok()
            .filter(|s| s.is_ascii())
    }
}

fn bool_match(b: bool) -> Matched {
    if b { Matched::Yes } else { Matched::No }
}

/// Evaluates SPF for `req` (MAIL FROM, or HELO when it is empty) against `dns`.
pub async fn check_host(dns: &impl DnsLookup, req: &SpfRequest<'_>) -> SpfOutcome {
    let (sender, domain) = req.identity();
    check_host_for(dns, req, &sender, &domain).await
}

/// Evaluates SPF for an explicit sender and domain (the HELO check uses the HELO name).
pub async fn check_host_for(
    dns: &impl DnsLookup,
    req: &SpfRequest<'_>,
    sender: &str,
    domain: &str,
) -> SpfOutcome {
    // An IPv4-mapped IPv6 client is an IPv4 client (RFC 7208 §5.3, §5.6).
    let mapped;
    let req = match req.ip {
        IpAddr::V6(v6) if v6.to_ipv4_mapped().is_some() => {
            mapped = SpfRequest {
                ip: IpAddr::V4(v6.to_ipv4_mapped().expect("checked")),
                ..req.clone()
            };
            &mapped
        }
        _ => req,
    };
    let eval = Eval {
        dns,
        req,
        sender: sender.to_string(),
        lookups: Cell::new(0),
        voids: Cell::new(0),
        asked: RefCell::default(),
        ahead: Cell::new(MAX_LOOKUPS),
        done: Cell::new(false),
    };
    let domain = domain.trim_end_matches('.').to_string();
    // The evaluation, with the prefetch asking ahead of it until it is over.
    let evaluation = async {
        let step = eval.check(domain.clone(), "root").await;
        eval.done.set(true);
        step
    };
    let (step, ()) = join(evaluation, eval.prefetch(domain.clone())).await;
    let explanation = match (&step.exp, step.result) {
        (Some(spec), AuthResult::Fail) => eval.explanation(spec, &step.domain).await,
        _ => None,
    };
    SpfOutcome {
        result: step.result,
        mechanism: step.mechanism,
        explanation,
        lookups: eval.lookups.get(),
        void_lookups: eval.voids.get(),
        tree: step.node,
        error: step.error,
    }
}
