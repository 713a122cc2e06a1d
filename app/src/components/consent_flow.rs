//! The patient's way through a consent (DESIGN §5 step 2), one step per screen, mobile first:
//! intro → personal details → questionnaire → information → comprehension check → signature
//! → review → sent. Everything stays in this page's memory until it is sealed to the practice
//! inbox key; the answers are saved sealed once the questionnaire is done (status FILLED) and
//! the whole consent is sent sealed with the signature (SIGNED).

use std::collections::BTreeMap;

use leptos::either::EitherOf8;
use leptos::prelude::*;

use crate::components::consent_questions::{answer_text, Questionnaire};
use crate::components::{PdfDownload, SignaturePad};
use crate::consents::{
    hex, open_consent_link, save_consent_answers, submit_consent, ConsentAnswers, LinkState,
    OpenConsent, PersonalDetails, SealedSubmission, Signature,
};
use crate::error::AppError;
use crate::forms::{consent_form, ConsentForm, QuestionnaireAnswers};
use crate::i18n::{display_date, use_i18n, Locale, Messages};
use crate::patients::{DetailsProblem, PatientDetails};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    Intro,
    Personal,
    Questions,
    Information,
    Check,
    Signature,
    Review,
    Sent,
}

impl Step {
    const NUMBERED: [Step; 6] = [
        Step::Personal,
        Step::Questions,
        Step::Information,
        Step::Check,
        Step::Signature,
        Step::Review,
    ];

    fn name(self) -> &'static str {
        match self {
            Step::Intro => "intro",
            Step::Personal => "personal",
            Step::Questions => "questions",
            Step::Information => "information",
            Step::Check => "check",
            Step::Signature => "signature",
            Step::Review => "review",
            Step::Sent => "sent",
        }
    }
}

/// Everything the patient entered, in this page's memory only.
#[derive(Clone, Copy)]
pub(crate) struct Entries {
    first: RwSignal<String>,
    last: RwSignal<String>,
    birth: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    pub answers: RwSignal<QuestionnaireAnswers>,
    comprehension: RwSignal<BTreeMap<String, String>>,
    read: RwSignal<bool>,
    signature: RwSignal<Option<Signature>>,
    /// When each step was finished (evidence without personal data).
    steps: RwSignal<BTreeMap<String, String>>,
}

impl Entries {
    fn new() -> Self {
        Self {
            first: RwSignal::new(String::new()),
            last: RwSignal::new(String::new()),
            birth: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            answers: RwSignal::new(QuestionnaireAnswers::default()),
            comprehension: RwSignal::new(BTreeMap::new()),
            read: RwSignal::new(false),
            signature: RwSignal::new(None),
            steps: RwSignal::new(BTreeMap::new()),
        }
    }

    fn personal(self) -> PersonalDetails {
        let optional = |s: RwSignal<String>| {
            let v = s.get_untracked().trim().to_owned();
            (!v.is_empty()).then_some(v)
        };
        PersonalDetails {
            first_name: self.first.get_untracked().trim().to_owned(),
            last_name: self.last.get_untracked().trim().to_owned(),
            birth_date: self.birth.get_untracked().trim().to_owned(),
            email: optional(self.email),
            phone: optional(self.phone),
        }
    }

    fn collect(self, form: &ConsentForm, open: &OpenConsent, signed: bool) -> ConsentAnswers {
        ConsentAnswers {
            personal: self.personal(),
            questionnaire: self.answers.get_untracked(),
            comprehension: self.comprehension.get_untracked(),
            information_read: self.read.get_untracked(),
            signature: if signed {
                self.signature.get_untracked()
            } else {
                None
            },
            form_version: form.version.to_owned(),
            fee_cents_shown: open.fee_cents,
        }
    }

    fn finished(self, step: Step) {
        self.steps
            .update(|s| drop(s.insert(step.name().to_owned(), now_rfc3339())));
    }

    /// The form is shown in another language now. What the patient read, understood and signed
    /// was the other text, so those steps are done again; details and answers stay (the
    /// questions are the same, by id).
    fn language_changed(self) {
        self.read.set(false);
        self.comprehension.set(BTreeMap::new());
        self.signature.set(None);
        let kept = [Step::Intro, Step::Personal, Step::Questions].map(Step::name);
        self.steps
            .update(|s| s.retain(|name, _| kept.contains(&name.as_str())));
    }
}

