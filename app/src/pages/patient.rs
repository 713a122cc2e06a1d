//! `/app/patienten/:id`: one patient, opened in the browser, and the status of their consents.
//! The server is asked only once the vault is open (handing out the envelopes is audited as a
//! view).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::i18n::{consent_status_label, consent_type_label, display_date, use_i18n};
use crate::pages::patients::{open_entry, VaultLockedNote};
use crate::patients::{open_patient_record, ConsentLine, PatientDetails, PatientRecord};
use crate::vault::{use_vault, VaultStatus};

#[component]
pub fn PatientPage() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    view! {
        <p class="back-link"><a href="/app/patienten">{i18n.text(|m| m.patient_back)}</a></p>
        <Show when=move || vault.status() == VaultStatus::Unlocked fallback=move || view! { <VaultLockedNote/> }>
            <PatientView/>
        </Show>
    }
}

#[component]
fn PatientView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let record = Resource::new(id, open_patient_record);
    view! {
        <Suspense fallback=|| ()>
            {move || record.get().map(|answer| match answer {
                Ok(record) => view! { <PatientDetailsCard record/> }.into_any(),
                Err(AppError::NotFound) => view! {
                    <section class="card"><p role="alert">{i18n.text(|m| m.patient_not_found)}</p></section>
                }.into_any(),
                Err(_) => view! {
                    <section class="card"><p role="alert">{i18n.text(|m| m.error_try_again)}</p></section>
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn PatientDetailsCard(record: PatientRecord) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let opened = open_entry(vault, &record.entry);
    let created = opened.created_on.clone();
    let heading = opened.details.as_ref().map(PatientDetails::display_name);
    let birth = opened.details.as_ref().map(|d| d.birth_date.iso());
    let email = opened.details.as_ref().and_then(|d| d.email.clone());
    view! {
        <section class="card">
            <h1>{move || heading.clone().unwrap_or_else(|| i18n.t().patients_unreadable.to_owned())}</h1>
            <dl class="profile-facts">
                <dt>{i18n.text(|m| m.patient_birth_date)}</dt>
                <dd>{move || birth.as_deref().map(|b| display_date(i18n.locale(), b)).unwrap_or_default()}</dd>
                <dt>{i18n.text(|m| m.patient_email)}</dt>
                <dd>{move || email.clone().unwrap_or_else(|| "–".to_owned())}</dd>
                <dt>{i18n.text(|m| m.patients_created_on)}</dt>
                <dd>{move || display_date(i18n.locale(), &created)}</dd>
            </dl>
            <p class="card__actions">
                <a class="button" href=format!("/app/einwilligungen/neu?patient={}", record.entry.patient.id)>{i18n.text(|m| m.patient_new_consent)}</a>
            </p>
        </section>
        <ConsentList consents=record.consents/>
    }
}

#[component]
fn ConsentList(consents: Vec<ConsentLine>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = consents.is_empty();
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.patient_consents_title)}</h2>
            <Show when=move || !empty fallback=move || view! { <p>{i18n.text(|m| m.patient_consents_empty)}</p> }>
                <table class="data-table">
                    <tbody>
                        {consents.clone().into_iter().map(|c| {
                            let (created, expires) = (c.created_on.clone(), c.expires_on.clone());
                            view! {
                                <tr>
                                    <td>{move || consent_type_label(i18n.t(), c.kind)}</td>
                                    <td><span class=format!("status status--{}", c.status.as_str().to_lowercase())>
                                        {move || consent_status_label(i18n.t(), c.status)}
                                    </span></td>
                                    <td>{i18n.text(|m| m.consent_created_on)} " " {move || display_date(i18n.locale(), &created)}</td>
                                    <td>{i18n.text(|m| m.consent_expires_on)} " " {move || display_date(i18n.locale(), &expires)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
