//! `/app/einwilligungen/neu`: reception makes a consent link (DESIGN §5 step 1) for a patient
//! (`?patient=<id>`) or for nobody yet, and hands it over as text, QR code or mail. The link is
//! shown only here and only now: the server keeps nothing but its hash.

use domain::ConsentType;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::QrCode;
use crate::consents::{
    consent_link_options, create_consent_link, send_consent_link, ConsentLinkRequest,
    CreatedConsentLink, LinkOptions, MAX_FEE_CENTS, MAX_VALID_DAYS,
};
use crate::error::AppError;
use crate::i18n::{consent_type_label, display_date, use_i18n, Locale};
use crate::pages::patients::open_entry;
use crate::patients::open_patient_record;
use crate::vault::{use_vault, VaultStatus};

/// A fee typed as euros (`250`, `250,00`, `1.250,50`, `99.9`) in cents; empty is no fee.
pub fn parse_euros(text: &str) -> Result<Option<i32>, ()> {
    let text = text.trim().trim_end_matches('€').trim();
    if text.is_empty() {
        return Ok(None);
    }
    // The last `,` or `.` followed by one or two digits is the decimal mark; any other is a
    // thousands separator.
    let (whole, cents) = match text.rfind([',', '.']) {
        Some(at) if (1..=2).contains(&(text.len() - at - 1)) => (&text[..at], &text[at + 1..]),
        _ => (text, ""),
    };
    let whole: String = whole.chars().filter(|c| !matches!(c, '.' | ',')).collect();
    if whole.is_empty() && cents.is_empty()
        || !whole
            .chars()
            .chain(cents.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(());
    }
    let euros: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| ())?
    };
    let cents: i64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<i64>().map_err(|_| ())? * 10,
        _ => cents.parse().map_err(|_| ())?,
    };
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(())?;
    if total > i64::from(MAX_FEE_CENTS) {
        return Err(());
    }
    i32::try_from(total).map(Some).map_err(|_| ())
}

#[component]
pub fn NewConsentPage() -> impl IntoView {
    let i18n = use_i18n();
    let options = Resource::new(|| (), |()| consent_link_options());
    let query = use_query_map();
    let patient_id = move || query.read().get("patient").filter(|id| !id.is_empty());
    view! {
        <section class="card page-intro">
            <h1>{i18n.text(|m| m.consent_new_title)}</h1>
            <p>{i18n.text(|m| m.consent_new_text)}</p>
        </section>
        <Suspense fallback=|| ()>
            {move || options.get().map(|answer| match answer {
                Ok(options) => view! { <LinkForm options patient_id=patient_id()/> }.into_any(),
                Err(_) => view! { <section class="card"><p role="alert">{i18n.text(|m| m.error_try_again)}</p></section> }.into_any(),
            })}
        </Suspense>
    }
}

/// Who the link is for: the patient's name once the vault is open, else a neutral line.
#[component]
fn PatientLine(patient_id: String, email: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let name = LocalResource::new(move || {
        let id = patient_id.clone();
        async move {
            if vault.status_untracked() != VaultStatus::Unlocked {
                return None;
            }
            let record = open_patient_record(id).await.ok()?;
            let opened = open_entry(vault, &record.entry).details?;
            if let Some(address) = opened.email.clone() {
                email.set(address);
            }
            Some(opened.display_name())
        }
    });
    view! {
        <p class="form-notice">
            {i18n.text(|m| m.consent_for_patient)} " "
            <strong>{move || name.get().flatten().unwrap_or_else(|| i18n.t().consent_for_selected.to_owned())}</strong>
        </p>
    }
}