fn now_rfc3339() -> String {
    #[cfg(feature = "hydrate")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

fn today_iso() -> String {
    now_rfc3339().get(..10).unwrap_or("9999-12-31").to_owned()
}

/// `25000` cents as `250,00 €` (German) or `€250.00` (English).
pub(crate) fn money(locale: Locale, cents: i32) -> String {
    let (euros, rest) = (cents / 100, (cents % 100).abs());
    let whole = euros.to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(if locale == Locale::De { '.' } else { ',' });
        }
        grouped.push(c);
    }
    match locale {
        Locale::De => format!("{grouped},{rest:02} €"),
        Locale::En => format!("€{grouped}.{rest:02}"),
    }
}

fn problem_text(m: &Messages, problem: DetailsProblem) -> &'static str {
    match problem {
        DetailsProblem::FirstName => m.patient_problem_first_name,
        DetailsProblem::LastName => m.patient_problem_last_name,
        DetailsProblem::BirthDate => m.patient_problem_birth_date,
        DetailsProblem::Email => m.patient_problem_email,
    }
}

/// Seals what was entered so far and stores it (status FILLED). Best effort: the patient goes
/// on either way, and the final submission carries everything again.
fn save_progress(token: String, open: OpenConsent, form: &'static ConsentForm, entries: Entries) {
    let answers = entries.collect(form, &open, false);
    let submission_id = crypto::SubmissionId::generate().to_uuid_text();
    let Ok(envelope) = answers.seal(&open, form.hash(), &submission_id) else {
        return;
    };
    let sealed = SealedSubmission {
        submission_id,
        envelope,
        form_hash_hex: hex(form.hash().as_bytes()),
        steps: entries.steps.get_untracked(),
    };
    leptos::task::spawn_local(async move {
        let _ = save_consent_answers(token, sealed).await;
    });
}

#[component]
pub fn ConsentFlow(open: OpenConsent, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = Locale::from_tag(&open.locale).unwrap_or_default();
    if i18n.locale() != locale {
        i18n.set(locale);
    }
    // The language staff chose, until the patient picks another on the first page; from then
    // on every step uses the form in that language, and its hash is what is submitted.
    let entries = Entries::new();
    let kind = open.kind;
    let chosen = RwSignal::new(consent_form(kind, locale));
    let choose = move |l: Locale| {
        if i18n.locale() == l {
            return;
        }
        i18n.set(l);
        chosen.set(consent_form(kind, l));
        entries.language_changed();
    };
    let step = RwSignal::new(Step::Intro);
    // Sealed on the first send and reused by retries; anything edited seals anew.
    let prepared = StoredValue::new(None::<Prepared>);
    let go = move |next: Step| {
        entries.finished(step.get_untracked());
        if next != Step::Sent {
            prepared.set_value(None);
        }
        step.set(next);
        scroll_to_top();
    };
    let open = StoredValue::new(open);
    let token = StoredValue::new(token);
    let withdrawal = StoredValue::new(None::<String>);
    // `Either*`, memos and `Option` instead of `into_any()` and `Show`: this content is built in
    // the browser only (components::browser_view), and those would link hydration code for it.
    let counted = Memo::new(move |_| !matches!(step.get(), Step::Intro | Step::Sent));

    view! {
        <div class="consent-flow">
            <header class="consent-flow__brand">
                <span class="consent-flow__practice">{open.with_value(|o| o.practice_name.clone())}</span>
                {move || counted.get().then(|| view! { <StepCounter step/> })}
            </header>
            {move || { let form = chosen.get(); match step.get() {
                Step::Intro => EitherOf8::A(view! { <Intro form choose on_start=move || go(Step::Personal)/> }),
                Step::Personal => EitherOf8::B(view! { <Personal entries on_next=move || go(Step::Questions) on_back=move || go(Step::Intro)/> }),
                Step::Questions => EitherOf8::C(view! {
                    <Questionnaire form answers=entries.answers
                        on_next=move || {
                            entries.finished(Step::Questions);
                            save_progress(token.get_value(), open.get_value(), form, entries);
                            go(Step::Information);
                        }
                        on_back=move || go(Step::Personal)/>
                }),
                Step::Information => EitherOf8::D(view! {
                    <Information form fee=open.with_value(|o| o.fee_cents) read=entries.read
                        on_next=move || go(Step::Check) on_back=move || go(Step::Questions)/>
                }),
                Step::Check => EitherOf8::E(view! {
                    <Comprehension form given=entries.comprehension on_next=move || go(Step::Signature) on_back=move || go(Step::Information)/>
                }),
                Step::Signature => EitherOf8::F(view! { <SignatureStep entries on_next=move || go(Step::Review) on_back=move || go(Step::Check)/> }),
                Step::Review => EitherOf8::G(view! {
                    <Review form entries fee=open.with_value(|o| o.fee_cents)
                        edit=move |to| go(to)
                        submit=move || {
                            let ready = prepared.get_value().map_or_else(
                                || open.with_value(|o| prepare(o, form, entries)),
                                Ok,
                            );
                            if let Ok(p) = &ready {
                                prepared.set_value(Some(p.clone()));
                            }
                            let token = token.get_value();
                            async move {
                                match submit(token.clone(), ready?).await {
                                    Err(SendFailure::KeyChanged) => {
                                        let fresh = reseal(&token, form, entries).await?;
                                        open.set_value(fresh.0);
                                        prepared.set_value(Some(fresh.1.clone()));
                                        submit(token, fresh.1).await
                                    }
                                    other => other,
                                }
                            }
                        }
                        on_sent=move |withdrawal_token: String| { withdrawal.set_value(Some(withdrawal_token)); go(Step::Sent); }/>
                }),
                Step::Sent => EitherOf8::H(view! { <Sent form entries fee=open.with_value(|o| o.fee_cents) withdrawal=withdrawal.get_value().unwrap_or_default()
                    open=open.get_value() submission_id=prepared.with_value(|p| p.as_ref().map(|p| p.sealed.submission_id.clone())).unwrap_or_default()/> }),
            }}}
        </div>
    }
}

