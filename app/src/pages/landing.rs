//! `/`: what Derma Consent is, for whom, how it works and how it protects data.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use domain::ConsentType;

use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::{consent_type_label, head_text, use_i18n, Messages};

type Text = fn(&Messages) -> &'static str;

const AUDIENCES: [(Text, Text); 4] = [
    (|m| m.audience_admin_title, |m| m.audience_admin_text),
    (|m| m.audience_arzt_title, |m| m.audience_arzt_text),
    (|m| m.audience_empfang_title, |m| m.audience_empfang_text),
    (|m| m.audience_patient_title, |m| m.audience_patient_text),
];

const STEPS: [(Text, Text); 4] = [
    (|m| m.step_create_title, |m| m.step_create_text),
    (|m| m.step_fill_title, |m| m.step_fill_text),
    (|m| m.step_review_title, |m| m.step_review_text),
    (|m| m.step_archive_title, |m| m.step_archive_text),
];

const SAFEGUARDS: [(Text, Text); 3] = [
    (|m| m.security_browser_title, |m| m.security_browser_text),
    (|m| m.security_lookup_title, |m| m.security_lookup_text),
    (|m| m.security_recovery_title, |m| m.security_recovery_text),
];

#[component]
pub fn LandingPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| move || text(i18n.t());
    let cards = |items: &'static [(Text, Text)], class: &'static str| {
        items
            .iter()
            .map(|&(title, text)| {
                view! {
                    <li class=class>
                        <h3>{t(title)}</h3>
                        <p>{t(text)}</p>
                    </li>
                }
            })
            .collect_view()
    };
    let treatments = ConsentType::ALL
        .iter()
        .map(|&kind| view! { <li class="chip">{move || consent_type_label(i18n.t(), kind)}</li> })
        .collect_view();

    view! {
        <Title text=head_text(|m| m.landing_title.to_owned())/>
        <Meta name="description" content=head_text(|m| m.hero_lead.to_owned())/>
        <SiteHeader/>
        <main id="main">
            <section class="hero">
                <p class="hero__eyebrow">{t(|m| m.hero_eyebrow)}</p>
                <h1 class="hero__title">{t(|m| m.hero_title)}</h1>
                <p class="hero__lead">{t(|m| m.hero_lead)}</p>
                <div class="hero__actions">
                    <a class="button" href="/register">{t(|m| m.hero_cta_register)}</a>
                    <a class="button button--secondary" href="#datenschutz">{t(|m| m.hero_cta_security)}</a>
                </div>
            </section>

            <section class="section" aria-labelledby="audience-title">
                <h2 id="audience-title">{t(|m| m.audience_title)}</h2>
                <ul class="cards">{cards(&AUDIENCES, "card")}</ul>
            </section>

            <section class="section section--tinted" id="ablauf" aria-labelledby="steps-title">
                <h2 id="steps-title">{t(|m| m.steps_title)}</h2>
                <ol class="steps">{cards(&STEPS, "step")}</ol>
            </section>

            <section class="section" aria-labelledby="treatments-title">
                <h2 id="treatments-title">{t(|m| m.treatments_title)}</h2>
                <p class="section__lead">{t(|m| m.treatments_lead)}</p>
                <ul class="chips">{treatments}</ul>
            </section>

            <section class="section section--tinted" id="datenschutz" aria-labelledby="security-title">
                <h2 id="security-title">{t(|m| m.security_title)}</h2>
                <p class="section__lead">{t(|m| m.security_lead)}</p>
                <ul class="cards">{cards(&SAFEGUARDS, "card")}</ul>
                <aside class="honest-limit">
                    <h3>{t(|m| m.security_limit_title)}</h3>
                    <p>{t(|m| m.security_limit_text)}</p>
                </aside>
            </section>
        </main>
        <SiteFooter/>
    }
}
