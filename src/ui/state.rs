//! The app state and its reducer: every change goes through an [`Action`].

use std::rc::Rc;

use yew::Reducible;

use crate::dns::log::QueryRecord;
use crate::i18n::Lang;

use super::settings::{self, Resolver};

/// The three tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Message analysis.
    Message,
    /// Reports.
    Reports,
    /// Domain check.
    Domain,
}

/// Everything the page shows that outlives one component.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Active tab.
    pub tab: Tab,
    /// Interface language.
    pub lang: Lang,
    /// Chosen resolver.
    pub resolver: Resolver,
    /// Settings dialog open.
    pub settings_open: bool,
    /// DNS panel open.
    pub dns_open: bool,
    /// Every DNS query of the session.
    pub dns_log: Vec<QueryRecord>,
    /// A domain check asked for from another tab (domain, DKIM selectors), run once by
    /// the Domain tab.
    pub domain_request: Option<(String, Vec<String>)>,
}

impl AppState {
    /// The state at start-up, from the URL, storage and the browser.
    pub fn initial() -> Self {
        let lang = settings::initial_lang();
        settings::save_lang(lang);
        AppState {
            tab: Tab::Message,
            lang,
            resolver: settings::initial_resolver(),
            settings_open: false,
            dns_open: false,
            dns_log: Vec::new(),
            domain_request: None,
        }
    }
}

/// What can happen.
pub enum Action {
    /// Switch tool.
    SelectTab(Tab),
    /// Switch language.
    SetLang(Lang),
    /// Choose a resolver.
    SetResolver(Resolver),
    /// Open or close the settings.
    ToggleSettings,
    /// Open or close the DNS panel.
    ToggleDns,
    /// DNS queries finished (those of one animation frame).
    DnsQueries(Vec<QueryRecord>),
    /// Open the Domain tab and check this domain with these selectors.
    CheckDomain(String, Vec<String>),
    /// The Domain tab took the request.
    DomainRequestTaken,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SelectTab(t) => s.tab = t,
            Action::SetLang(l) => {
                settings::save_lang(l);
                s.lang = l;
            }
            Action::SetResolver(r) => {
                settings::save_resolver(&r);
                s.resolver = r;
            }
            Action::ToggleSettings => s.settings_open = !s.settings_open,
            Action::ToggleDns => s.dns_open = !s.dns_open,
            Action::DnsQueries(q) => s.dns_log.extend(q),
            Action::CheckDomain(d, sel) => {
                s.tab = Tab::Domain;
                s.domain_request = Some((d, sel));
            }
            Action::DomainRequestTaken => s.domain_request = None,
        }
        Rc::new(s)
    }
}