/// A new step starts at the top, and its heading takes the focus once it is built, so that a
/// screen reader announces it (focus would otherwise stay on a button that is gone).
fn scroll_to_top() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        window().scroll_to_with_x_and_y(0.0, 0.0);
        request_animation_frame(|| {
            let heading = document()
                .query_selector(".consent-flow h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                // Focusable by script only; not a tab stop.
                let _ = heading.set_attribute("tabindex", "-1");
                let _ = heading.focus();
            }
        });
    }
}

#[component]
fn StepCounter(step: RwSignal<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let number = move || {
        Step::NUMBERED
            .iter()
            .position(|s| *s == step.get())
            .map_or(0, |i| i + 1)
    };
    view! {
        <span class="consent-flow__step" aria-live="polite">
            {move || format!("{} {} / {}", i18n.t().flow_step, number(), Step::NUMBERED.len())}
        </span>
    }
}

#[component]
fn Nav(
    on_back: impl Fn() + Send + Sync + 'static,
    next_label: Signal<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="consent-flow__nav">
            <button type="button" class="button button--secondary" on:click=move |_| on_back()>{i18n.text(|m| m.flow_back)}</button>
            <button type="submit" class="button">{move || next_label.get()}</button>
        </div>
    }
}

#[component]
fn Intro(
    form: &'static ConsentForm,
    choose: impl Fn(Locale) + Copy + Send + Sync + 'static,
    on_start: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // The form in another language, offered before anything is entered.
    let languages = Locale::ALL
        .iter()
        .map(|&l| {
            let current = i18n.locale() == l;
            view! {
                <button type="button" class="lang-switch__option" lang=l.tag()
                    aria-pressed=if current { "true" } else { "false" }
                    on:click=move |_| choose(l)>{l.native_name()}</button>
            }
        })
        .collect_view();
    view! {
        <section class="card consent-step">
            <nav class="lang-switch consent-flow__languages" aria-label=i18n.text(|m| m.language_label)>{languages}</nav>
            <h1>{form.title}</h1>
            <p class="consent-flow__duration">{move || format!("{} {} {}", i18n.t().flow_about, form.minutes, i18n.t().flow_minutes)}</p>
            {form.intro.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <p class="notice__note">{i18n.text(|m| m.patient_safety_note)}</p>
            <button type="button" class="button button--wide-primary" on:click=move |_| on_start()>{i18n.text(|m| m.flow_start)}</button>
        </section>
    }
}

#[component]
fn Personal(
    entries: Entries,
    on_next: impl Fn() + Send + Sync + 'static,
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<DetailsProblem>);
    let next = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let p = entries.personal();
        match PatientDetails::from_patient_form(
            &p.first_name,
            &p.last_name,
            &p.birth_date,
            p.email.as_deref().unwrap_or(""),
            &today_iso(),
        ) {
            Ok(_) => {
                problem.set(None);
                on_next();
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    // The field named in the message is marked for assistive technology too.
    let invalid = move |field: DetailsProblem| (problem.get() == Some(field)).then_some("true");
    view! {
        <form class="card consent-step form" on:submit=next>
            <h1>{i18n.text(|m| m.flow_personal_title)}</h1>
            <p>{i18n.text(|m| m.flow_personal_text)}</p>
            <label class="field">
                <span>{i18n.text(|m| m.patient_first_name)}</span>
                <input autocomplete="given-name" required maxlength="200" bind:value=entries.first
                    aria-invalid=move || invalid(DetailsProblem::FirstName)/>
            </label>
            <label class="field">
                <span>{i18n.text(|m| m.patient_last_name)}</span>
                <input autocomplete="family-name" required maxlength="200" bind:value=entries.last
                    aria-invalid=move || invalid(DetailsProblem::LastName)/>
            </label>
            <label class="field">
                <span>{i18n.text(|m| m.patient_birth_date)}</span>
                <input type="date" autocomplete="bday" required min="1900-01-01" bind:value=entries.birth
                    aria-invalid=move || invalid(DetailsProblem::BirthDate)/>
            </label>
            <label class="field">
                <span>{i18n.text(|m| m.flow_email_optional)}</span>
                <input type="email" autocomplete="email" maxlength="200" bind:value=entries.email
                    aria-invalid=move || invalid(DetailsProblem::Email)/>
            </label>
            <label class="field">
                <span>{i18n.text(|m| m.flow_phone_optional)}</span>
                <input type="tel" autocomplete="tel" maxlength="40" bind:value=entries.phone/>
            </label>
            <p class="form-error" role="alert">{move || problem.get().map(|p| problem_text(i18n.t(), p))}</p>
            <Nav on_back next_label=Signal::derive(i18n.text(|m| m.flow_next))/>
        </form>
    }
}

#[component]
fn Information(
    form: &'static ConsentForm,
    fee: Option<i32>,
    read: RwSignal<bool>,
    on_next: impl Fn() + Send + Sync + 'static,
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let missing = RwSignal::new(false);
    let next = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if read.get_untracked() {
            on_next();
        } else {
            missing.set(true);
        }
    };
    view! {
        <form class="card consent-step form" on:submit=next>
            <h1>{i18n.text(|m| m.flow_information_title)}</h1>
            {form.information.iter().map(|section| view! {
                <section class="consent-info">
                    <h2>{section.heading}</h2>
                    {section.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                </section>
            }).collect_view()}
            {fee.filter(|f| *f > 0).map(|cents| view! {
                <p class="consent-info__fee"><strong>{i18n.text(|m| m.flow_costs)} " " {money(i18n.locale(), cents)}</strong></p>
            })}
            <label class="check">
                <input type="checkbox" prop:checked=move || read.get() on:change=move |e| read.set(event_target_checked(&e))/>
                <span>{i18n.text(|m| m.flow_read_confirm)}</span>
            </label>
            <p class="form-error" role="alert">{move || missing.get().then(|| i18n.t().flow_read_required)}</p>
            <Nav on_back next_label=Signal::derive(i18n.text(|m| m.flow_next))/>
        </form>
    }
}

#[component]
fn Comprehension(
    form: &'static ConsentForm,
    given: RwSignal<BTreeMap<String, String>>,
    on_next: impl Fn() + Send + Sync + 'static,
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let checked = RwSignal::new(false);
    // Every item needs an answer. A wrong one shows its explanation once; then the patient
    // may go on (the physician sees the result and talks it through).
    let next = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let answers = given.get_untracked();
        let all = form
            .comprehension
            .iter()
            .all(|item| answers.contains_key(item.id));
        if all && (form.comprehension_passed(&answers) || checked.get_untracked()) {
            on_next();
        } else {
            checked.set(true);
        }
    };
    view! {
        <form class="card consent-step form" on:submit=next>
            <h1>{i18n.text(|m| m.flow_check_title)}</h1>
            <p>{i18n.text(|m| m.flow_check_text)}</p>
            {form.comprehension.iter().map(|item| {
                let id = item.id;
                let chosen = move || given.with(|g| g.get(id).cloned());
                let wrong = Memo::new(move |_| checked.get() && chosen().as_deref() != Some(item.correct));
                view! {
                    <fieldset class="question">
                        <legend>{item.question}</legend>
                        {item.options.iter().map(|option| {
                            let value = option.id;
                            view! {
                                <label class="check">
                                    <input type="radio" name=format!("check-{id}") value=value
                                        prop:checked=move || chosen().as_deref() == Some(value)
                                        on:change=move |_| given.update(|g| drop(g.insert(id.to_owned(), value.to_owned())))/>
                                    <span>{option.label}</span>
                                </label>
                            }
                        }).collect_view()}
                        {move || wrong.get().then(|| view! {
                            <p class="form-error" role="alert">
                                {move || if chosen().is_none() { i18n.t().flow_check_all } else { i18n.t().flow_check_wrong }}
                                " " {item.explanation}
                            </p>
                        })}
                    </fieldset>
                }
            }).collect_view()}
            <Nav on_back next_label=Signal::derive(i18n.text(|m| m.flow_next))/>
        </form>
    }
}

#[component]
fn SignatureStep(
    entries: Entries,
    on_next: impl Fn() + Send + Sync + 'static,
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let missing = RwSignal::new(false);
    // The pad starts empty each time; a signature kept from an earlier visit would be
    // invisible here, so the patient signs again after going back.
    entries.signature.set(None);
    let next = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if entries.signature.with_untracked(Option::is_some) {
            on_next();
        } else {
            missing.set(true);
        }
    };
    view! {
        <form class="card consent-step form" on:submit=next>
            <h1>{i18n.text(|m| m.flow_signature_title)}</h1>
            <p>{i18n.text(|m| m.flow_signature_text)}</p>
            <SignaturePad signature=entries.signature
                label=Signal::derive(move || i18n.t().flow_signature_label.to_owned())
                clear_label=Signal::derive(move || i18n.t().flow_signature_clear.to_owned())/>
            <p class="form-error" role="alert">{move || (missing.get() && entries.signature.with(Option::is_none)).then(|| i18n.t().flow_signature_missing)}</p>
            <Nav on_back next_label=Signal::derive(i18n.text(|m| m.flow_next))/>
        </form>
    }
}

