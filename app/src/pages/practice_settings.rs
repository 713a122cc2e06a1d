//! `/app/praxis` (ADMIN): the practice's details and consent settings.

use domain::ConsentType;
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{consent_type_label, use_i18n};
use crate::practice_settings::{
    check, practice_settings, save_practice_settings, PracticeSettingsForm,
};

#[component]
pub fn PracticeSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = Resource::new(|| (), |()| practice_settings());
    view! {
        <section class="card">
            <h1>{i18n.text(|m| m.settings_title)}</h1>
            <p>{i18n.text(|m| m.settings_text)}</p>
        </section>
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|answer| match answer {
                Ok(form) => view! { <SettingsForm form/> }.into_any(),
                // The server's answer decides, not the hidden menu entry: a typed-in URL too.
                Err(error) => {
                    let refused = error == AppError::Forbidden;
                    view! {
                        <section class="card"><p role="alert">{move || {
                            if refused { i18n.t().settings_admin_only } else { i18n.t().error_try_again }
                        }}</p></section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

#[component]
fn SettingsForm(form: PracticeSettingsForm) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(form.name);
    let street = RwSignal::new(form.street);
    let postal_code = RwSignal::new(form.postal_code);
    let city = RwSignal::new(form.city);
    let dpo_name = RwSignal::new(form.dpo_name);
    let dpo_email = RwSignal::new(form.dpo_email);
    let types = RwSignal::new(form.enabled_consent_types);
    let validity = RwSignal::new(form.default_validity_days.to_string());
    let reminder = RwSignal::new(form.reminder_enabled);
    let reminder_hours = RwSignal::new(form.reminder_delay_hours.to_string());
    let problem = RwSignal::new(None::<&'static str>);
    let save = Action::new(|form: &PracticeSettingsForm| save_practice_settings(form.clone()));
    let status = move || match save.value().get() {
        Some(Ok(())) => Some(i18n.t().settings_saved),
        Some(Err(_)) => Some(i18n.t().error_try_again),
        None => None,
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let form = PracticeSettingsForm {
            name: name.get_untracked(),
            street: street.get_untracked(),
            postal_code: postal_code.get_untracked(),
            city: city.get_untracked(),
            dpo_name: dpo_name.get_untracked(),
            dpo_email: dpo_email.get_untracked(),
            enabled_consent_types: types.get_untracked(),
            default_validity_days: validity.get_untracked().trim().parse().unwrap_or(0),
            reminder_enabled: reminder.get_untracked(),
            reminder_delay_hours: reminder_hours.get_untracked().trim().parse().unwrap_or(0),
        };
        let m = i18n.t();
        match check(&form) {
            Ok(()) => {
                problem.set(None);
                save.dispatch(form);
            }
            Err(field) => problem.set(Some(match field {
                "name" => m.settings_bad_name,
                "dpo_email" => m.field_email_invalid,
                "enabled_consent_types" => m.settings_bad_types,
                "default_validity_days" => m.settings_bad_validity,
                "reminder_delay_hours" => m.settings_bad_reminder,
                _ => m.settings_bad_address,
            })),
        }
    };
    let text = |label: fn(&crate::i18n::Messages) -> &'static str,
                value: RwSignal<String>,
                autocomplete: &'static str| {
        view! {
            <label class="field">
                <span>{move || label(i18n.t())}</span>
                <input type="text" autocomplete=autocomplete bind:value=value/>
            </label>
        }
    };
    view! {
        <form class="form card" on:submit=submit>
            <fieldset>
                <legend>{i18n.text(|m| m.settings_details)}</legend>
                {text(|m| m.field_practice_name, name, "organization")}
                {text(|m| m.settings_street, street, "street-address")}
                {text(|m| m.settings_postal_code, postal_code, "postal-code")}
                {text(|m| m.settings_city, city, "address-level2")}
            </fieldset>
            <fieldset>
                <legend>{i18n.text(|m| m.settings_dpo)}</legend>
                {text(|m| m.settings_dpo_name, dpo_name, "off")}
                <label class="field">
                    <span>{i18n.text(|m| m.field_email)}</span>
                    <input type="email" autocomplete="off" bind:value=dpo_email/>
                </label>
            </fieldset>
            <fieldset>
                <legend>{i18n.text(|m| m.settings_types)}</legend>
                {ConsentType::ALL.iter().copied().map(|kind| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || types.with(|t| t.contains(&kind))
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                types.update(|t| {
                                    t.retain(|k| *k != kind);
                                    if on { t.push(kind); }
                                });
                            }/>
                        <span>{move || consent_type_label(i18n.t(), kind)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>{i18n.text(|m| m.settings_links)}</legend>
                <label class="field">
                    <span>{i18n.text(|m| m.settings_validity)}</span>
                    <input type="number" min="1" max="90" inputmode="numeric" bind:value=validity/>
                </label>
                <label class="check">
                    <input type="checkbox" bind:checked=reminder/>
                    <span>{i18n.text(|m| m.settings_reminder)}</span>
                </label>
                <label class="field">
                    <span>{i18n.text(|m| m.settings_reminder_hours)}</span>
                    <input type="number" min="1" max="720" inputmode="numeric" bind:value=reminder_hours/>
                </label>
            </fieldset>
            <p class="form-error" role="alert">{move || problem.get()}</p>
            <p class="form-note" role="status">{status}</p>
            <button class="button" type="submit" disabled=save.pending()>{i18n.text(|m| m.settings_save)}</button>
        </form>
    }
}
