//! `/app`: what needs attention first (DESIGN §1: staff see what needs attention first):
//! consents waiting for the physician, open links, links expiring within a week, completed
//! this month; then the recent consents, filterable by status. Metadata only: no names.

use domain::{Capability, ConsentStatus};
use leptos::either::Either;
use leptos::prelude::*;

use crate::auth::StaffProfile;
use crate::consents::{consents_overview, ConsentListItem, ConsentView};
use crate::i18n::{consent_status_label, consent_type_label, display_date, use_i18n};

#[component]
pub fn Dashboard() -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(ConsentView::All);
    let overview = Resource::new(move || filter.get(), consents_overview);
    view! {
        <section class="card page-intro dashboard-intro">
            <div>
                <h1>{i18n.text(|m| m.dashboard_title)}</h1>
                <p>{i18n.text(|m| m.dashboard_text)}</p>
            </div>
            <a class="button" href="/app/einwilligungen/neu">{i18n.text(|m| m.nav_new_consent)}</a>
        </section>
        <Suspense fallback=|| ()>
            {move || overview.get().map(|answer| match answer {
                Ok(o) => {
                    let c = o.counts;
                    let urgent = c.awaiting_review > 0;
                    view! {
                        <ul class="counts" aria-label=i18n.text(|m| m.dashboard_counts)>
                            <Count value=c.awaiting_review label=Signal::derive(i18n.text(|m| m.dashboard_awaiting_review))
                                on_click=move || filter.set(ConsentView::AwaitingReview) urgent/>
                            <Count value=c.pending label=Signal::derive(i18n.text(|m| m.dashboard_pending))
                                on_click=move || filter.set(ConsentView::Open) urgent=false/>
                            <Count value=c.expiring_soon label=Signal::derive(i18n.text(|m| m.dashboard_expiring))
                                on_click=move || filter.set(ConsentView::ExpiringSoon) urgent=false/>
                            <Count value=c.completed_this_month label=Signal::derive(i18n.text(|m| m.dashboard_completed))
                                on_click=move || filter.set(ConsentView::CompletedThisMonth) urgent=false/>
                        </ul>
                        <RecentConsents consents=o.consents filter/>
                    }.into_any()
                }
                Err(_) => view! { <section class="card"><p role="alert">{i18n.text(|m| m.error_try_again)}</p></section> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Count(
    value: i64,
    label: Signal<&'static str>,
    on_click: impl Fn() + Send + Sync + 'static,
    urgent: bool,
) -> impl IntoView {
    view! {
        <li class=if urgent { "count count--urgent" } else { "count" }>
            <button type="button" on:click=move |_| on_click()>
                <span class="count__value">{value}</span>
                <span class="count__label">{move || label.get()}</span>
            </button>
        </li>
    }
}

#[component]
fn RecentConsents(consents: Vec<ConsentListItem>, filter: RwSignal<ConsentView>) -> impl IntoView {
    let i18n = use_i18n();
    let can_open =
        use_context::<StaffProfile>().is_some_and(|p| p.role.can(Capability::OpenMedicalRecords));
    let empty = consents.is_empty();
    view! {
        <section class="card">
            <div class="card__head">
                <h2>{i18n.text(|m| m.dashboard_recent)}</h2>
                <label class="field field--inline">
                    <span>{i18n.text(|m| m.dashboard_filter)}</span>
                    <select on:change=move |e| filter.set(view_of(&event_target_value(&e)))>
                        {VIEWS.iter().map(|(value, view, label)| {
                            let (view, label) = (*view, *label);
                            view! { <option value=*value selected=move || filter.get() == view>{move || label(i18n.t())}</option> }
                        }).collect_view()}
                        {ConsentStatus::ALL.iter().map(|s| view! {
                            <option value=s.as_str() selected=move || filter.get() == ConsentView::Status(*s)>{move || consent_status_label(i18n.t(), *s)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || !empty fallback=move || view! { <p>{i18n.text(|m| m.dashboard_none)}</p> }>
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">{i18n.text(|m| m.consent_type)}</th>
                        <th scope="col">{i18n.text(|m| m.dashboard_status)}</th>
                        <th scope="col">{i18n.text(|m| m.consent_created_on)}</th>
                        <th scope="col">{i18n.text(|m| m.dashboard_patient)}</th>
                    </tr></thead>
                    <tbody>
                        {consents.clone().into_iter().map(|c| {
                            let created = c.created_on.clone();
                            let href = format!("/app/einwilligungen/{}", c.id);
                            let kind = move || consent_type_label(i18n.t(), c.kind);
                            // Reception sees the list but cannot open answers: no dead link.
                            let kind = if can_open {
                                Either::Left(view! { <a href=href>{kind}</a> })
                            } else {
                                Either::Right(kind)
                            };
                            view! {
                                <tr>
                                    <td>{kind}</td>
                                    <td><span class=format!("status status--{}", c.status.as_str().to_lowercase())>{move || consent_status_label(i18n.t(), c.status)}</span></td>
                                    <td>{move || display_date(i18n.locale(), &created)}</td>
                                    <td>{move || if c.patient_id.is_some() { i18n.t().dashboard_linked } else { i18n.t().dashboard_unlinked }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

type Label = fn(&crate::i18n::Messages) -> &'static str;

/// The dashboard's own views, offered beside the plain statuses.
const VIEWS: [(&str, ConsentView, Label); 5] = [
    ("", ConsentView::All, |m| m.dashboard_all),
    ("awaiting", ConsentView::AwaitingReview, |m| {
        m.dashboard_awaiting_review
    }),
    ("open", ConsentView::Open, |m| m.dashboard_pending),
    ("expiring", ConsentView::ExpiringSoon, |m| {
        m.dashboard_expiring
    }),
    ("completed", ConsentView::CompletedThisMonth, |m| {
        m.dashboard_completed
    }),
];

fn view_of(value: &str) -> ConsentView {
    VIEWS
        .iter()
        .find(|(v, _, _)| *v == value)
        .map(|(_, view, _)| *view)
        .or_else(|| value.parse::<ConsentStatus>().ok().map(ConsentView::Status))
        .unwrap_or_default()
}
