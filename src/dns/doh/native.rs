//! Native transport for the CLI: a blocking HTTP client on its own thread per query,
//! so that lookups joined with `futures` run concurrently without an async runtime.

use std::time::Instant;

use futures::channel::oneshot;

use super::{HttpReply, Transport};
use crate::dns::DnsError;

/// HTTP over `ureq`, one thread per request.
#[derive(Clone, Debug)]
pub struct NativeTransport {
    origin: Instant,
}

impl Default for NativeTransport {
    fn default() -> Self {
        NativeTransport {
            origin: Instant::now(),
        }
    }
}

/// The fuzz build (`--cfg fuzzing`) goes without `ureq`: no target does HTTP.
#[cfg(fuzzing)]
fn get_blocking(_url: &str, _timeout_ms: u32) -> Result<HttpReply, DnsError> {
    Err(DnsError::Network {
        detail: "no HTTP client in the fuzz build".into(),
    })
}

#[cfg(not(fuzzing))]
fn get_blocking(url: &str, timeout_ms: u32) -> Result<HttpReply, DnsError> {
    use std::io::Read as _;
    use std::time::Duration;

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_millis(u64::from(timeout_ms)))
        .build();
    let resp = agent
        .get(url)
        .set("accept", "application/dns-message")
        .call();
    let resp = match resp {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(ureq::Error::Transport(t)) => {
            let detail = t.to_string();
            let timed_out =
                detail.to_ascii_lowercase().contains("timed out") || detail.contains("timeout");
            return Err(if timed_out {
                DnsError::Timeout {
                    after_ms: timeout_ms,
                }
            } else {
                DnsError::Network { detail }
            });
        }
    };
    let status = resp.status();
    let content_type = resp.header("content-type").unwrap_or("").to_string();
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut resp.into_reader().take(65_536), &mut body).map_err(|e| {
        DnsError::Network {
            detail: e.to_string(),
        }
    })?;
    Ok(HttpReply {
        status,
        content_type,
        body,
    })
}

impl Transport for NativeTransport {
    async fn get(&self, url: &str, timeout_ms: u32) -> Result<HttpReply, DnsError> {
        let (tx, rx) = oneshot::channel();
        let url = url.to_string();
        std::thread::spawn(move || {
            let _ = tx.send(get_blocking(&url, timeout_ms));
        });
        rx.await.unwrap_or_else(|_| {
            Err(DnsError::Network {
                detail: "request thread ended".into(),
            })
        })
    }

    fn now_ms(&self) -> f64 {
        self.origin.elapsed().as_secs_f64() * 1000.0
    }
}
