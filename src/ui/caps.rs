//! Display caps: lists too long to render at once (a mail loop of 50,000 Received hops,
//! 10,000 DKIM signatures, 100,000 header lines, the DNS queries they cause) are shown a
//! part at a time, with a notice and a button that shows more.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::text::{Label, Listed};
use crate::i18n::{Lang, Translate};

/// How many items of `list` are rendered first, and how many more each "show more"
/// adds: a step renders in a few tens of milliseconds. The message exports have every
/// item.
pub(crate) const fn step(list: Listed) -> usize {
    match list {
        // RFC 5321 §6.3: more than 100 Received fields is taken for a mail loop.
        Listed::Hops => 100,
        Listed::DkimSignatures | Listed::ArcSets | Listed::AuthResults => 50,
        Listed::Antispam | Listed::Findings => 100,
        Listed::HeaderFields => 500,
        Listed::DnsQueries => 200,
        // The Reports tab lists the first ones, then all on request.
        Listed::ReportFiles => 20,
        Listed::Sources => 100,
    }
}

/// How many items of each long list are shown, by `Listed` discriminant; 0 stands for
/// the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shown([usize; Listed::Sources as usize + 1]);

impl Shown {
    pub fn get(&self, list: Listed) -> usize {
        match self.0[list as usize] {
            0 => step(list),
            n => n,
        }
    }

    pub fn with(mut self, list: Listed, n: usize) -> Self {
        self.0[list as usize] = n;
        self
    }
}

/// The id of the element that holds `list`: focus goes there when "show more" shows
/// the last items and its button goes away.
pub(crate) fn list_id(list: Listed) -> &'static str {
    match list {
        Listed::Hops => "message-hops-table",
        Listed::DkimSignatures => "message-dkim",
        Listed::ArcSets => "message-arc-table",
        Listed::AuthResults => "message-auth",
        Listed::Antispam => "message-antispam-table",
        Listed::Findings => "message-findings",
        Listed::HeaderFields => "message-raw",
        Listed::DnsQueries => "dns-log",
        Listed::ReportFiles => "reports-files",
        Listed::Sources => "reports-sources",
    }
}

/// What the lists need to cut themselves and offer more.
#[derive(Clone)]
pub(crate) struct Caps {
    pub shown: UseStateHandle<Shown>,
    /// Set when "show more" showed a whole list: the element to focus after rendering.
    pub refocus: Rc<RefCell<Option<&'static str>>>,
}

impl Caps {
    /// The first items of `items` that are shown.
    pub fn cut<'a, T>(&self, list: Listed, items: &'a [T]) -> &'a [T] {
        &items[..items.len().min(self.shown.get(list))]
    }

    /// The last items of `items` that are shown.
    pub fn cut_last<'a, T>(&self, list: Listed, items: &'a [T]) -> &'a [T] {
        &items[items.len().saturating_sub(self.shown.get(list))..]
    }

    /// Under a list cut short: how much is shown, and a button that shows more. Nothing
    /// when the whole list is shown.
    pub fn more(&self, list: Listed, total: usize, lang: Lang) -> Html {
        let shown = self.shown.get(list);
        if shown >= total {
            return html! {};
        }
        let more = step(list).min(total - shown);
        let onclick = {
            let (state, refocus) = (self.shown.clone(), self.refocus.clone());
            Callback::from(move |_: MouseEvent| {
                let now = state.get(list) + more;
                if now >= total {
                    *refocus.borrow_mut() = Some(list_id(list));
                }
                state.set(state.with(list, now));
            })
        };
        let note = format!("{}-capped", list_id(list));
        let notice = match list {
            Listed::DnsQueries => Label::LatestQueries { shown, total },
            _ => Label::FirstShown { list, shown, total },
        };
        html! {
            <div class="capped" data-list={list_id(list)}>
                <p id={note.clone()} class="note" aria-live="polite">{ notice.text(lang) }</p>
                <button class="ghost small show-more no-print" aria-describedby={note} aria-controls={list_id(list)} {onclick}>
                    { Label::ShowMore { list, more }.text(lang) }</button>
            </div>
        }
    }
}

/// Every list at its first step, and the focus to restore after "show more" showed a
/// whole list (its button gone, focus goes to the list).
#[hook]
pub(crate) fn use_caps() -> Caps {
    let caps = Caps {
        shown: use_state(Shown::default),
        refocus: use_mut_ref(|| None),
    };
    let refocus = caps.refocus.clone();
    use_effect(move || {
        if let Some(id) = refocus.borrow_mut().take()
            && let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
        {
            use wasm_bindgen::JsCast as _;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    caps
}
