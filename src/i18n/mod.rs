//! French and English catalogues.
//!
//! Every user-visible sentence lives under `i18n/en/` and `i18n/fr/`. A type that
//! needs words implements [`En`] in `en/<area>.rs` and [`Fr`] in `fr/<area>.rs`, each an
//! exhaustive `match`; [`Translate`] is only available for types that have both, so a
//! missing French (or English) text is a compile error where it is used.
//!
//! French typography: a no-break space (`\u{a0}`) before `: ; ! ?` and inside « ».

use serde::{Deserialize, Serialize};

mod en;
mod fr;
pub mod text;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages, in switcher order.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 tag (`en`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Reads `en`, `fr`, `fr-CA`, `en_GB`… Unknown tags give `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The first supported language in a preference list (e.g. `navigator.languages`).
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::parse).unwrap_or_default()
    }
}

/// English text of a value. Implemented in `i18n/en/`.
pub trait En {
    /// The English sentence.
    fn en(&self) -> String;
}

/// French text of a value. Implemented in `i18n/fr/`.
pub trait Fr {
    /// The French sentence.
    fn fr(&self) -> String;
}

/// Text in a chosen language; available only for types with both catalogues.
pub trait Translate: En + Fr {
    /// The sentence in `lang`.
    fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Fr => self.fr(),
        }
    }
}

impl<T: En + Fr + ?Sized> Translate for T {}

std::thread_local! {
    static JSON_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Runs `f` with `lang` as the language findings use when serialised to JSON.
///
/// Serde gives a `Serialize` impl no context, so the language of the `message`
/// field of serialised findings is set for the duration of one serialisation.
pub fn with_json_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let previous = JSON_LANG.with(|c| c.replace(lang));
    let out = f();
    JSON_LANG.with(|c| c.set(previous));
    out
}

/// The language set by [`with_json_lang`] (English outside it).
pub fn json_lang() -> Lang {
    JSON_LANG.with(|c| c.get())
}

/// Serialises `value` as pretty JSON with finding messages in `lang`.
pub fn to_json<T: Serialize + ?Sized>(value: &T, lang: Lang) -> String {
    with_json_lang(lang, || {
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_first_supported_language() {
        assert_eq!(Lang::negotiate(["de-DE", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(["ja"]), Lang::En);
    }
}
