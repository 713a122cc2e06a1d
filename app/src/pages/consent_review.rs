//! `/app/einwilligungen/:id`: the physician reviews a submitted consent (DESIGN §5 step 5).
//! The submission is opened here with the practice inbox key: answers with the flags for the
//! physician, the comprehension check, the signature and the evidence; then the consent is
//! linked to a patient (candidates found through the lookup hash, or a new record) and
//! countersigned after the in-person explanation.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::consent_questions::answer_text;
use crate::components::PdfDownload;
use crate::consents::{
    countersign_consent, hex32, link_consent_to_patient, open_submitted_consent, revoke_consent,
    ConsentAnswers, SubmittedConsent,
};
use crate::error::AppError;
use crate::forms::{consent_form, published_form_with_hash, ConsentForm};
use crate::i18n::{consent_status_label, consent_type_label, display_date, use_i18n, Locale};
use crate::pages::patients::{open_entry, VaultLockedNote};
use crate::patients::{create_patient, find_patients, PatientDetails};
use crate::vault::{use_vault, VaultStatus};

#[component]
pub fn ConsentReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    view! {
        <p class="back-link"><a href="/app">{i18n.text(|m| m.review_back)}</a></p>
        <Show when=move || vault.status() == VaultStatus::Unlocked fallback=move || view! { <VaultLockedNote/> }>
            <Review/>
        </Show>
    }
}

#[component]
fn Review() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let consent = Resource::new(id, open_submitted_consent);
    view! {
        <Suspense fallback=|| ()>
            {move || consent.get().map(|answer| match answer {
                Ok(c) => view! { <Opened consent=c on_changed=move || consent.refetch()/> }.into_any(),
                Err(e) => {
                    let text = match e {
                        AppError::Forbidden => i18n.t().review_forbidden,
                        AppError::NotFound => i18n.t().review_not_found,
                        _ => i18n.t().error_try_again,
                    };
                    view! { <section class="card"><p role="alert">{text}</p></section> }.into_any()
                }
            })}
        </Suspense>
    }
}

/// Opens the submission with the vault's inbox key; `None` when it cannot be opened here.
fn open_answers(consent: &SubmittedConsent) -> Option<ConsentAnswers> {
    let vault = use_vault();
    let envelope = consent.envelope.as_deref()?;
    let form_hash = crypto::FormHash::from_bytes(hex32(consent.form_hash_hex.as_deref()?)?);
    let version = consent.inbox_key_version?;
    vault
        .with_open_keys(|keys| {
            ConsentAnswers::open(
                keys.inbox(version)?,
                envelope,
                &consent.practice_id,
                &consent.consent_id,
                form_hash,
                consent.submission_id.as_deref()?,
            )
            .ok()
        })
        .flatten()
}

#[component]
fn Opened(
    consent: SubmittedConsent,
    on_changed: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // The form exactly as the patient saw it, in the language they chose, current or superseded
    // (forms/superseded.rs); only if no published form has the stored hash is the link's
    // language shown, and flags and countersigning stay locked.
    let shown = consent
        .form_hash_hex
        .as_deref()
        .and_then(hex32)
        .and_then(|h| published_form_with_hash(consent.kind, &h))
        .map(|(_, form)| form);
    let same_form = shown.is_some();
    let form = shown.unwrap_or_else(|| {
        consent_form(
            consent.kind,
            Locale::from_tag(&consent.locale).unwrap_or_default(),
        )
    });
    let answers = open_answers(&consent);
    let status = consent.status;
    let signed = consent
        .signed_at
        .clone()
        .map(|t| t.get(..10).unwrap_or("").to_owned());
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        let _ = window().print();
    };
    let make_pdf = staff_copy(form, &consent, answers.clone());
    view! {
        <section class="card review-head">
            <h1>{move || consent_type_label(i18n.t(), consent.kind)}</h1>
            <p>
                <span class=format!("status status--{}", status.as_str().to_lowercase())>{move || consent_status_label(i18n.t(), status)}</span>
                {signed.map(|d| view! { " · " {i18n.text(|m| m.withdraw_signed_on)} " " {move || display_date(i18n.locale(), &d)} })}
            </p>
            <div class="review-head__copy">
                {make_pdf.map(|make| view! { <PdfDownload make/> })}
                <button type="button" class="button button--secondary" on:click=print>{i18n.text(|m| m.review_print)}</button>
            </div>
        </section>
        {match (consent.envelope.is_some(), answers) {
            (false, _) => view! { <section class="card"><p>{i18n.text(|m| m.review_not_submitted)}</p></section> }.into_any(),
            (true, None) => view! { <section class="card"><p role="alert">{i18n.text(|m| m.review_unreadable)}</p></section> }.into_any(),
            // Flags and countersignature only against the exact form the patient saw.
            (true, Some(a)) if same_form => view! {
                <Flags form answers=a.clone()/>
                <Contents form answers=a.clone()/>
                <Evidence consent=consent.clone()/>
                <PatientLink consent=consent.clone() answers=a.clone() on_changed/>
                <Countersign consent=consent.clone() on_changed/>
            }.into_any(),
            (true, Some(a)) => view! {
                <section class="card"><p role="alert">{i18n.text(|m| m.review_other_version)}</p></section>
                <Contents form answers=a.clone()/>
                <Evidence consent=consent.clone()/>
                <PatientLink consent=consent.clone() answers=a.clone() on_changed/>
            }.into_any(),
        }}
        <Revoke consent=consent.clone() on_changed/>
    }
}

