//! The page's DNS source: a DoH client for the chosen resolver, or nothing (offline).

use std::future::Future;
use std::rc::Rc;

use crate::dns::doh::DohClient;
use crate::dns::doh::browser::BrowserTransport;
use crate::dns::log::{QueryOutcome, QueryRecord};
use crate::dns::{DnsError, DnsLookup, DnsResult, RecordType};

use super::settings::Resolver;

/// What verifiers get in the browser.
pub enum PageDns {
    /// Lookups over DoH.
    Doh(DohClient<BrowserTransport>),
    /// Offline mode: every lookup is `DnsError::Offline`, and logged as such.
    Offline(Rc<dyn Fn(&QueryRecord)>),
}

impl PageDns {
    /// A source for `resolver`, reporting every query to `on_query`.
    pub fn new(resolver: &Resolver, on_query: Rc<dyn Fn(&QueryRecord)>) -> PageDns {
        match resolver.url() {
            Some(url) => {
                PageDns::Doh(DohClient::new(BrowserTransport, &url).on_query(move |r| on_query(r)))
            }
            None => PageDns::Offline(on_query),
        }
    }
}

impl DnsLookup for PageDns {
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult> {
        let name = crate::dns::normalize_name(name);
        async move {
            match self {
                PageDns::Doh(c) => c.lookup(&name, rtype).await,
                PageDns::Offline(log) => {
                    log(&QueryRecord {
                        name,
                        rtype,
                        resolver: "offline".into(),
                        outcome: QueryOutcome::Error {
                            error: DnsError::Offline,
                        },
                        duration_ms: 0,
                        authenticated: false,
                        cached: false,
                    });
                    Err(DnsError::Offline)
                }
            }
        }
    }
}
