//! DNS over HTTPS (RFC 8484).
//!
//! [`DohClient`] holds the logic — query encoding, HTTP status and content-type checks,
//! response decoding, a TTL cache for the page session and the query log — and leaves
//! the one HTTP GET to a [`Transport`]: `fetch` in the browser (`browser`), a native
//! HTTP client in the CLI (`native`). Those two files are the only network code.

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod wire;

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;

use super::log::{QueryOutcome, QueryRecord};
use super::{DnsError, DnsLookup, DnsResult, RecordType, normalize_name};

/// Cloudflare's public DoH endpoint (the default resolver).
pub const CLOUDFLARE: &str = "https://cloudflare-dns.com/dns-query";
/// Google's public DoH endpoint (RFC 8484 wire format).
pub const GOOGLE: &str = "https://dns.google/dns-query";
/// How long a query may take, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 5000;
/// How long an NXDOMAIN or NODATA answer is kept when it carries no TTL.
const NEGATIVE_TTL_S: u32 = 60;

/// An HTTP response as the client needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpReply {
    /// HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, empty when absent.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
}

/// Performs one HTTP GET with `Accept: application/dns-message`.
pub trait Transport {
    /// GETs `url`; a failure to get any response is `DnsError::Network` or `Timeout`.
    fn get(&self, url: &str, timeout_ms: u32) -> impl Future<Output = Result<HttpReply, DnsError>>;
    /// Milliseconds from a fixed origin (for durations and TTLs).
    fn now_ms(&self) -> f64;
}

type Listener = Rc<dyn Fn(&QueryRecord)>;

/// An RFC 8484 client over a [`Transport`], with a TTL cache and a query log.
pub struct DohClient<T: Transport> {
    transport: T,
    url: String,
    timeout_ms: u32,
    cache: RefCell<HashMap<(String, RecordType), (DnsResult, f64)>>,
    log: RefCell<Vec<QueryRecord>>,
    listener: Option<Listener>,
}

impl<T: Transport> DohClient<T> {
    /// A client for the resolver at `url` (e.g. [`CLOUDFLARE`]).
    pub fn new(transport: T, url: &str) -> Self {
        DohClient {
            transport,
            url: url.trim().to_string(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            cache: RefCell::default(),
            log: RefCell::default(),
            listener: None,
        }
    }

    /// Sets the per-query time limit.
    pub fn with_timeout_ms(mut self, ms: u32) -> Self {
        self.timeout_ms = ms;
        self
    }

    /// Calls `f` after every query (the UI's DNS panel).
    pub fn on_query(mut self, f: impl Fn(&QueryRecord) + 'static) -> Self {
        self.listener = Some(Rc::new(f));
        self
    }

    /// The resolver URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every query made so far, oldest first.
    pub fn log(&self) -> Vec<QueryRecord> {
        self.log.borrow().clone()
    }

    /// Forgets cached answers (a "retry" in the UI).
    pub fn clear_cache(&self) {
        self.cache.borrow_mut().clear();
    }

    fn record(
        &self,
        name: &str,
        rtype: RecordType,
        result: &DnsResult,
        duration_ms: u32,
        cached: bool,
    ) {
        let (outcome, authenticated) = match result {
            Ok(a) if a.is_empty_for(rtype) && a.records.is_empty() => {
                (QueryOutcome::NoData, a.authenticated)
            }
            Ok(a) => (
                QueryOutcome::Answer {
                    records: a.records.len(),
                },
                a.authenticated,
            ),
            Err(e) => (QueryOutcome::Error { error: e.clone() }, false),
        };
        let rec = QueryRecord {
            name: name.to_string(),
            rtype,
            resolver: self.url.clone(),
            outcome,
            duration_ms,
            authenticated,
            cached,
        };
        if let Some(l) = &self.listener {
            l(&rec);
        }
        self.log.borrow_mut().push(rec);
    }

    async fn query(&self, name: &str, rtype: RecordType) -> DnsResult {
        let param = wire::encode_query_param(name, rtype)?;
        let sep = if self.url.contains('?') { '&' } else { '?' };
        let url = format!("{}{sep}dns={param}", self.url);
        let reply = self.transport.get(&url, self.timeout_ms).await?;
        if reply.status != 200 {
            return Err(DnsError::Http {
                status: reply.status,
            });
        }
        let ct = reply
            .content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if ct != "application/dns-message" {
            return Err(DnsError::ContentType {
                got: reply.content_type,
            });
        }
        wire::decode_response(&reply.body, name, rtype)
    }
}

impl<T: Transport> DnsLookup for DohClient<T> {
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult> {
        let name = normalize_name(name);
        async move {
            let start = self.transport.now_ms();
            let key = (name.clone(), rtype);
            let hit = self
                .cache
                .borrow()
                .get(&key)
                .filter(|(_, exp)| *exp > start)
                .map(|(r, _)| r.clone());
            if let Some(result) = hit {
                self.record(&name, rtype, &result, 0, true);
                return result;
            }
            let result = self.query(&name, rtype).await;
            let end = self.transport.now_ms();
            let ttl = match &result {
                Ok(a) if !a.records.is_empty() => Some(a.ttl),
                Ok(_) | Err(DnsError::NxDomain) => Some(NEGATIVE_TTL_S),
                Err(_) => None,
            };
            if let Some(ttl) = ttl {
                self.cache
                    .borrow_mut()
                    .insert(key, (result.clone(), end + f64::from(ttl) * 1000.0));
            }
            self.record(&name, rtype, &result, (end - start).max(0.0) as u32, false);
            result
        }
    }
}