/// Why sending did not work, as the patient is told.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SendFailure {
    /// Already sent, withdrawn or expired: nothing more to do here.
    Closed,
    /// The practice rotated its inbox key while the form was open: seal to the new one.
    KeyChanged,
    /// The page is outdated (the form changed).
    Reload,
    Retry,
}

/// The consent sealed once for sending, with its withdrawal link. Every retry sends exactly
/// this again (same submission id, same withdrawal token), so a send that arrived but whose
/// answer got lost is accepted as the same submission and the link shown is the one stored.
#[derive(Clone)]
pub(crate) struct Prepared {
    sealed: SealedSubmission,
    withdrawal_hash_hex: String,
    withdrawal_link: String,
}

fn prepare(
    open: &OpenConsent,
    form: &'static ConsentForm,
    entries: Entries,
) -> Result<Prepared, SendFailure> {
    let withdrawal = crypto::Token::generate();
    let answers = entries.collect(form, open, true);
    let submission_id = crypto::SubmissionId::generate().to_uuid_text();
    let envelope = answers
        .seal(open, form.hash(), &submission_id)
        .map_err(|_| SendFailure::Reload)?;
    Ok(Prepared {
        sealed: SealedSubmission {
            submission_id,
            envelope,
            form_hash_hex: hex(form.hash().as_bytes()),
            steps: entries.steps.get_untracked(),
        },
        withdrawal_hash_hex: hex(withdrawal.hash().as_bytes()),
        withdrawal_link: crate::consents::withdrawal_link(withdrawal.to_text().as_str()),
    })
}