/// The practice copy as a PDF (made in this browser from the opened submission).
fn staff_copy(
    form: &'static ConsentForm,
    consent: &SubmittedConsent,
    answers: Option<ConsentAnswers>,
) -> Option<impl Fn() -> Option<(String, String)> + Send + Sync + 'static> {
    use crate::components::pdf_copy::{copy_json, file_name, CopyFacts};
    let answers = answers?;
    let signed_at = consent.signed_at.clone().unwrap_or_default();
    let form_hash = consent.form_hash_hex.clone().unwrap_or_default();
    let submission = consent.submission_id.clone().unwrap_or_default();
    Some(move || {
        let created_at = js_now();
        let json = copy_json(&CopyFacts {
            form,
            answers: &answers,
            practice_name: "",
            staff: true,
            signed_at: &signed_at,
            form_hash_hex: &form_hash,
            submission_id: &submission,
            created_at: &created_at,
        });
        Some((json, file_name(form, &created_at)))
    })
}

fn js_now() -> String {
    #[cfg(feature = "hydrate")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

/// What the physician must look at first: the knockout answers.
#[component]
fn Flags(form: &'static ConsentForm, answers: ConsentAnswers) -> impl IntoView {
    let i18n = use_i18n();
    let flags = form.knockouts(&answers.questionnaire);
    let comprehension_ok = form.comprehension_passed(&answers.comprehension);
    view! {
        <section class=if flags.is_empty() && comprehension_ok { "card review-flags" } else { "card review-flags review-flags--raised" }>
            <h2>{i18n.text(|m| m.review_flags_title)}</h2>
            {if flags.is_empty() {
                view! { <p>{i18n.text(|m| m.review_no_flags)}</p> }.into_any()
            } else {
                view! { <ul data-testid="knockouts">{flags.iter().map(|(_, reason)| view! { <li>{*reason}</li> }).collect_view()}</ul> }.into_any()
            }}
            {(!comprehension_ok).then(|| view! { <p class="form-error">{i18n.text(|m| m.review_comprehension_failed)}</p> })}
        </section>
    }
}

#[component]
fn Contents(form: &'static ConsentForm, answers: ConsentAnswers) -> impl IntoView {
    let i18n = use_i18n();
    let p = answers.personal.clone();
    let birth = p.birth_date.clone();
    let flagged: Vec<&str> = form
        .knockouts(&answers.questionnaire)
        .iter()
        .map(|(id, _)| *id)
        .collect();
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.flow_personal_title)}</h2>
            <dl class="profile-facts">
                <dt>{i18n.text(|m| m.patients_name)}</dt><dd data-testid="review-name">{format!("{}, {}", p.last_name, p.first_name)}</dd>
                <dt>{i18n.text(|m| m.patient_birth_date)}</dt><dd>{move || display_date(i18n.locale(), &birth)}</dd>
                <dt>{i18n.text(|m| m.patient_email)}</dt><dd>{p.email.clone().unwrap_or_else(|| "–".to_owned())}</dd>
                <dt>{i18n.text(|m| m.flow_phone)}</dt><dd>{p.phone.clone().unwrap_or_else(|| "–".to_owned())}</dd>
            </dl>
            <h2>{i18n.text(|m| m.flow_questions_title)}</h2>
            <dl class="answers">
                {form.questions.iter().map(|q| {
                    let text = answer_text(i18n.t(), q, answers.questionnaire.0.get(q.id));
                    let raised = flagged.contains(&q.id);
                    view! { <dt class=if raised { "answer--flagged" } else { "" }>{q.text}</dt><dd>{text}</dd> }
                }).collect_view()}
            </dl>
            <h2>{i18n.text(|m| m.flow_check_title)}</h2>
            <ul class="comprehension">
                {form.comprehension.iter().map(|item| {
                    let ok = answers.comprehension.get(item.id).is_some_and(|c| c == item.correct);
                    view! { <li>{item.question} " — " {move || if ok { i18n.t().review_correct } else { i18n.t().review_wrong }}</li> }
                }).collect_view()}
            </ul>
            <h2>{i18n.text(|m| m.flow_signature_title)}</h2>
            {answers.signature.clone().filter(|s| s.png_data_url.starts_with("data:image/png;base64,")).map(|s| view! {
                <img class="patient-copy__signature" src=s.png_data_url alt=i18n.text(|m| m.flow_signature_label) data-testid="review-signature"/>
            })}
        </section>
    }
}

