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

use futures::channel::oneshot;

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

type Key = (String, RecordType);

/// Lookups waiting for the answer to a query already on the wire, by name and type.
type Waiting = RefCell<HashMap<Key, Vec<oneshot::Sender<DnsResult>>>>;

/// Held by the lookup that sends a query: when it ends, answered or dropped, the name
/// stops being on the wire (a dropped one leaves its waiters to ask for themselves).
struct OnTheWire<'a> {
    waiting: &'a Waiting,
    key: Key,
}

impl OnTheWire<'_> {
    /// Gives `result` to every lookup that waited for it.
    fn answer(self, result: &DnsResult) {
        for tx in self
            .waiting
            .borrow_mut()
            .remove(&self.key)
            .unwrap_or_default()
        {
            let _ = tx.send(result.clone());
        }
    }
}

impl Drop for OnTheWire<'_> {
    fn drop(&mut self) {
        self.waiting.borrow_mut().remove(&self.key);
    }
}

/// An RFC 8484 client over a [`Transport`], with a TTL cache and a query log.
pub struct DohClient<T: Transport> {
    transport: T,
    url: String,
    timeout_ms: u32,
    cache: RefCell<HashMap<Key, (DnsResult, f64)>>,
    /// Lookups of a name and type already asked: one query serves them all (a message
    /// with 10,000 signatures by one key made 10,000 identical queries at once).
    waiting: Waiting,
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
            waiting: RefCell::default(),
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
            let asked = {
                let mut waiting = self.waiting.borrow_mut();
                match waiting.get_mut(&key) {
                    Some(others) => {
                        let (tx, rx) = oneshot::channel();
                        others.push(tx);
                        Some(rx)
                    }
                    None => {
                        waiting.insert(key.clone(), Vec::new());
                        None
                    }
                }
            };
            if let Some(rx) = asked {
                // The same query is on the wire: its answer, as from the cache. Had it
                // been dropped, ask again.
                if let Ok(result) = rx.await {
                    self.record(&name, rtype, &result, 0, true);
                    return result;
                }
                return Box::pin(self.lookup(&name, rtype)).await;
            }
            let wire = OnTheWire {
                waiting: &self.waiting,
                key: key.clone(),
            };
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
            wire.answer(&result);
            result
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::cell::Cell;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use futures::executor::block_on;
    use futures::future::join_all;

    use super::*;

    /// Answers every GET with HTTP 500 (never cached) after saying "not yet" once, and
    /// counts the GETs.
    struct Slow(Rc<Cell<usize>>);

    struct NotYet(bool);

    impl Future for NotYet {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    impl Transport for Slow {
        async fn get(&self, _: &str, _: u32) -> Result<HttpReply, DnsError> {
            self.0.set(self.0.get() + 1);
            NotYet(false).await;
            Ok(HttpReply {
                status: 500,
                content_type: String::new(),
                body: Vec::new(),
            })
        }
        fn now_ms(&self) -> f64 {
            0.0
        }
    }

    fn client() -> (DohClient<Slow>, Rc<Cell<usize>>) {
        let gets = Rc::new(Cell::new(0));
        (
            DohClient::new(Slow(gets.clone()), "http://127.0.0.1/dns-query"),
            gets,
        )
    }

    #[test]
    fn lookups_of_a_name_already_asked_share_its_query() {
        let (c, gets) = client();
        let all =
            block_on(join_all((0..1000).map(|_| {
                c.lookup("mail2026._domainkey.sceau.test", RecordType::Txt)
            })));
        assert_eq!(gets.get(), 1);
        assert!(
            all.iter()
                .all(|r| *r == Err(DnsError::Http { status: 500 }))
        );
        let log = c.log();
        assert_eq!(log.len(), 1000);
        assert_eq!(log.iter().filter(|q| q.cached).count(), 999);
        // Another type is another query; an error is not kept, so it is asked again.
        block_on(c.lookup("mail2026._domainkey.sceau.test", RecordType::A)).ok();
        block_on(c.lookup("mail2026._domainkey.sceau.test", RecordType::Txt)).ok();
        assert_eq!(gets.get(), 3);
    }

    #[test]
    fn a_dropped_query_leaves_its_waiters_to_ask_again() {
        let (c, gets) = client();
        block_on(async {
            let mut first = Box::pin(c.lookup("sceau.test", RecordType::Txt));
            let mut second = Box::pin(c.lookup("sceau.test", RecordType::Txt));
            assert!(futures::poll!(first.as_mut()).is_pending());
            assert!(futures::poll!(second.as_mut()).is_pending());
            drop(first);
            assert_eq!(second.await, Err(DnsError::Http { status: 500 }));
        });
        assert_eq!(gets.get(), 2);
    }
}