/// The practice rotated its inbox key while the patient filled in the form: the link is opened
/// again for the new public key and everything sealed to it, so nothing typed is lost (the
/// old key's submission was refused and stored nothing).
async fn reseal(
    token: &str,
    form: &'static ConsentForm,
    entries: Entries,
) -> Result<(OpenConsent, Prepared), SendFailure> {
    let fresh = match open_consent_link(token.to_owned()).await {
        Ok(LinkState::Open(open)) => open,
        Ok(_) => return Err(SendFailure::Closed),
        Err(_) => return Err(SendFailure::Retry),
    };
    let prepared = prepare(&fresh, form, entries)?;
    Ok((fresh, prepared))
}

/// Sends the prepared consent; answers the withdrawal link.
async fn submit(token: String, prepared: Prepared) -> Result<String, SendFailure> {
    submit_consent(token, prepared.sealed, prepared.withdrawal_hash_hex)
        .await
        .map_err(|e| match e {
            AppError::Conflict(text) if text.contains("key changed") => SendFailure::KeyChanged,
            AppError::Conflict(text) if text.contains("reload") => SendFailure::Reload,
            AppError::Conflict(_) | AppError::NotFound => SendFailure::Closed,
            _ => SendFailure::Retry,
        })?;
    Ok(prepared.withdrawal_link)
}

