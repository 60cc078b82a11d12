//! The Web Worker that reads report files off the main thread (wasm32 only).
//!
//! Protocol (main thread → worker, plain JS objects):
//! `{cmd: "add", files: File[]}` reads and parses each file in turn, posting
//! `{"kind":"progress",…}` after each; `{cmd: "view", lang}` posts the batch as
//! `{"kind":"view","batch":…}` (the same JSON as `sceau report --json`);
//! `{cmd: "view", lang, reporter?, domain?, from?, to?}` narrows it first;
//! `{cmd: "records", ip}` posts `{"kind":"records",…}` (the raw records of one source);
//! `{cmd: "cancel"}` stops an `add` between two files; `{cmd: "clear"}` forgets
//! everything; `{cmd: "export", what, lang}` posts `{"kind":"export","what":…,"text":…}`
//! for `records_csv`, `sources_csv` or `batch_json`. Worker → main messages are JSON
//! strings. Files travel as `File` handles, so each is read here, one at a time, and
//! folded into the batch's compact table: memory holds the largest file and the table
//! (about a tenth of the XML), never the whole batch.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Reflect, Uint8Array};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

use crate::i18n::Lang;
use crate::reports::filter::Filter;
use crate::reports::{Batch, FileStatus, Limits, PageCaps};

/// Least time between two progress messages, milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;

thread_local! {
    static BATCH: RefCell<Batch> = RefCell::new(Batch::new());
    static CANCELLED: Cell<bool> = const { Cell::new(false) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(value: serde_json::Value) {
    let _ = scope().post_message(&JsValue::from_str(&value.to_string()));
}

fn field(obj: &JsValue, name: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn filter_of(obj: &JsValue) -> Filter {
    let text = |k: &str| field(obj, k).as_string().filter(|s| !s.is_empty());
    let time = |k: &str| field(obj, k).as_f64().map(|t| t as u64);
    Filter {
        reporter: text("reporter"),
        domain: text("domain"),
        from: time("from"),
        to: time("to"),
    }
}

/// Reporter names and policy domains of every aggregate report, sorted, each once.
fn choices(batch: &Batch) -> (Vec<String>, Vec<String>) {
    let mut reporters = std::collections::BTreeSet::new();
    let mut domains = std::collections::BTreeSet::new();
    for a in batch.aggregates() {
        reporters.insert(a.report.org_name.clone());
        domains.insert(a.report.policy.domain.to_ascii_lowercase());
    }
    (
        reporters.into_iter().collect(),
        domains.into_iter().collect(),
    )
}

fn lang_of(obj: &JsValue) -> Lang {
    field(obj, "lang")
        .as_string()
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(Lang::En)
}

async fn add(files: Vec<File>) {
    BUSY.set(true);
    CANCELLED.set(false);
    let total = files.len();
    let limits = Limits::default();
    let mut last_post = f64::MIN;
    for (i, f) in files.into_iter().enumerate() {
        if CANCELLED.get() {
            post(json!({"kind": "cancelled", "done": i, "total": total}));
            BUSY.set(false);
            return;
        }
        let name = f.name();
        let bytes = match JsFuture::from(f.array_buffer()).await {
            Ok(buf) => Uint8Array::new(&buf).to_vec(),
            Err(_) => Vec::new(),
        };
        let status = BATCH.with_borrow_mut(|b| b.add(&name, &bytes, &limits) == FileStatus::Ok);
        drop(bytes);
        // At most about ten progress messages a second: each one redraws the page.
        let now = js_sys::Date::now();
        if now - last_post >= PROGRESS_EVERY_MS || i + 1 == total {
            last_post = now;
            post(
                json!({"kind": "progress", "done": i + 1, "total": total, "name": name, "ok": status}),
            );
        }
    }
    BUSY.set(false);
    note_memory();
    post(json!({"kind": "done", "total": total}));
}

/// Leaves the worker's memory figures on its global object (`sceauMemory`: the wasm
/// memory's size, which only grows, so its peak; and the batch's record table), where
/// the benchmark reads them.
fn note_memory() {
    let wasm = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()));
    let table = BATCH.with_borrow(|b| b.table_bytes()) as f64;
    let figures = js_sys::Object::new();
    let _ = Reflect::set(&figures, &"wasm_bytes".into(), &wasm.into());
    let _ = Reflect::set(&figures, &"table_bytes".into(), &table.into());
    let _ = Reflect::set(&scope(), &"sceauMemory".into(), &figures);
}

fn on_message(e: MessageEvent) {
    let data = e.data();
    match field(&data, "cmd").as_string().as_deref() {
        Some("add") => {
            let files: Vec<File> = Array::from(&field(&data, "files"))
                .iter()
                .filter_map(|f| f.dyn_into::<File>().ok())
                .collect();
            spawn_local(add(files));
        }
        Some("cancel") => CANCELLED.set(true),
        Some("clear") => {
            CANCELLED.set(true);
            BATCH.with_borrow_mut(|b| *b = Batch::new());
        }
        Some("view") => {
            let lang = lang_of(&data);
            let filter = filter_of(&data);
            let text = BATCH.with_borrow(|b| {
                let summary = b.summary_of(&filter);
                // The filter's choices come from the whole batch (names only: no second
                // summary).
                let (reporters, domains) = choices(b);
                // The page gets the long lists cut (largest first) with their lengths;
                // the exports have everything.
                let batch =
                    crate::reports::page_json(b, &filter, summary, &PageCaps::default(), lang);
                // The batch text goes out as it is, not parsed and written again.
                format!(
                    "{{\"kind\":\"view\",\"busy\":{},\"choices\":{},\"batch\":{batch}}}",
                    BUSY.get(),
                    json!({"reporters": reporters, "domains": domains})
                )
            });
            let _ = scope().post_message(&JsValue::from_str(&text));
            note_memory();
        }
        Some("records") => {
            let ip = field(&data, "ip").as_string().unwrap_or_default();
            let records = BATCH.with_borrow(|b| {
                serde_json::to_value(crate::reports::filter::records_of(b, &ip)).unwrap_or_default()
            });
            post(json!({"kind": "records", "ip": ip, "records": records}));
        }
        Some("export") => {
            let lang = lang_of(&data);
            let what = field(&data, "what").as_string().unwrap_or_default();
            let text = BATCH.with_borrow(|b| match what.as_str() {
                "records_csv" => crate::reports::summary::records_csv(b),
                "sources_csv" => crate::reports::summary::sources_csv(&b.summary()),
                _ => crate::reports::batch_json(b, &Filter::default(), &b.summary(), lang),
            });
            post(json!({"kind": "export", "what": what, "text": text}));
        }
        _ => {}
    }
}

/// Installs the message handler; called by the worker binary's `main`.
pub fn start() {
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(json!({"kind": "ready"}));
}
