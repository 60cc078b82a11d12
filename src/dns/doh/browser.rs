//! Browser transport: `fetch` with a time limit. A CORS refusal and a network failure
//! look the same to the page (a `TypeError`), so both are `DnsError::Network`.

use futures::future::{Either, select};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestInit, RequestMode, Response};

use super::{HttpReply, Transport};
use crate::dns::DnsError;

/// `window.fetch` with `Accept: application/dns-message` (a CORS-safelisted header:
/// no preflight, which some DoH servers do not answer).
#[derive(Clone, Debug, Default)]
pub struct BrowserTransport;

fn js_detail(v: &wasm_bindgen::JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "fetch failed".into())
}

async fn fetch(url: &str, controller: Option<&AbortController>) -> Result<HttpReply, DnsError> {
    let net = |v: wasm_bindgen::JsValue| DnsError::Network {
        detail: js_detail(&v),
    };
    let window = web_sys::window().ok_or(DnsError::Network {
        detail: "no window".into(),
    })?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    let headers = Headers::new().map_err(net)?;
    headers
        .set("accept", "application/dns-message")
        .map_err(net)?;
    init.set_headers(&headers);
    if let Some(c) = controller {
        init.set_signal(Some(&c.signal()));
    }
    let req = Request::new_with_str_and_init(url, &init).map_err(net)?;
    let resp: Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(net)?
        .dyn_into()
        .map_err(net)?;
    let status = resp.status();
    let content_type = resp
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    let buf = JsFuture::from(resp.array_buffer().map_err(net)?)
        .await
        .map_err(net)?;
    let body = js_sys::Uint8Array::new(&buf).to_vec();
    Ok(HttpReply {
        status,
        content_type,
        body,
    })
}

impl Transport for BrowserTransport {
    async fn get(&self, url: &str, timeout_ms: u32) -> Result<HttpReply, DnsError> {
        let controller = AbortController::new().ok();
        let abort = controller.clone();
        let request = Box::pin(fetch(url, controller.as_ref()));
        let timer = gloo_timers::future::TimeoutFuture::new(timeout_ms);
        match select(request, timer).await {
            Either::Left((reply, _)) => reply,
            Either::Right(_) => {
                if let Some(c) = abort {
                    c.abort();
                }
                Err(DnsError::Timeout {
                    after_ms: timeout_ms,
                })
            }
        }
    }

    fn now_ms(&self) -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }
}