#[component]
fn Review<S, F>(
    form: &'static ConsentForm,
    entries: Entries,
    fee: Option<i32>,
    edit: impl Fn(Step) + Send + Sync + Copy + 'static,
    submit: S,
    on_sent: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView
where
    S: Fn() -> F + Send + Sync + 'static,
    F: std::future::Future<Output = Result<String, SendFailure>> + 'static,
{
    let i18n = use_i18n();
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<SendFailure>);
    let submit = std::sync::Arc::new(submit);
    let on_sent = std::sync::Arc::new(on_sent);
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        failure.set(None);
        let (submit, on_sent) = (submit.clone(), on_sent.clone());
        leptos::task::spawn_local(async move {
            match submit().await {
                Ok(link) => on_sent(link),
                Err(e) => failure.set(Some(e)),
            }
            sending.set(false);
        });
    };
    view! {
        <form class="card consent-step form" on:submit=send>
            <h1>{i18n.text(|m| m.flow_review_title)}</h1>
            <PatientCopy form entries fee edit=Some(edit)/>
            <p class="form-error" role="alert">{move || failure.get().map(|f| match f {
                SendFailure::Closed => i18n.t().flow_closed,
                SendFailure::Reload | SendFailure::KeyChanged => i18n.t().flow_reload,
                SendFailure::Retry => i18n.t().flow_failed,
            })}</p>
            <div class="consent-flow__nav">
                <button type="button" class="button button--secondary" on:click=move |_| edit(Step::Signature)>{i18n.text(|m| m.flow_back)}</button>
                <button type="submit" class="button" disabled=move || sending.get() || failure.get() == Some(SendFailure::Closed)>
                    {move || if sending.get() { i18n.t().flow_submitting } else { i18n.t().flow_submit }}
                </button>
            </div>
        </form>
    }
}

