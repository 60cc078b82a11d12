//! Settings kept across visits (localStorage) and the initial language.

use crate::dns::doh::{CLOUDFLARE, GOOGLE};
use crate::i18n::Lang;

const KEY_LANG: &str = "sceau.lang";
const KEY_RESOLVER: &str = "sceau.resolver";
const KEY_CUSTOM: &str = "sceau.resolver.custom";

/// Which resolver the page uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolver {
    /// Cloudflare's DoH endpoint.
    Cloudflare,
    /// Google's DoH endpoint.
    Google,
    /// A user-given RFC 8484 URL.
    Custom(String),
    /// No lookups at all.
    Offline,
}

impl Resolver {
    /// The value used in the select element and in storage.
    pub fn key(&self) -> &'static str {
        match self {
            Resolver::Cloudflare => "cloudflare",
            Resolver::Google => "google",
            Resolver::Custom(_) => "custom",
            Resolver::Offline => "offline",
        }
    }

    /// The URL to query, if any.
    pub fn url(&self) -> Option<String> {
        match self {
            Resolver::Cloudflare => Some(CLOUDFLARE.into()),
            Resolver::Google => Some(GOOGLE.into()),
            Resolver::Custom(u) => Some(u.clone()),
            Resolver::Offline => None,
        }
    }

    /// Builds a resolver from a select value and the custom URL.
    pub fn from_key(key: &str, custom: &str) -> Resolver {
        match key {
            "google" => Resolver::Google,
            "custom" => Resolver::Custom(custom.trim().to_string()),
            "offline" => Resolver::Offline,
            _ => Resolver::Cloudflare,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// `?lang=` of the page URL, if valid.
fn url_lang() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    Lang::parse(&params.get("lang")?)
}

/// `?lang=` first, then the remembered choice, then `navigator.languages`.
pub fn initial_lang() -> Lang {
    if let Some(l) = url_lang().or_else(|| get(KEY_LANG).and_then(|l| Lang::parse(&l))) {
        return l;
    }
    let langs: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::negotiate(langs.iter().map(String::as_str))
}

/// Remembers the language and sets `<html lang>`.
pub fn save_lang(lang: Lang) {
    set(KEY_LANG, lang.code());
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.code());
    }
}

/// The remembered resolver.
pub fn initial_resolver() -> Resolver {
    Resolver::from_key(
        &get(KEY_RESOLVER).unwrap_or_default(),
        &get(KEY_CUSTOM).unwrap_or_default(),
    )
}

/// Remembers the resolver.
pub fn save_resolver(r: &Resolver) {
    set(KEY_RESOLVER, r.key());
    if let Resolver::Custom(u) = r {
        set(KEY_CUSTOM, u);
    }
}
