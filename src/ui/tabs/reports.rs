//! Reports tab: drop any number of report files; a Web Worker reads them (progress,
//! cancel) and this tab shows the batch: totals, alignment, messages per day, reporters,
//! sending sources with their reverse-DNS names, the p=reject what-if, next steps and
//! findings, with CSV and JSON export.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::dns::{DnsLookup, RData, RecordType, reverse_name};
use crate::i18n::text::{Label, Listed, Ui};
use crate::i18n::{Lang, Translate};
use crate::reports::Label as RLabel;
use crate::ui::app::Ctx;
use crate::ui::drop_zone::DropZone;

/// How many sources get a reverse-DNS lookup (the largest senders first).
const PTR_LOOKUPS: usize = 25;
/// Rows shown in the sources table before "show all".
const SOURCE_ROWS: usize = crate::ui::caps::step(Listed::Sources);
/// Files listed before a "show more" button (those with an error come first).
const FILE_ROWS: usize = crate::ui::caps::step(Listed::ReportFiles);

/// What the worker told us.
#[derive(Clone, Default, PartialEq)]
struct Progress {
    done: usize,
    total: usize,
    busy: bool,
    cancelled: bool,
}

/// The dashboard's filter, as typed.
#[derive(Clone, Default, PartialEq)]
struct Narrow {
    reporter: String,
    domain: String,
    from: String,
    to: String,
}

/// The `view` request for `lang` and `narrow` (dates as UNIX seconds, UTC days).
fn view_args(lang: Lang, narrow: &Narrow) -> Vec<(&'static str, JsValue)> {
    let day = |d: &str| {
        let t = js_sys::Date::parse(&format!("{d}T00:00:00Z"));
        (!t.is_nan()).then(|| JsValue::from_f64((t / 1000.0).floor()))
    };
    let mut args = vec![
        ("lang", JsValue::from_str(lang.code())),
        ("reporter", JsValue::from_str(&narrow.reporter)),
        ("domain", JsValue::from_str(&narrow.domain)),
    ];
    if let Some(f) = day(&narrow.from) {
        args.push(("from", f));
    }
    if let Some(t) = day(&narrow.to) {
        // The whole "to" day is included.
        args.push((
            "to",
            JsValue::from_f64(t.as_f64().unwrap_or(0.0) + 86_400.0),
        ));
    }
    args
}

/// The worker, its message handler, and the messages waiting for it to be ready (its
/// wasm loads asynchronously; a message sent before would be lost).
#[derive(Clone)]
struct Port {
    worker: Worker,
    ready: Rc<std::cell::Cell<bool>>,
    queue: Rc<RefCell<Vec<js_sys::Object>>>,
}

struct Bridge {
    port: Port,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
}

fn post(port: &Port, cmd: &str, extra: &[(&str, JsValue)]) {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"cmd".into(), &cmd.into());
    for (k, v) in extra {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    if port.ready.get() {
        let _ = port.worker.post_message(&msg);
    } else {
        port.queue.borrow_mut().push(msg);
    }
}

fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or(0)
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The items of a JSON list, borrowed (none when it is not a list).
fn arr(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// A note when the worker cut a list (`shown` of `total`), in the note's words.
fn cut_note(shown: usize, total: &Value, note: impl Fn(u64, u64) -> Label, lang: Lang) -> Html {
    let total = n(total);
    if total > shown as u64 {
        html! { <p class="note">{ note(shown as u64, total).text(lang) }</p> }
    } else {
        html! {}
    }
}

fn finding_list(list: &Value, lang: Lang) -> Html {
    let items = arr(list);
    html! {
        <ul class="findings">{ for items.iter().map(|f| {
            let sev = match f["severity"].as_str() {
                Some("problem") => crate::findings::Severity::Problem,
                Some("warning") => crate::findings::Severity::Warning,
                _ => crate::findings::Severity::Info,
            };
            html! { <li class="finding" data-code={s(&f["code"])}>{ crate::ui::severity_badge(sev, lang) }{ " " }{ s(&f["message"]) }</li> }
        }) }</ul>
    }
}

/// Messages per day: stacked bars (pass below, fail above, hatched), with the numbers
/// in each bar's title and a legend in words, so colour is never the only cue.
fn days_chart(days: &[Value], lang: Lang) -> Html {
    if days.is_empty() {
        return html! {};
    }
    let max = days
        .iter()
        .map(|d| n(&d["messages"]))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let (w, h, gap) = (600.0, 160.0, 2.0);
    let bw = ((w / days.len() as f64) - gap).clamp(2.0, 40.0);
    let title = Ui::RepPerDay.text(lang);
    html! {
        <figure class="chart">
            <svg id="reports-days" role="img" aria-label={title.clone()} viewBox={format!("0 0 {w} {}", h + 20.0)} preserveAspectRatio="xMinYMin meet">
                <title>{ title }</title>
                <defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="fail-bg"/><line x1="0" y1="0" x2="0" y2="6" class="fail-line"/></pattern></defs>
                { for days.iter().enumerate().map(|(i, d)| {
                    let total = n(&d["messages"]) as f64;
                    let pass = n(&d["dmarc_pass"]) as f64;
                    let x = i as f64 * (bw + gap);
                    let th = total / max * h;
                    let ph = pass / max * h;
                    html! {
                        <g class="day">
                            <title>{ format!("{}: {} / {} {}", s(&d["date"]), pass, total, Ui::LegendPass.text(lang)) }</title>
                            <rect class="fail" x={x.to_string()} y={(h - th).to_string()} width={bw.to_string()} height={(th - ph).max(0.0).to_string()} fill="url(#hatch)"/>
                            <rect class="pass" x={x.to_string()} y={(h - ph).to_string()} width={bw.to_string()} height={ph.to_string()}/>
                        </g>
                    }
                }) }
                <text x="0" y={(h + 16.0).to_string()} class="axis">{ days.first().map(|d| s(&d["date"])).unwrap_or_default() }</text>
                <text x={w.to_string()} y={(h + 16.0).to_string()} class="axis" text-anchor="end">{ days.last().map(|d| s(&d["date"])).unwrap_or_default() }</text>
            </svg>
            <figcaption class="legend"><span class="key pass"></span>{ Ui::LegendPass.text(lang) }{ "  " }<span class="key fail"></span>{ Ui::LegendFail.text(lang) }</figcaption>
        </figure>
    }
}

fn alignment_view(t: &Value, lang: Lang) -> Html {
    let a = &t["alignment"];
    let parts = [
        (Ui::AlignBoth, n(&a["both"]), "both"),
        (Ui::AlignDkim, n(&a["dkim_only"]), "dkim"),
        (Ui::AlignSpf, n(&a["spf_only"]), "spf"),
        (Ui::AlignNeither, n(&a["neither"]), "neither"),
    ];
    let total: u64 = parts.iter().map(|p| p.1).sum();
    html! {
        <section id="reports-alignment">
            <h3>{ Ui::RepAlignment.text(lang) }</h3>
            // An SVG rather than styled boxes: the Content-Security-Policy allows no inline style.
            <svg class="stack" role="img" aria-label={Ui::RepAlignment.text(lang)} viewBox="0 0 1000 16" preserveAspectRatio="none">
                { for parts.iter().scan(0.0f64, |x, (_, v, class)| {
                    let w = if total == 0 { 0.0 } else { *v as f64 * 1000.0 / total as f64 };
                    let at = *x;
                    *x += w;
                    Some(html! { <rect class={classes!("seg", *class)} x={at.to_string()} y="0" width={w.to_string()} height="16"/> })
                }) }
            </svg>
            <table class="records"><tbody>{ for parts.iter().map(|(label, v, class)| html! {
                <tr class={classes!("align-row", *class)}><th scope="row"><span class={classes!("key", *class)}></span>{ label.text(lang) }</th>
                    <td>{ Label::Share { part: *v, total }.text(lang) }</td></tr>
            }) }</tbody></table>
        </section>
    }
}

fn results(list: &Value) -> String {
    list.as_array()
        .map(|a| {
            a.iter()
                .map(|r| format!("{} {}", s(&r["domain"]), s(&r["result"])))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// Drop zone, progress, and the batch.
#[function_component(ReportsTab)]
pub fn reports_tab() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.state.lang;
    let view = use_state(|| None::<Rc<Value>>);
    let choices = use_state(|| Value::Null);
    let records = use_state(|| None::<(String, Rc<Value>)>);
    let narrow = use_state(Narrow::default);
    let narrow_ref = use_mut_ref(Narrow::default);
    *narrow_ref.borrow_mut() = (*narrow).clone();
    let progress = use_state(Progress::default);
    // Source address → (reverse DNS name, its organisational domain), looked up once.
    let ptrs = use_state(HashMap::<String, (String, String)>::new);
    let filter = use_state(String::new);
    let failing_only = use_state(|| false);
    let show_all = use_state(|| false);
    let all_files = use_state(|| false);
    let bridge: Rc<RefCell<Option<Bridge>>> = use_mut_ref(|| None);
    let lang_ref = use_mut_ref(|| lang);
    *lang_ref.borrow_mut() = lang;

    // The worker is started on first use and lives as long as the tab.
    let ensure = {
        let (bridge, view, progress, lang_ref) = (
            bridge.clone(),
            view.clone(),
            progress.clone(),
            lang_ref.clone(),
        );
        let (choices, records, narrow_ref) = (choices.clone(), records.clone(), narrow_ref.clone());
        Rc::new(move || -> Option<Port> {
            if let Some(b) = bridge.borrow().as_ref() {
                return Some(b.port.clone());
            }
            let opts = WorkerOptions::new();
            opts.set_type(WorkerType::Classic);
            let worker = Worker::new_with_options("./loader.js", &opts).ok()?;
            let port = Port {
                worker: worker.clone(),
                ready: Rc::new(std::cell::Cell::new(false)),
                queue: Rc::new(RefCell::new(Vec::new())),
            };
            let (view, progress, lang_ref, w2) = (
                view.clone(),
                progress.clone(),
                lang_ref.clone(),
                port.clone(),
            );
            let (choices, records, narrow_ref) =
                (choices.clone(), records.clone(), narrow_ref.clone());
            let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let Some(text) = e.data().as_string() else {
                    return;
                };
                let Ok(mut msg) = serde_json::from_str::<Value>(&text) else {
                    return;
                };
                let lang = *lang_ref.borrow();
                match msg["kind"].as_str() {
                    Some("ready") => {
                        w2.ready.set(true);
                        for m in w2.queue.borrow_mut().drain(..) {
                            let _ = w2.worker.post_message(&m);
                        }
                    }
                    Some("progress") => progress.set(Progress {
                        done: msg["done"].as_u64().unwrap_or(0) as usize,
                        total: msg["total"].as_u64().unwrap_or(0) as usize,
                        busy: true,
                        cancelled: false,
                    }),
                    Some("done") | Some("cancelled") => {
                        let cancelled = msg["kind"] == "cancelled";
                        progress.set(Progress {
                            done: msg["done"]
                                .as_u64()
                                .unwrap_or(msg["total"].as_u64().unwrap_or(0))
                                as usize,
                            total: msg["total"].as_u64().unwrap_or(0) as usize,
                            busy: false,
                            cancelled,
                        });
                        post(&w2, "view", &view_args(lang, &narrow_ref.borrow()));
                    }
                    Some("view") => {
                        // Taken, not copied: the batch can be megabytes.
                        choices.set(msg["choices"].take());
                        view.set(Some(Rc::new(msg["batch"].take())));
                    }
                    Some("records") => records.set(Some((
                        msg["ip"].as_str().unwrap_or_default().to_string(),
                        Rc::new(msg["records"].take()),
                    ))),
                    Some("export") => {
                        let what = msg["what"].as_str().unwrap_or("");
                        let text = msg["text"].as_str().unwrap_or("");
                        match what {
                            "records_csv" => download("sceau-records.csv", text, "text/csv"),
                            "sources_csv" => download("sceau-sources.csv", text, "text/csv"),
                            _ => download("sceau-reports.json", text, "application/json"),
                        }
                    }
                    _ => {}
                }
            });
            worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            *bridge.borrow_mut() = Some(Bridge {
                port: port.clone(),
                _onmessage: onmessage,
            });
            Some(port)
        })
    };

    // A language or filter change asks the worker for the batch again.
    {
        let (bridge, has_view) = (bridge.clone(), view.is_some());
        use_effect_with((lang, (*narrow).clone()), move |(lang, narrow)| {
            if has_view && let Some(b) = bridge.borrow().as_ref() {
                post(&b.port, "view", &view_args(*lang, narrow));
            }
        });
    }
    let set_narrow = |pick: fn(&mut Narrow, String)| {
        let narrow = narrow.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = crate::ui::event_value(&e).or_else(|| {
                e.target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .map(|s| s.value())
            }) {
                let mut n = (*narrow).clone();
                pick(&mut n, v);
                narrow.set(n);
            }
        })
    };
    let check_key = {
        let state = ctx.state.clone();
        move |domain: String, selector: String| {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| {
                let sel = if selector.is_empty() {
                    vec![]
                } else {
                    vec![selector.clone()]
                };
                state.dispatch(crate::ui::state::Action::CheckDomain(domain.clone(), sel));
            })
        }
    };
    let drill = {
        let bridge = bridge.clone();
        move |ip: String| {
            let bridge = bridge.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(b) = bridge.borrow().as_ref() {
                    post(&b.port, "records", &[("ip", JsValue::from_str(&ip))]);
                }
            })
        }
    };

    // Reverse DNS of the largest sources, over the page's resolver, once per view.
    {
        let (ptrs, dns) = (ptrs.clone(), ctx.dns.clone());
        use_effect_with(view.clone(), move |v| {
            let ips: Vec<String> = v
                .as_deref()
                .map_or(&[][..], |v| arr(&v["sources"]))
                .iter()
                .take(PTR_LOOKUPS)
                .map(|s| s["ip"].as_str().unwrap_or_default().to_string())
                .filter(|ip| !ptrs.contains_key(ip))
                .collect();
            if !ips.is_empty() {
                spawn_local(async move {
                    let mut found = (*ptrs).clone();
                    let answers = futures::future::join_all(ips.iter().map(|ip| {
                        let dns = dns.clone();
                        let ip = ip.clone();
                        async move {
                            let name = ip.parse().ok().map(reverse_name)?;
                            let a = dns.lookup(&name, RecordType::Ptr).await.ok()?;
                            a.records.iter().find_map(|r| match r {
                                RData::Ptr { name } => Some((
                                    ip.clone(),
                                    (name.clone(), crate::dmarc::psl::organizational_domain(name)),
                                )),
                                _ => None,
                            })
                        }
                    }))
                    .await;
                    for (ip, name) in answers.into_iter().flatten() {
                        found.insert(ip, name);
                    }
                    ptrs.set(found);
                });
            }
        });
    }

    let on_handles = {
        let (ensure, progress) = (ensure.clone(), progress.clone());
        Callback::from(move |files: Vec<File>| {
            if files.is_empty() {
                return;
            }
            let Some(w) = ensure() else { return };
            let list = js_sys::Array::new();
            for f in &files {
                list.push(f);
            }
            progress.set(Progress {
                done: 0,
                total: files.len(),
                busy: true,
                cancelled: false,
            });
            post(&w, "add", &[("files", list.into())]);
        })
    };
    let cancel = {
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = bridge.borrow().as_ref() {
                post(&b.port, "cancel", &[]);
            }
        })
    };
    let clear = {
        let (bridge, view, progress, ptrs) =
            (bridge.clone(), view.clone(), progress.clone(), ptrs.clone());
        let records = records.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = bridge.borrow().as_ref() {
                post(&b.port, "clear", &[]);
            }
            view.set(None);
            progress.set(Progress::default());
            ptrs.set(HashMap::new());
            records.set(None);
        })
    };
    let export = |what: &'static str| {
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = bridge.borrow().as_ref() {
                post(
                    &b.port,
                    "export",
                    &[("what", what.into()), ("lang", lang.code().into())],
                );
            }
        })
    };
    let on_filter = crate::ui::bind_text(&filter);
    let toggle_failing = {
        let f = failing_only.clone();
        Callback::from(move |_: Event| f.set(!*f))
    };

    let dashboard = view.as_ref().map(|v| {
        let t = &v["totals"];
        let files = arr(&v["files"]);
        let days = arr(&v["days"]);
        let reporters = arr(&v["reporters"]);
        let needle = filter.trim().to_lowercase();
        let sources: Vec<&Value> = arr(&v["sources"])
            .iter()
            .filter(|src| !*failing_only || n(&src["dmarc_pass"]) < n(&src["messages"]))
            .filter(|src| {
                needle.is_empty()
                    || src.to_string().to_lowercase().contains(&needle)
                    || ptrs.get(src["ip"].as_str().unwrap_or_default()).is_some_and(|(p, _)| p.contains(&needle))
            })
            .collect();
        let shown = if *show_all { sources.len() } else { sources.len().min(SOURCE_ROWS) };
        let w = &v["what_if"];
        let show_more = {
            let s = show_all.clone();
            Callback::from(move |_: MouseEvent| s.set(true))
        };
        let more_files = {
            let s = all_files.clone();
            Callback::from(move |_: MouseEvent| s.set(true))
        };
        html! {
            <div id="reports-dashboard" class="result">
                <div id="reports-narrow" class="row">
                    <label>{ Ui::ColReporter.text(lang) }{ " " }
                        <select id="reports-reporter" onchange={set_narrow(|n, v| n.reporter = v)}>
                            <option value="" selected={narrow.reporter.is_empty()}>{ "—" }</option>
                            { for arr(&choices["reporters"]).iter().map(|r| {
                                let r = s(r);
                                html! { <option value={r.clone()} selected={narrow.reporter == r}>{ r.clone() }</option> }
                            }) }
                        </select></label>
                    <label>{ Ui::ColDomain.text(lang) }{ " " }
                        <select id="reports-domain" onchange={set_narrow(|n, v| n.domain = v)}>
                            <option value="" selected={narrow.domain.is_empty()}>{ "—" }</option>
                            { for arr(&choices["domains"]).iter().map(|d| {
                                let d = s(d);
                                html! { <option value={d.clone()} selected={narrow.domain == d}>{ d.clone() }</option> }
                            }) }
                        </select></label>
                    <label>{ Ui::ColPeriod.text(lang) }{ " " }
                        <input id="reports-from" type="date" value={narrow.from.clone()} onchange={set_narrow(|n, v| n.from = v)}/>
                        { " – " }
                        <input id="reports-to" type="date" value={narrow.to.clone()} onchange={set_narrow(|n, v| n.to = v)}/></label>
                </div>
                <section id={crate::ui::caps::list_id(Listed::ReportFiles)}>
                    <h3>{ Ui::RepFiles.text(lang) }</h3>
                    { cut_note(files.len(), &v["files_total"], |shown, total| Label::FilesShown { shown, total }, lang) }
                    <ul class="files">{ for files.iter().take(if *all_files { files.len() } else { FILE_ROWS }).map(|f| {
                        let ok = f["status"] == "ok";
                        html! {
                            <li class="file" data-status={s(&f["status"])}>
                                <span class="mono">{ s(&f["name"]) }</span>{ " " }
                                <span class={classes!("chip", if ok { "ok" } else { "bad" })}>{ if ok { RLabel::StatusOk.text(lang) } else { RLabel::StatusError.text(lang) } }</span>
                                if !ok { <div class="error">{ s(&f["error"]["message"]) }</div> }
                                { for arr(&f["reports"]).iter().map(|r| html! {
                                    <div class="muted small">{ format!("{} — {} — {}", s(&r["org_name"]), s(&r["policy_domain"]), Label::RecordsAndMessages { records: n(&r["records"]), messages: n(&r["messages"]) }.text(lang)) }</div>
                                }) }
                            </li>
                        }
                    }) }</ul>
                    if !*all_files && files.len() > FILE_ROWS {
                        <button id="reports-more-files" class="ghost small" onclick={more_files}>{ Label::ShowMore { list: Listed::ReportFiles, more: files.len() - FILE_ROWS }.text(lang) }</button>
                    }
                </section>
                <section id="reports-totals">
                    <h3>{ Ui::RepOverview.text(lang) }</h3>
                    <div class="tiles">
                        <div class="tile"><span class="big" id="total-reports">{ n(&t["reports"]) }</span>{ RLabel::Reports.text(lang) }</div>
                        <div class="tile"><span class="big" id="total-records">{ n(&t["records"]) }</span>{ RLabel::Records.text(lang) }</div>
                        <div class="tile"><span class="big" id="total-messages">{ n(&t["messages"]) }</span>{ RLabel::Messages.text(lang) }</div>
                        <div class="tile"><span class="big" id="total-pass">{ Label::Share { part: n(&t["dmarc_pass"]), total: n(&t["messages"]) }.text(lang) }</span>{ RLabel::DmarcPass.text(lang) }</div>
                        if n(&t["duplicates"]) > 0 { <div class="tile"><span class="big">{ n(&t["duplicates"]) }</span>{ RLabel::Duplicates.text(lang) }</div> }
                        if n(&t["tls_reports"]) > 0 { <div class="tile"><span class="big">{ format!("{} / {}", n(&t["tls_failed_sessions"]), n(&t["tls_sessions"])) }</span>{ RLabel::TlsSessions.text(lang) }</div> }
                        if n(&t["failure_reports"]) > 0 { <div class="tile"><span class="big">{ n(&t["failure_reports"]) }</span>{ RLabel::FailureReports.text(lang) }</div> }
                    </div>
                </section>
                { alignment_view(t, lang) }
                if !days.is_empty() {
                    <section><h3>{ Ui::RepPerDay.text(lang) }</h3>{ days_chart(days, lang) }</section>
                }
                if n(&w["rejected_messages"]) > 0 {
                    <section id="reports-whatif">
                        <h3>{ Ui::RepWhatIf.text(lang) }</h3>
                        <p>{ Label::WhatIf { messages: n(&w["rejected_messages"]), sources: n(&w["rejected_sources"]) as usize, unaligned: n(&w["dkim_unaligned_messages"]) }.text(lang) }</p>
                        <ul class="small">{ for arr(&w["dkim_unaligned_sources"]).iter().take(10).map(|u| html! {
                            <li class="mono">{ format!("{} — d={} — From: {} — {}", s(&u["ip"]), s(&u["dkim_domain"]), s(&u["header_from"]), n(&u["messages"])) }</li>
                        }) }</ul>
                    </section>
                }
                if v["readiness"].as_array().is_some_and(|a| !a.is_empty()) {
                    <section id="reports-readiness"><h3>{ RLabel::NextSteps.text(lang) }</h3>{ finding_list(&v["readiness"], lang) }</section>
                }
                if v["findings"].as_array().is_some_and(|a| !a.is_empty()) {
                    <section id="reports-findings"><h3>{ Ui::RepFindings.text(lang) }</h3>
                        { cut_note(arr(&v["findings"]).len(), &v["findings_total"], |shown, total| Label::FindingsShown { shown, total }, lang) }
                        { finding_list(&v["findings"], lang) }</section>
                }
                <section id="reports-reporters">
                    <h3>{ RLabel::Reporters.text(lang) }</h3>
                    <div class="scroll" tabindex="0"><table>
                        <thead><tr><th>{ Ui::ColReporter.text(lang) }</th><th>{ RLabel::Reports.text(lang) }</th><th>{ RLabel::Messages.text(lang) }</th><th>{ RLabel::DmarcPass.text(lang) }</th></tr></thead>
                        <tbody>{ for reporters.iter().map(|r| html! {
                            <tr class="reporter"><td>{ s(&r["org_name"]) }<div class="muted small">{ s(&r["email"]) }</div></td><td>{ n(&r["reports"]) }</td><td>{ n(&r["messages"]) }</td>
                                <td>{ Label::Share { part: n(&r["dmarc_pass"]), total: n(&r["messages"]) }.text(lang) }</td></tr>
                        }) }</tbody>
                    </table></div>
                </section>
                <section id={crate::ui::caps::list_id(Listed::Sources)}>
                    <h3>{ Ui::RepSources.text(lang) }</h3>
                    { cut_note(arr(&v["sources"]).len(), &v["sources_total"], |shown, total| Label::LargestSources { shown, total }, lang) }
                    <div class="row">
                        <label class="visually-hidden" for="reports-filter">{ Ui::RepFilter.text(lang) }</label>
                        <input id="reports-filter" type="search" placeholder={Ui::RepFilter.text(lang)} value={(*filter).clone()} oninput={on_filter}/>
                        <label><input id="reports-failing" type="checkbox" checked={*failing_only} onchange={toggle_failing}/>{ " " }{ Ui::RepFailingOnly.text(lang) }</label>
                    </div>
                    <div class="scroll" tabindex="0"><table>
                        <thead><tr><th>{ Ui::ColIp.text(lang) }</th><th>{ Ui::ColPtr.text(lang) }</th><th>{ RLabel::Messages.text(lang) }</th><th>{ RLabel::DmarcPass.text(lang) }</th>
                            <th>{ "DKIM" }</th><th>{ "SPF" }</th><th>{ Ui::ColDisposition.text(lang) }</th></tr></thead>
                        <tbody>{ for sources.iter().take(shown).map(|src| {
                            let ip = s(&src["ip"]);
                            let (ptr, org) = match ptrs.get(&ip) {
                                Some((p, o)) => (Some(p.clone()), Some(o.clone())),
                                None => (None, None),
                            };
                            let failing = n(&src["dmarc_pass"]) < n(&src["messages"]);
                            html! {
                                <tr class={classes!("source", failing.then_some("failing"))} data-ip={ip.clone()}>
                                    <td class="mono"><button class="link" onclick={drill(ip.clone())}>{ ip.clone() }</button></td>
                                    <td class="mono wrap">{ ptr.clone().unwrap_or_default() }
                                        if let Some(o) = org { <div class="muted small">{ o }</div> }</td>
                                    <td>{ n(&src["messages"]) }</td>
                                    <td>{ Label::Share { part: n(&src["dmarc_pass"]), total: n(&src["messages"]) }.text(lang) }</td>
                                    <td class="mono small wrap">{ results(&src["dkim"]) }</td>
                                    <td class="mono small wrap">{ results(&src["spf"]) }</td>
                                    <td class="small">{ src["dispositions"].as_object().map(|m| m.iter().map(|(k, v)| format!("{k} {}", n(v))).collect::<Vec<_>>().join(", ")).unwrap_or_default() }</td>
                                </tr>
                            }
                        }) }</tbody>
                    </table></div>
                    if shown < sources.len() {
                        <button class="ghost small" onclick={show_more}>{ Label::ShowMore { list: Listed::Sources, more: sources.len() - shown }.text(lang) }</button>
                    }
                </section>
                if let Some((ip, recs)) = &*records {
                    <section id="reports-records">
                        <h3>{ format!("{} — {ip}", RLabel::Records.text(lang)) }</h3>
                        <div class="scroll" tabindex="0"><table class="small">
                            <thead><tr><th>{ Ui::ColReporter.text(lang) }</th><th>{ Ui::ColPeriod.text(lang) }</th><th>{ RLabel::Messages.text(lang) }</th>
                                <th>{ Ui::ColDisposition.text(lang) }</th><th>{ "DKIM" }</th><th>{ "SPF" }</th><th>{ "From" }</th><th>{ Ui::ColAuthResults.text(lang) }</th></tr></thead>
                            <tbody>{ for arr(recs).iter().map(|r| {
                                let rec = &r["record"];
                                let spf = arr(&rec["spf_results"]).iter()
                                    .map(|d| format!("spf {} {}", s(&d["domain"]), s(&d["result"])))
                                    .collect::<Vec<_>>().join("; ");
                                let dkim: Vec<(String, String, String)> = arr(&rec["dkim_results"]).iter()
                                    .map(|d| (s(&d["domain"]), s(&d["selector"]), s(&d["result"])))
                                    .collect();
                                html! {
                                    <tr class="raw-record"><td>{ s(&r["org_name"]) }<div class="muted">{ s(&r["report_id"]) }</div></td>
                                        <td>{ crate::headers::date::utc_day(n(&r["begin"]) as i64) }</td>
                                        <td>{ n(&rec["count"]) }</td><td>{ s(&rec["disposition"]) }</td>
                                        <td>{ s(&rec["dkim"]) }</td><td>{ s(&rec["spf"]) }</td>
                                        <td class="mono">{ s(&rec["header_from"]) }</td>
                                        <td class="mono wrap">
                                            { for dkim.iter().map(|(d, sel, r)| {
                                                let go = check_key(d.clone(), sel.clone());
                                                html! { <div>{ format!("dkim {d} {r} ") }
                                                    if !d.is_empty() { <button class="link key-check" title={Ui::CheckInDomainTab.text(lang)} onclick={go}>{ if sel.is_empty() { format!("→ {d}") } else { format!("→ {sel}._domainkey.{d}") } }</button> }</div> }
                                            }) }
                                            { spf.clone() }</td></tr>
                                }
                            }) }</tbody>
                        </table></div>
                    </section>
                }
                if !arr(&v["failures"]).is_empty() {
                    <section id="reports-failures">
                        <h3>{ RLabel::FailureReports.text(lang) }</h3>
                        { cut_note(arr(&v["failures"]).len(), &v["failures_total"], |shown, total| Label::RowsShown { shown, total }, lang) }
                        <div class="scroll" tabindex="0"><table class="small">
                            <thead><tr><th>{ Ui::ColDate.text(lang) }</th><th>{ Ui::ColReporter.text(lang) }</th><th>{ Ui::ColIp.text(lang) }</th>
                                <th>{ Ui::ColDomain.text(lang) }</th><th>{ Ui::ColAuthFailure.text(lang) }</th><th>{ "DKIM" }</th><th>{ Ui::ColDelivery.text(lang) }</th></tr></thead>
                            <tbody>{ for arr(&v["failures"]).iter().map(|f| {
                                let date = f["arrival_date"].as_i64().map(|t| crate::headers::date::to_rfc3339(t, 0).replace('T', " ").replace("+00:00", " UTC")).unwrap_or_default();
                                let dkim = match (s(&f["dkim_domain"]), s(&f["dkim_selector"])) {
                                    (d, _) if d.is_empty() => String::new(),
                                    (d, sel) if sel.is_empty() => format!("d={d}"),
                                    (d, sel) => format!("d={d} s={sel}"),
                                };
                                html! {
                                    <tr class="failure-report"><td class="mono nowrap">{ date }</td><td>{ s(&f["reporter"]) }</td>
                                        <td class="mono">{ s(&f["source_ip"]) }</td><td class="mono">{ s(&f["reported_domain"]) }</td>
                                        <td>{ arr(&f["auth_failure"]).iter().map(s).collect::<Vec<_>>().join(", ") }</td>
                                        <td class="mono small">{ dkim }</td><td>{ s(&f["delivery_result"]) }</td></tr>
                                }
                            }) }</tbody>
                        </table></div>
                    </section>
                }
                if !arr(&v["tls"]).is_empty() {
                    <section id="reports-tls">
                        <h3>{ RLabel::TlsReports.text(lang) }</h3>
                        { cut_note(arr(&v["tls"]).len(), &v["tls_total"], |shown, total| Label::RowsShown { shown, total }, lang) }
                        <div class="scroll" tabindex="0"><table class="small">
                            <thead><tr><th>{ Ui::ColReporter.text(lang) }</th><th>{ Ui::ColDate.text(lang) }</th><th>{ Ui::ColDomain.text(lang) }</th><th>{ Ui::ColPolicyType.text(lang) }</th>
                                <th>{ Ui::ColSuccessful.text(lang) }</th><th>{ Ui::ColFailed.text(lang) }</th><th>{ Ui::ColFailureTypes.text(lang) }</th></tr></thead>
                            <tbody>{ for arr(&v["tls"]).iter().map(|p| {
                                let date = p["begin"].as_i64().map(crate::headers::date::utc_day).unwrap_or_default();
                                let types = p["result_types"].as_object().map(|m| m.iter().map(|(k, v)| format!("{k} {}", n(v))).collect::<Vec<_>>().join(", ")).unwrap_or_default();
                                let failing = n(&p["failed"]) > 0;
                                html! {
                                    <tr class={classes!("tls-policy", failing.then_some("failing"))}><td>{ s(&p["reporter"]) }</td><td class="mono nowrap">{ date }</td>
                                        <td class="mono">{ s(&p["policy_domain"]) }</td><td class="mono">{ s(&p["policy_type"]) }</td>
                                        <td>{ n(&p["successful"]) }</td><td>{ n(&p["failed"]) }</td><td class="mono small wrap">{ types }</td></tr>
                                }
                            }) }</tbody>
                        </table></div>
                    </section>
                }
                if v["disagreements"].as_array().is_some_and(|a| !a.is_empty()) {
                    <section id="reports-disagreements">
                        <h3>{ Ui::RepDisagreements.text(lang) }</h3>
                        { cut_note(arr(&v["disagreements"]).len(), &v["disagreements_total"], |shown, total| Label::LargestDisagreements { shown, total }, lang) }
                        <ul class="small">{ for arr(&v["disagreements"]).iter().map(|d| html! {
                            <li>{ format!("{} ({}) — {} {}: {} → {}", s(&d["org_name"]), s(&d["source_ip"]), s(&d["header_from"]), s(&d["method"]).to_uppercase(), s(&d["reported"]), s(&d["recomputed"])) }</li>
                        }) }</ul>
                    </section>
                }
                <section class="no-print">
                    <h3>{ Ui::RepExport.text(lang) }</h3>
                    <div class="actions">
                        <button id="reports-export-records" class="ghost small" onclick={export("records_csv")}>{ Ui::ExportRecordsCsv.text(lang) }</button>
                        <button id="reports-export-sources" class="ghost small" onclick={export("sources_csv")}>{ Ui::ExportSourcesCsv.text(lang) }</button>
                        <button id="reports-export-json" class="ghost small" onclick={export("batch_json")}>{ Ui::ExportJson.text(lang) }</button>
                    </div>
                </section>
            </div>
        }
    });

    html! {
        <div class="tool">
            <p class="intro">{ ctx.t(Ui::ReportsIntro) }</p>
            <DropZone id="reports-drop" input_id="reports-file" multiple=true label={ctx.t(Ui::ReportsDrop)} pick={ctx.t(Ui::ChooseFile)}
                accept=".xml,.gz,.zip,.eml,.json,.mbox,application/xml,application/gzip,application/zip,message/rfc822,application/json" on_handles={Some(on_handles)}/>
            if progress.busy {
                <div id="reports-progress" class="row" aria-live="polite">
                    <progress max={progress.total.to_string()} value={progress.done.to_string()}></progress>
                    <span>{ Label::ReadingFiles { done: progress.done, total: progress.total }.text(lang) }</span>
                    <button id="reports-cancel" class="ghost small" onclick={cancel}>{ ctx.t(Ui::RepCancel) }</button>
                </div>
            }
            if progress.cancelled { <p class="note" role="status">{ ctx.t(Ui::RepCancelled) }</p> }
            if view.is_some() {
                <div class="actions"><button id="reports-clear" class="ghost small" onclick={clear}>{ ctx.t(Ui::Clear) }</button></div>
            }
            { dashboard.unwrap_or_default() }
        </div>
    }
}
