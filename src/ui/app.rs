//! The app shell: header, tabs, settings and DNS panels.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::dns::log::QueryRecord;
use crate::i18n::text::Ui;
use crate::i18n::{Lang, Translate};

use super::panels::{dns::DnsPanel, settings::SettingsPanel};
use super::resolver::PageDns;
use super::state::{Action, AppState, Tab};
use super::tabs::{domain::DomainTab, message::MessageTab, reports::ReportsTab};

/// What every component can reach: the state, its dispatcher and the DNS source.
#[derive(Clone)]
pub struct Ctx {
    /// The reducer handle.
    pub state: UseReducerHandle<AppState>,
    /// DNS for the chosen resolver.
    pub dns: Rc<PageDns>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.dns, &other.dns)
    }
}

impl Ctx {
    /// Interface text in the current language.
    pub fn t(&self, ui: Ui) -> String {
        ui.text(self.state.lang)
    }
}

/// What the DNS source calls for each query: the query goes to the log, the queries
/// that finish within one animation frame together (a hidden page draws no frame: its
/// queries are logged when it shows again). Each log change renders the whole page
/// again: one per query froze the page for minutes on a message with 10,000 DKIM
/// signatures (10,000 lookups).
fn log_queries(dispatcher: UseReducerDispatcher<AppState>) -> impl Fn(&QueryRecord) {
    let pending: Rc<RefCell<Vec<QueryRecord>>> = Rc::default();
    move |q| {
        let first = pending.borrow().is_empty();
        pending.borrow_mut().push(q.clone());
        if !first {
            return;
        }
        let (pending, dispatcher) = (pending.clone(), dispatcher.clone());
        let flush = move || dispatcher.dispatch(Action::DnsQueries(pending.take()));
        let frame = Closure::once_into_js(flush.clone());
        let scheduled = web_sys::window()
            .is_some_and(|w| w.request_animation_frame(frame.unchecked_ref()).is_ok());
        if !scheduled {
            flush();
        }
    }
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::initial);
    let dispatcher = state.dispatcher();
    let dns = use_memo(state.resolver.clone(), move |r| {
        PageDns::new(r, Rc::new(log_queries(dispatcher.clone())))
    });
    let ctx = Ctx {
        state: state.clone(),
        dns,
    };
    let lang = state.lang;

    let tab_button = |tab: Tab, id: &'static str, panel: &'static str, label: Ui| {
        let s = state.clone();
        let selected = state.tab == tab;
        html! {
            <button role="tab" id={id} aria-controls={panel} aria-selected={selected.to_string()}
                tabindex={if selected { "0" } else { "-1" }}
                class={classes!("tab", selected.then_some("selected"))}
                onclick={Callback::from(move |_| s.dispatch(Action::SelectTab(tab)))}>
                { label.text(lang) }
            </button>
        }
    };
    let lang_button = |l: Lang| {
        let s = state.clone();
        html! {
            <button id={format!("lang-{}", l.code())} lang={l.code()} aria-pressed={(lang == l).to_string()}
                class={classes!("lang", (lang == l).then_some("selected"))}
                onclick={Callback::from(move |_| s.dispatch(Action::SetLang(l)))}>
                { l.code().to_uppercase() }
            </button>
        }
    };
    let toggle_settings = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::ToggleSettings))
    };
    let toggle_dns = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::ToggleDns))
    };

    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "◉" }</span>
                    <div>
                        <h1>{ "Sceau" }</h1>
                        <p class="tagline">{ ctx.t(Ui::Tagline) }</p>
                    </div>
                </div>
                <nav class="tools" aria-label={ctx.t(Ui::Language)}>
                    <div class="langs" role="group" aria-label={ctx.t(Ui::Language)}>
                        { for Lang::ALL.into_iter().map(lang_button) }
                    </div>
                    <button id="dns-toggle" class="ghost" aria-expanded={state.dns_open.to_string()} onclick={toggle_dns}>
                        { format!("{} ({})", ctx.t(Ui::DnsQueries), state.dns_log.len()) }
                    </button>
                    <button id="settings-toggle" class="ghost" aria-expanded={state.settings_open.to_string()} onclick={toggle_settings}>
                        { ctx.t(Ui::Settings) }
                    </button>
                </nav>
            </header>
            if state.settings_open { <SettingsPanel/> }
            <main>
                <div class="tablist" role="tablist">
                    { tab_button(Tab::Message, "tab-message", "panel-message", Ui::TabMessage) }
                    { tab_button(Tab::Reports, "tab-reports", "panel-reports", Ui::TabReports) }
                    { tab_button(Tab::Domain, "tab-domain", "panel-domain", Ui::TabDomain) }
                </div>
                <section role="tabpanel" id="panel-message" aria-labelledby="tab-message" hidden={state.tab != Tab::Message}>
                    <MessageTab/>
                </section>
                <section role="tabpanel" id="panel-reports" aria-labelledby="tab-reports" hidden={state.tab != Tab::Reports}>
                    <ReportsTab/>
                </section>
                <section role="tabpanel" id="panel-domain" aria-labelledby="tab-domain" hidden={state.tab != Tab::Domain}>
                    <DomainTab/>
                </section>
            </main>
            if state.dns_open { <DnsPanel/> }
            <footer>{ ctx.t(Ui::Footer) }</footer>
        </ContextProvider<Ctx>>
    }
}
