//! Internationalisation: a typed message catalogue per language (docs/decisions/0001-i18n.md).
//!
//! Every visible string is a field of [`Messages`]; each language is one `static` of that
//! struct, so the compiler refuses a language with a missing message. German is the default.
//! The chosen language lives in a signal (switching re-renders in place) and in the `lang`
//! cookie (so the server renders the next page in it too).

mod de;
mod en;
mod messages;

use leptos::prelude::*;

use domain::ConsentType;
pub use messages::Messages;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    De,
    En,
}

impl Locale {
    pub const ALL: &'static [Locale] = &[Locale::De, Locale::En];
    const COOKIE: &'static str = "lang";

    /// BCP 47 tag, as in `<html lang>`.
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::De => "Deutsch",
            Locale::En => "English",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.iter().copied().find(|l| l.tag() == primary)
    }

    pub const fn messages(self) -> &'static Messages {
        match self {
            Locale::De => &de::MESSAGES,
            Locale::En => &en::MESSAGES,
        }
    }

    /// The `Set-Cookie` value remembering this choice for a year. Not a tracking cookie: it
    /// holds only the language tag.
    pub fn cookie(self) -> String {
        format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            Self::COOKIE,
            self.tag()
        )
    }

    /// The language for a request: the `lang` cookie, else the best `Accept-Language` entry we
    /// speak, else German.
    pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Locale {
        let from_cookie = cookie_header
            .into_iter()
            .flat_map(|h| h.split(';'))
            .find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                (name == Self::COOKIE)
                    .then(|| Locale::from_tag(value))
                    .flatten()
            });
        from_cookie
            .or_else(|| accept_language.and_then(best_accepted))
            .unwrap_or_default()
    }
}

/// The highest-weighted language of an `Accept-Language` header that we speak.
fn best_accepted(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let Some(locale) = parts.next().and_then(Locale::from_tag) else {
            continue;
        };
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        if weight > 0.0 && best.is_none_or(|(_, w)| weight > w) {
            best = Some((locale, weight));
        }
    }
    best.map(|(locale, _)| locale)
}

/// The current language of the page, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// The messages of the current language (tracked: views re-render on a switch).
    pub fn t(self) -> &'static Messages {
        self.locale.get().messages()
    }

    /// A text of the current language that follows a language switch, for views:
    /// `{i18n.text(|m| m.title)}`. Every call returns the same closure type, where
    /// `move || i18n.t().title` is a type of its own at each place it is written, and the WASM
    /// bundle carries render, hydrate and update code for every such type: written this way
    /// the hundreds of texts share one copy.
    pub fn text(
        self,
        pick: fn(&'static Messages) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.t())
    }

    /// Switches the language in place and remembers it for the next page load.
    pub fn set(self, locale: Locale) {
        self.locale.set(locale);
        #[cfg(feature = "hydrate")]
        remember_in_browser(locale);
    }
}

/// The same language signal, reference-counted instead of owned by the reactive arena. Text
/// that Leptos renders into `<head>` (`<Title>`, `<Meta>`, `<Html lang>`) is produced after the
/// page's arena is gone on the server, so it must not read arena signals.
#[derive(Clone)]
struct SharedLocale(ArcRwSignal<Locale>);

/// Provides the language for this render: on the server from the request, in the browser from
/// `<html lang>`, which the server wrote, so hydration starts from the same language.
pub fn provide_i18n() -> I18n {
    let shared = ArcRwSignal::new(initial_locale());
    let i18n = I18n {
        locale: RwSignal::from(shared.clone()),
    };
    provide_context(SharedLocale(shared));
    provide_context(i18n);
    i18n
}

fn shared_locale() -> ArcRwSignal<Locale> {
    use_context::<SharedLocale>().map_or_else(|| ArcRwSignal::new(Locale::default()), |s| s.0)
}

/// The `<html lang>` value, safe to read where `<head>` is rendered; see [`SharedLocale`].
pub fn head_lang() -> impl Fn() -> &'static str + Send + Sync + Clone + 'static {
    let locale = shared_locale();
    move || locale.get().tag()
}

/// A localized text for `<head>` (page titles, meta descriptions); see [`SharedLocale`].
pub fn head_text(
    text: impl Fn(&'static Messages) -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let locale = shared_locale();
    let text = std::sync::Arc::new(text);
    move || text(locale.get().messages())
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}

/// The display name of a treatment type in the current language.
pub fn consent_type_label(messages: &Messages, kind: ConsentType) -> &'static str {
    match kind {
        ConsentType::Botox => messages.type_botox,
        ConsentType::Filler => messages.type_filler,
        ConsentType::Laser => messages.type_laser,
        ConsentType::ChemicalPeel => messages.type_chemical_peel,
        ConsentType::Microneedling => messages.type_microneedling,
        ConsentType::Prp => messages.type_prp,
    }
}