#[component]
fn Evidence(consent: SubmittedConsent) -> impl IntoView {
    let i18n = use_i18n();
    let evidence: serde_json::Value = serde_json::from_str(&consent.evidence).unwrap_or_default();
    let form_version = evidence["form_version"].as_str().unwrap_or("–").to_owned();
    let received = evidence["received_at"].as_str().unwrap_or("–").to_owned();
    let steps: Vec<(String, String)> = evidence["steps"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.review_evidence)}</h2>
            <dl class="profile-facts">
                <dt>{i18n.text(|m| m.review_form_version)}</dt><dd>{form_version}</dd>
                <dt>{i18n.text(|m| m.review_form_hash)}</dt><dd class="mono">{consent.form_hash_hex.clone().unwrap_or_default()}</dd>
                <dt>{i18n.text(|m| m.review_submission)}</dt><dd class="mono">{consent.submission_id.clone().unwrap_or_default()}</dd>
                <dt>{i18n.text(|m| m.review_received)}</dt><dd>{received}</dd>
                {steps.into_iter().map(|(step, at)| view! { <dt>{step}</dt><dd>{at}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

/// Links the consent to a patient record: the candidates the lookup hash finds for the name
/// and birth date the patient gave, or a new record made from them.
#[component]
fn PatientLink(
    consent: SubmittedConsent,
    answers: ConsentAnswers,
    on_changed: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    if let Some(patient) = consent.patient_id.clone() {
        return view! {
            <section class="card">
                <h2>{i18n.text(|m| m.review_patient)}</h2>
                <a href=format!("/app/patienten/{patient}")>{i18n.text(|m| m.review_open_patient)}</a>
            </section>
        }
        .into_any();
    }
    let p = answers.personal.clone();
    let details = PatientDetails::from_submitted(
        &p.first_name,
        &p.last_name,
        &p.birth_date,
        p.email.as_deref().unwrap_or(""),
    )
    .ok();
    let unusable = details.is_none();
    let consent_id = consent.consent_id.clone();
    let link = Action::new(move |patient: &String| {
        link_consent_to_patient(consent_id.clone(), patient.clone())
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = link.value().get() {
            on_changed();
        }
    });
    let wanted = details.clone();
    let candidates = LocalResource::new(move || {
        let wanted = wanted.clone();
        async move {
            let wanted = wanted?;
            let lookup = vault
                .with_open_keys(|k| wanted.lookup(&k.blind_index).ok())
                .flatten()?;
            let found = find_patients(lookup).await.ok()?;
            Some(
                found
                    .iter()
                    .map(|e| open_entry(vault, e))
                    .filter(|o| {
                        o.details.as_ref().is_some_and(|d| {
                            d.is_named(&wanted.last_name, &wanted.first_name, wanted.birth_date)
                        })
                    })
                    .collect::<Vec<_>>(),
            )
        }
    });
    let consent_id = consent.consent_id.clone();
    let create = Action::new(move |(): &()| {
        let (details, consent_id) = (details.clone(), consent_id.clone());
        async move {
            let details = details.ok_or(AppError::Validation(String::new()))?;
            let sealed = vault
                .with_open_keys(|k| {
                    details
                        .seal(crypto::ObjectId::generate(), &k.master, &k.blind_index)
                        .ok()
                })
                .flatten()
                .ok_or(AppError::Internal)?;
            let patient = create_patient(sealed).await?;
            link_consent_to_patient(consent_id, patient).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = create.value().get() {
            on_changed();
        }
    });
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.review_patient)}</h2>
            <p>{i18n.text(|m| m.review_patient_text)}</p>
            {move || candidates.get().flatten().map(|found| if found.is_empty() {
                view! { <p>{i18n.text(|m| m.review_no_candidates)}</p> }.into_any()
            } else {
                view! {
                    <ul class="patient-links">
                        {found.into_iter().map(|o| {
                            let id = o.id.clone();
                            let name = o.details.as_ref().map(PatientDetails::display_name).unwrap_or_default();
                            let created = o.created_on.clone();
                            view! {
                                <li>{name} " · " {i18n.text(|m| m.patients_created_on)} " " {move || display_date(i18n.locale(), &created)} " "
                                    <button type="button" class="button button--secondary" on:click=move |_| { link.dispatch(id.clone()); }>{i18n.text(|m| m.review_link)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            {unusable.then(|| view! { <p role="alert" class="form-error">{i18n.text(|m| m.review_details_unusable)}</p> })}
            <button type="button" class="button button--secondary" disabled=move || unusable || create.pending().get() on:click=move |_| { create.dispatch(()); }>{i18n.text(|m| m.review_create_patient)}</button>
            <p class="form-error" role="alert">{move || (matches!(link.value().get(), Some(Err(_))) || matches!(create.value().get(), Some(Err(_)))).then(|| i18n.t().error_try_again)}</p>
        </section>
    }
    .into_any()
}

fn today() -> String {
    #[cfg(feature = "hydrate")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

#[component]
fn Countersign(
    consent: SubmittedConsent,
    on_changed: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = consent.status;
    let explained_on = RwSignal::new(today());
    let explained = RwSignal::new(false);
    let consent_id = consent.consent_id.clone();
    let sign =
        Action::new(move |day: &String| countersign_consent(consent_id.clone(), day.clone()));
    Effect::new(move |_| {
        if let Some(Ok(())) = sign.value().get() {
            on_changed();
        }
    });
    let waiting_for_payment =
        status == domain::ConsentStatus::Signed && consent.fee_cents.is_some_and(|f| f > 0);
    let linked = consent.patient_id.is_some();
    let open = matches!(
        status,
        domain::ConsentStatus::Signed | domain::ConsentStatus::Paid
    );
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.review_countersign_title)}</h2>
            {if !open {
                view! { <p>{move || if status == domain::ConsentStatus::Completed { i18n.t().review_completed } else { i18n.t().review_cannot_countersign }}</p> }.into_any()
            } else if waiting_for_payment {
                view! { <p>{i18n.text(|m| m.review_waiting_for_payment)}</p> }.into_any()
            } else if !linked {
                // The completed record must say whose consent it is (the server insists too).
                view! { <p>{i18n.text(|m| m.review_link_first)}</p> }.into_any()
            } else {
                view! {
                    <form class="form" aria-label=i18n.text(|m| m.review_countersign_title) on:submit=move |e| {
                        e.prevent_default();
                        if explained.get_untracked() {
                            sign.dispatch(explained_on.get_untracked());
                        }
                    }>
                        <label class="field">
                            <span>{i18n.text(|m| m.review_explained_on)}</span>
                            <input type="date" required bind:value=explained_on/>
                        </label>
                        <label class="check">
                            <input type="checkbox" required prop:checked=move || explained.get() on:change=move |e| explained.set(event_target_checked(&e))/>
                            <span>{i18n.text(|m| m.review_explained_confirm)}</span>
                        </label>
                        <p class="form-error" role="alert">{move || matches!(sign.value().get(), Some(Err(_))).then(|| i18n.t().review_countersign_failed)}</p>
                        <button class="button" type="submit" disabled=sign.pending()>{i18n.text(|m| m.review_countersign)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Revoke(
    consent: SubmittedConsent,
    on_changed: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let possible = !consent.status.is_terminal();
    let consent_id = consent.consent_id.clone();
    let revoke = Action::new(move |(): &()| revoke_consent(consent_id.clone()));
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            on_changed();
        }
    });
    view! {
        <Show when=move || possible>
            <section class="card">
                <h2>{i18n.text(|m| m.review_revoke_title)}</h2>
                <p>{i18n.text(|m| m.review_revoke_text)}</p>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>{i18n.text(|m| m.review_revoke)}</button>
                }>
                    <button type="button" class="button" on:click=move |_| { revoke.dispatch(()); }>{i18n.text(|m| m.review_revoke_confirm)}</button>
                </Show>
            </section>
        </Show>
    }
}