/// What the patient entered, as the review shows it and their printed copy keeps it.
#[component]
fn PatientCopy(
    form: &'static ConsentForm,
    entries: Entries,
    fee: Option<i32>,
    edit: Option<impl Fn(Step) + Send + Sync + Copy + 'static>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = entries.personal();
    let answers = entries.answers.get_untracked();
    let edit_button = move |to: Step| {
        edit.map(|edit| view! {
            <button type="button" class="link-button" on:click=move |_| edit(to)>{i18n.text(|m| m.flow_edit)}</button>
        })
    };
    let birth = p.birth_date.clone();
    view! {
        <div class="patient-copy">
            <h2>{form.title}</h2>
            <section>
                <h3>{i18n.text(|m| m.flow_personal_title)} {edit_button(Step::Personal)}</h3>
                <dl class="profile-facts">
                    <dt>{i18n.text(|m| m.patients_name)}</dt><dd>{format!("{}, {}", p.last_name, p.first_name)}</dd>
                    <dt>{i18n.text(|m| m.patient_birth_date)}</dt><dd>{move || display_date(i18n.locale(), &birth)}</dd>
                    <dt>{i18n.text(|m| m.patient_email)}</dt><dd>{p.email.clone().unwrap_or_else(|| "–".to_owned())}</dd>
                    <dt>{i18n.text(|m| m.flow_phone)}</dt><dd>{p.phone.clone().unwrap_or_else(|| "–".to_owned())}</dd>
                </dl>
            </section>
            <section>
                <h3>{i18n.text(|m| m.flow_questions_title)} {edit_button(Step::Questions)}</h3>
                <dl class="answers">
                    {form.questions.iter().map(|q| {
                        let text = answer_text(i18n.t(), q, answers.0.get(q.id));
                        view! { <dt>{q.text}</dt><dd>{text}</dd> }
                    }).collect_view()}
                </dl>
            </section>
            {fee.filter(|f| *f > 0).map(|cents| view! {
                <p><strong>{i18n.text(|m| m.flow_costs)} " " {money(i18n.locale(), cents)}</strong></p>
            })}
            <section>
                <h3>{i18n.text(|m| m.flow_signature_title)} {edit_button(Step::Signature)}</h3>
                {entries.signature.get_untracked().map(|s| view! {
                    <img class="patient-copy__signature" src=s.png_data_url alt=i18n.text(|m| m.flow_signature_label)/>
                })}
            </section>
        </div>
    }
}

#[component]
fn Sent(
    form: &'static ConsentForm,
    entries: Entries,
    fee: Option<i32>,
    withdrawal: String,
    open: OpenConsent,
    submission_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let no_edit: Option<fn(Step)> = None;
    // The patient's copy as a PDF, made here from what is still in this page's memory; signed
    // when the review step was finished.
    let make_pdf = move || {
        use crate::components::pdf_copy::{copy_json, file_name, CopyFacts};
        let answers = entries.collect(form, &open, true);
        let created_at = now_rfc3339();
        let signed_at = entries
            .steps
            .with_untracked(|s| s.get(Step::Review.name()).cloned())
            .unwrap_or_else(|| created_at.clone());
        let json = copy_json(&CopyFacts {
            form,
            answers: &answers,
            practice_name: &open.practice_name,
            staff: false,
            signed_at: &signed_at,
            form_hash_hex: &hex(form.hash().as_bytes()),
            submission_id: &submission_id,
            created_at: &created_at,
        });
        Some((json, file_name(form, &created_at)))
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        let _ = window().print();
    };
    view! {
        <section class="card consent-step">
            <h1>{i18n.text(|m| m.flow_done_title)}</h1>
            <p>{i18n.text(|m| m.flow_done_text)}</p>
            <p>{i18n.text(|m| m.flow_withdraw_keep)}</p>
            <p><a class="withdrawal-link" href=withdrawal.clone() data-testid="withdrawal-link">{withdrawal.clone()}</a></p>
            <div class="consent-flow__copy">
                <PdfDownload make=make_pdf/>
                <button type="button" class="button button--secondary" on:click=print>{i18n.text(|m| m.flow_print)}</button>
            </div>
        </section>
        <section class="card consent-step">
            <PatientCopy form entries fee edit=no_edit/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::money;
    use crate::i18n::Locale;

    #[test]
    fn costs_are_written_as_each_language_writes_money() {
        assert_eq!(money(Locale::De, 25_000), "250,00 €");
        assert_eq!(money(Locale::De, 125_050), "1.250,50 €");
        assert_eq!(money(Locale::En, 125_050), "€1,250.50");
        assert_eq!(money(Locale::De, 5), "0,05 €");
        assert_eq!(money(Locale::En, 100_000_000), "€1,000,000.00");
    }
}