#[component]
fn LinkForm(options: LinkOptions, patient_id: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let first = options.types.first().copied();
    let kind = RwSignal::new(first);
    let days = RwSignal::new(options.default_validity_days.to_string());
    let fee = RwSignal::new(String::new());
    let locale = RwSignal::new(i18n.locale());
    // Filled from the patient's record when the vault is open; typed otherwise.
    let email = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let patient = patient_id.clone();
    let create =
        Action::new(move |request: &ConsentLinkRequest| create_consent_link(request.clone()));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let m = i18n.t();
        let Some(kind) = kind.get_untracked() else {
            return;
        };
        let Ok(valid_days) = days.get_untracked().trim().parse::<i32>() else {
            problem.set(Some(m.consent_problem_days));
            return;
        };
        if !(1..=MAX_VALID_DAYS).contains(&valid_days) {
            problem.set(Some(m.consent_problem_days));
            return;
        }
        let Ok(fee_cents) = parse_euros(&fee.get_untracked()) else {
            problem.set(Some(m.consent_problem_fee));
            return;
        };
        problem.set(None);
        create.dispatch(ConsentLinkRequest {
            patient_id: patient.clone(),
            kind,
            valid_days,
            fee_cents,
            locale: locale.get_untracked().tag().to_owned(),
        });
    };
    let types = options.types.clone();
    view! {
        <section class="card">
            {patient_id.map(|id| view! { <PatientLine patient_id=id email/> })}
            {if first.is_none() {
                view! { <p role="alert">{i18n.text(|m| m.consent_no_types)}</p> }.into_any()
            } else { view! {
                <form class="form" aria-label=i18n.text(|m| m.consent_new_title) on:submit=submit>
                    <label class="field">
                        <span>{i18n.text(|m| m.consent_type)}</span>
                        <select on:change=move |event| {
                            kind.set(event_target_value(&event).parse::<ConsentType>().ok());
                        }>
                            {types.clone().into_iter().map(|t| view! {
                                <option value=t.as_str() selected=move || kind.get() == Some(t)>{move || consent_type_label(i18n.t(), t)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{i18n.text(|m| m.consent_valid_days)}</span>
                        <input type="number" min="1" max=MAX_VALID_DAYS.to_string() required inputmode="numeric" bind:value=days/>
                    </label>
                    <label class="field">
                        <span>{i18n.text(|m| m.consent_fee)}</span>
                        <input type="text" inputmode="decimal" autocomplete="off" placeholder="0,00" bind:value=fee/>
                        <small>{i18n.text(|m| m.consent_fee_hint)}</small>
                    </label>
                    <label class="field">
                        <span>{i18n.text(|m| m.consent_form_language)}</span>
                        <select on:change=move |event| {
                            if let Some(picked) = Locale::from_tag(&event_target_value(&event)) {
                                locale.set(picked);
                            }
                        }>
                            {Locale::ALL.iter().map(|l| view! {
                                <option value=l.tag() selected=move || locale.get() == *l>{l.native_name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <p class="form-error" role="alert">{move || problem.get()}</p>
                    <button class="button" type="submit" disabled=create.pending()>{i18n.text(|m| m.consent_create)}</button>
                </form>
            }.into_any() }}
        </section>
        {move || create.value().get().map(|answer| match answer {
            Ok(created) => view! { <CreatedLink created email/> }.into_any(),
            Err(error) => {
                let text = match error {
                    AppError::Validation(_) => i18n.t().consent_problem_refused,
                    AppError::Conflict(_) => i18n.t().consent_problem_no_vault,
                    AppError::NotFound => i18n.t().patient_not_found,
                    _ => i18n.t().error_try_again,
                };
                view! { <section class="card"><p class="form-error" role="alert">{text}</p></section> }.into_any()
            }
        })}
    }
}

#[component]
fn CreatedLink(created: CreatedConsentLink, email: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let link = created.link.clone();
    let (consent_id, mail_link) = (created.consent_id.clone(), created.link.clone());
    let send = Action::new(move |to: &String| {
        send_consent_link(consent_id.clone(), mail_link.clone(), to.clone())
    });
    let sent_note = move || match send.value().get() {
        Some(Ok(())) => Some((false, i18n.t().consent_mail_sent)),
        Some(Err(AppError::Validation(_))) => Some((true, i18n.t().field_email_invalid)),
        Some(Err(AppError::RateLimited { .. })) => Some((true, i18n.t().consent_mail_too_many)),
        Some(Err(_)) => Some((true, i18n.t().error_try_again)),
        None => None,
    };
    let valid_until = created.valid_until.clone();
    view! {
        <section class="card created-link" aria-labelledby="created-link-title">
            <h2 id="created-link-title">{i18n.text(|m| m.consent_link_title)}</h2>
            <p>{i18n.text(|m| m.consent_link_once)}</p>
            <div class="created-link__body">
                <QrCode qr=created.qr.clone() label="QR-Code"/>
                <div class="created-link__text">
                    <label class="field">
                        <span>{i18n.text(|m| m.consent_link_label)}</span>
                        <input type="text" readonly value=created.link.clone() data-testid="consent-link"
                            on:focus=move |event| select_all(&event)/>
                    </label>
                    <p>{i18n.text(|m| m.consent_expires_on)} " " {move || display_date(i18n.locale(), &valid_until)}</p>
                    <button class="button button--secondary" type="button" on:click=move |_| copy(link.clone(), copied)>
                        {move || if copied.get() { i18n.t().consent_copied } else { i18n.t().consent_copy }}
                    </button>
                </div>
            </div>
            <form class="form" aria-label=i18n.text(|m| m.consent_send_title) on:submit=move |event| {
                event.prevent_default();
                send.dispatch(email.get_untracked());
            }>
                <label class="field">
                    <span>{i18n.text(|m| m.consent_send_to)}</span>
                    <input type="email" autocomplete="off" required bind:value=email/>
                    <small>{i18n.text(|m| m.consent_send_hint)}</small>
                </label>
                <p class="form-note" role="status">
                    {move || sent_note().map(|(problem, text)| view! { <span class=if problem { "form-error" } else { "" }>{text}</span> })}
                </p>
                <button class="button" type="submit" disabled=send.pending()>{i18n.text(|m| m.consent_send)}</button>
            </form>
        </section>
    }
}

/// Selects the whole link when the field gets focus, for copying by hand.
fn select_all(event: &leptos::ev::FocusEvent) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast as _;
        if let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// Puts the link on the clipboard (where the browser allows it).
fn copy(text: String, copied: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        use leptos::wasm_bindgen::{JsCast as _, JsValue};
        let written = (|| -> Result<js_sys::Promise, JsValue> {
            let window: JsValue = web_sys::window().ok_or(JsValue::NULL)?.into();
            let navigator = js_sys::Reflect::get(&window, &"navigator".into())?;
            let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
            let write: js_sys::Function =
                js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
            write.call1(&clipboard, &text.into())?.dyn_into()
        })();
        if let Ok(promise) = written {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(true);
            }
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (text, copied);
}

#[cfg(test)]
mod tests {
    use super::parse_euros;

    #[test]
    fn fees_are_read_as_people_type_euros() {
        assert_eq!(parse_euros(""), Ok(None));
        assert_eq!(parse_euros("  "), Ok(None));
        assert_eq!(parse_euros("250"), Ok(Some(25_000)));
        assert_eq!(parse_euros("250,00"), Ok(Some(25_000)));
        assert_eq!(parse_euros("250,5"), Ok(Some(25_050)));
        assert_eq!(parse_euros("99.90 €"), Ok(Some(9_990)));
        assert_eq!(parse_euros("1.250,50"), Ok(Some(125_050)));
        assert_eq!(parse_euros("1,250.50"), Ok(Some(125_050)));
        assert_eq!(parse_euros("1.250"), Ok(Some(125_000)));
        assert_eq!(parse_euros("0"), Ok(Some(0)));
        assert_eq!(parse_euros(",50"), Ok(Some(50)));
        for bad in [
            "-5",
            "abc",
            "12,3,4x",
            "10000,01",
            "99999999999999999999",
            ",",
        ] {
            assert_eq!(parse_euros(bad), Err(()), "{bad}");
        }
    }
}
