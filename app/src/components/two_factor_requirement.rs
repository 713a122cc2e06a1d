//! An ADMIN's switch for requiring 2FA of the whole practice. Its own component so that the
//! practice-settings page can take it over as it is.

use leptos::prelude::*;

use crate::auth::{explain_code_error, set_two_factor_requirement};
use crate::error::AppError;
use crate::i18n::use_i18n;

#[component]
pub fn TwoFactorRequirement(
    required: bool,
    /// Whether the ADMIN has 2FA themselves (needed before requiring it of everyone).
    own_enabled: bool,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set = Action::new(|required: &bool| set_two_factor_requirement(*required));
    Effect::new(move |_| {
        if let Some(Ok(_)) = set.value().get() {
            on_change.run(());
        }
    });
    let may_switch = required || own_enabled;
    let error = move || match set.value().get() {
        Some(Err(AppError::Conflict(_))) => Some(i18n.t().tf_requirement_own_first),
        Some(Err(e)) => Some(explain_code_error(i18n.t(), &e)),
        _ => None,
    };
    view! {
        <section class="card profile-card" aria-labelledby="two-factor-requirement-title">
            <h2 id="two-factor-requirement-title">{i18n.text(|m| m.tf_requirement_title)}</h2>
            <p>{i18n.text(|m| m.tf_requirement_text)}</p>
            <p class="profile-card__status"><strong>{move || {
                if required { i18n.t().tf_requirement_active } else { i18n.t().tf_requirement_inactive }
            }}</strong></p>
            <Show when=move || !may_switch>
                <p>{i18n.text(|m| m.tf_requirement_own_first)}</p>
            </Show>
            <p class="form-error" role="alert">{error}</p>
            <button class="button button--secondary" type="button"
                disabled=move || set.pending().get() || !may_switch
                on:click=move |_| { set.dispatch(!required); }>
                {move || if required { i18n.t().tf_requirement_off } else { i18n.t().tf_requirement_on }}
            </button>
        </section>
    }
}