/// The display name of a consent status in the current language.
pub fn consent_status_label(messages: &Messages, status: domain::ConsentStatus) -> &'static str {
    use domain::ConsentStatus as S;
    match status {
        S::Pending => messages.status_pending,
        S::Filled => messages.status_filled,
        S::Signed => messages.status_signed,
        S::Paid => messages.status_paid,
        S::Completed => messages.status_completed,
        S::Expired => messages.status_expired,
        S::Revoked => messages.status_revoked,
    }
}

/// A `YYYY-MM-DD` date as people of this language write it (`29.02.1984` in German).
pub fn display_date(locale: Locale, iso: &str) -> String {
    match (locale, iso.get(..4), iso.get(5..7), iso.get(8..10)) {
        (Locale::De, Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

#[cfg(feature = "ssr")]
fn initial_locale() -> Locale {
    let header = |parts: &http::request::Parts, name: http::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    use_context::<http::request::Parts>().map_or_else(Locale::default, |parts| {
        Locale::negotiate(
            header(&parts, http::header::COOKIE).as_deref(),
            header(&parts, http::header::ACCEPT_LANGUAGE).as_deref(),
        )
    })
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn initial_locale() -> Locale {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn initial_locale() -> Locale {
    Locale::default()
}

#[cfg(feature = "hydrate")]
fn remember_in_browser(locale: Locale) {
    use leptos::wasm_bindgen::JsCast as _;
    if let Ok(html_document) = document().dyn_into::<web_sys::HtmlDocument>() {
        // Failing to store a preference must not break the page; it only costs a re-choice.
        let secure = window().location().protocol().is_ok_and(|p| p == "https:");
        let cookie = if secure {
            format!("{}; Secure", locale.cookie())
        } else {
            locale.cookie()
        };
        let _ = html_document.set_cookie(&cookie);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(display_date(Locale::De, "1984-02-29"), "29.02.1984");
        assert_eq!(display_date(Locale::En, "1984-02-29"), "1984-02-29");
        assert_eq!(display_date(Locale::De, "garbage"), "garbage");
    }

    #[test]
    fn cookie_wins_over_accept_language() {
        assert_eq!(
            Locale::negotiate(Some("a=b; lang=en"), Some("de-DE")),
            Locale::En
        );
        assert_eq!(Locale::negotiate(Some("lang=de"), Some("en")), Locale::De);
    }

    #[test]
    fn accept_language_picks_the_best_spoken_language() {
        assert_eq!(
            Locale::negotiate(None, Some("fr-FR, en-GB;q=0.8, de;q=0.7")),
            Locale::En
        );
        assert_eq!(
            Locale::negotiate(None, Some("en;q=0.3, de-AT;q=0.9")),
            Locale::De
        );
        assert_eq!(Locale::negotiate(None, Some("en;q=0")), Locale::De);
    }

    #[test]
    fn garbage_falls_back_to_german() {
        for header in ["", ";;;", "q=1", "xx, yy;q=abc", "en;q=abc", "\u{0}"] {
            assert_eq!(
                Locale::negotiate(Some(header), Some(header)),
                Locale::De,
                "{header:?}"
            );
        }
        assert_eq!(Locale::negotiate(Some("lang=xx"), None), Locale::De);
        assert_eq!(Locale::negotiate(None, None), Locale::De);
    }

    #[test]
    fn tags_round_trip() {
        for &l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
            assert!(l.cookie().starts_with(&format!("lang={};", l.tag())));
        }
        assert_eq!(Locale::from_tag("EN-us"), Some(Locale::En));
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn no_message_is_empty_or_untranslated_by_accident() {
        for &l in Locale::ALL {
            for (name, text) in l.messages().entries() {
                assert!(!text.trim().is_empty(), "{l:?}.{name} is empty");
            }
        }
        // A message identical in both languages is usually a forgotten translation; the
        // few legitimate ones are listed.
        let same_ok = [
            "type_botox",
            "type_prp",
            "brand",
            "nav_team",
            "team_title",
            "patients_name",
            "consent_link_label",
            "review_form_version",
            "dashboard_patient",
        ];
        let (de, en) = (
            Locale::De.messages().entries(),
            Locale::En.messages().entries(),
        );
        for ((name, d), (_, e)) in de.iter().zip(en.iter()) {
            assert!(
                d != e || same_ok.contains(name),
                "{name} is the same in German and English: {d:?}"
            );
        }
    }
}
