//! `/app/patienten`: find, add and list the practice's patients. Everything readable is made
//! here in the browser with the open vault; while it is locked the page says so and shows
//! nothing (DESIGN §4.3–4.4).

use crypto::{BirthDate, ObjectId};
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{display_date, use_i18n, Messages};
use crate::patients::{
    create_patient, find_patients, patient_list, DetailsProblem, PatientDetails, PatientEntry,
    RECENT_PATIENTS,
};
use crate::vault::{use_vault, Vault, VaultStatus};

#[component]
pub fn PatientsPage() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    view! {
        <section class="card page-intro">
            <h1>{i18n.text(|m| m.patients_title)}</h1>
            <p>{i18n.text(|m| m.patients_text)}</p>
        </section>
        <Show when=move || vault.status() == VaultStatus::Unlocked fallback=move || view! { <VaultLockedNote/> }>
            <PatientDirectory/>
        </Show>
    }
}

/// Shown instead of anything readable while the vault is locked.
#[component]
pub(crate) fn VaultLockedNote() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card">
            <p class="locked-note" role="status">{i18n.text(|m| m.patients_locked)}</p>
        </section>
    }
}

/// A patient found or listed, opened in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OpenedPatient {
    pub id: String,
    pub details: Option<PatientDetails>,
    pub created_on: String,
}

/// Opens an entry with the vault's master key; `details` is `None` when it cannot be opened
/// (sealed under a key this vault does not hold).
pub(crate) fn open_entry(vault: Vault, entry: &PatientEntry) -> OpenedPatient {
    OpenedPatient {
        id: entry.patient.id.clone(),
        details: vault
            .with_open_keys(|keys| PatientDetails::open(&entry.patient, &keys.masters()).ok())
            .flatten(),
        created_on: entry.created_on.clone(),
    }
}

/// The entries among `found` that really are this name and birth date (a lookup hash is
/// shared by several people on purpose).
fn same_person(
    vault: Vault,
    found: &[PatientEntry],
    wanted: &PatientDetails,
) -> Vec<OpenedPatient> {
    found
        .iter()
        .map(|entry| open_entry(vault, entry))
        .filter(|p| {
            p.details.as_ref().is_some_and(|d| {
                d.is_named(&wanted.last_name, &wanted.first_name, wanted.birth_date)
            })
        })
        .collect()
}

#[component]
fn PatientDirectory() -> impl IntoView {
    let recent = Resource::new(|| (), |()| patient_list());
    view! {
        <div class="patients-grid">
            <PatientSearch/>
            <NewPatient on_created=move || recent.refetch()/>
        </div>
        <RecentPatients recent/>
    }
}

/// What a search or an attempt to add gave.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    Problem(DetailsProblem),
    Locked,
    Server(AppError),
}

fn failure_text(m: &Messages, failure: &Failure) -> &'static str {
    match failure {
        Failure::Problem(DetailsProblem::FirstName) => m.patient_problem_first_name,
        Failure::Problem(DetailsProblem::LastName) => m.patient_problem_last_name,
        Failure::Problem(DetailsProblem::BirthDate) => m.patient_problem_birth_date,
        Failure::Problem(DetailsProblem::Email) => m.patient_problem_email,
        Failure::Locked => m.patients_locked,
        Failure::Server(_) => m.error_try_again,
    }
}

/// Today in the browser's calendar, `YYYY-MM-DD` (birth dates after it are typing mistakes).
fn today_iso() -> String {
    #[cfg(feature = "hydrate")]
    {
        let now = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        // Never used: the forms are only live in the browser.
        "9999-12-31".to_owned()
    }
}

/// The fields of a name and birth date, shared by search and the new-patient form.
#[derive(Clone, Copy)]
struct NameFields {
    first: RwSignal<String>,
    last: RwSignal<String>,
    birth: RwSignal<String>,
}

impl NameFields {
    fn new() -> Self {
        Self {
            first: RwSignal::new(String::new()),
            last: RwSignal::new(String::new()),
            birth: RwSignal::new(String::new()),
        }
    }

    fn details(self, email: &str) -> Result<PatientDetails, Failure> {
        PatientDetails::from_form(
            &self.first.get_untracked(),
            &self.last.get_untracked(),
            &self.birth.get_untracked(),
            email,
            &today_iso(),
        )
        .map_err(Failure::Problem)
    }

    fn clear(self) {
        self.first.set(String::new());
        self.last.set(String::new());
        self.birth.set(String::new());
    }
}

#[component]
fn NameInputs(fields: NameFields, prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{i18n.text(|m| m.patient_last_name)}</span>
            <input name=format!("{prefix}-last") autocomplete="off" required maxlength="200" bind:value=fields.last/>
        </label>
        <label class="field">
            <span>{i18n.text(|m| m.patient_first_name)}</span>
            <input name=format!("{prefix}-first") autocomplete="off" required maxlength="200" bind:value=fields.first/>
        </label>
        <label class="field">
            <span>{i18n.text(|m| m.patient_birth_date)}</span>
            <input name=format!("{prefix}-birth") type="date" required min="1900-01-01" bind:value=fields.birth/>
        </label>
    }
}

/// Finds patients by name and birth date through the lookup hash.
#[component]
fn PatientSearch() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let fields = NameFields::new();
    let search = Action::new(move |(): &()| {
        let wanted = fields.details("");
        async move {
            let wanted = wanted?;
            let lookup = vault
                .with_open_keys(|keys| wanted.lookup(&keys.blind_index))
                .ok_or(Failure::Locked)?
                .map_err(|_| Failure::Problem(DetailsProblem::LastName))?;
            let found = find_patients(lookup).await.map_err(Failure::Server)?;
            Ok::<_, Failure>(same_person(vault, &found, &wanted))
        }
    });
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.patients_search_title)}</h2>
            <p>{i18n.text(|m| m.patients_search_hint)}</p>
            <form class="form" aria-label=i18n.text(|m| m.patients_search_title) on:submit=move |event| {
                event.prevent_default();
                search.dispatch(());
            }>
                <NameInputs fields prefix="search"/>
                <button class="button" type="submit" disabled=search.pending()>{i18n.text(|m| m.patients_search_submit)}</button>
            </form>
            <div class="search-results" role="status">
                {move || search.value().get().map(|answer| match answer {
                    Ok(found) if found.is_empty() => view! { <p>{i18n.text(|m| m.patients_search_none)}</p> }.into_any(),
                    Ok(found) => view! { <PatientLinks patients=found/> }.into_any(),
                    Err(failure) => view! { <p class="form-error">{move || failure_text(i18n.t(), &failure)}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// What adding a patient gave.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Added {
    Created(String),
    /// Records with the same name and birth date exist; nothing was stored.
    Duplicates(Vec<OpenedPatient>),
}

/// Adds a patient, sealed here; first shows existing records of the same person.
#[component]
fn NewPatient(on_created: impl Fn() + Send + Sync + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let fields = NameFields::new();
    let email = RwSignal::new(String::new());
    let add = Action::new(move |anyway: &bool| {
        let anyway = *anyway;
        let details = fields.details(&email.get_untracked());
        async move {
            let details = details?;
            if !anyway {
                let lookup = vault
                    .with_open_keys(|keys| details.lookup(&keys.blind_index))
                    .ok_or(Failure::Locked)?
                    .map_err(|_| Failure::Problem(DetailsProblem::LastName))?;
                let found = find_patients(lookup).await.map_err(Failure::Server)?;
                let same = same_person(vault, &found, &details);
                if !same.is_empty() {
                    return Ok(Added::Duplicates(same));
                }
            }
            let sealed = vault
                .with_open_keys(|keys| {
                    details.seal(ObjectId::generate(), &keys.master, &keys.blind_index)
                })
                .ok_or(Failure::Locked)?
                .map_err(|_| Failure::Problem(DetailsProblem::LastName))?;
            let id = create_patient(sealed).await.map_err(Failure::Server)?;
            Ok::<_, Failure>(Added::Created(id))
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Added::Created(_))) = add.value().get() {
            fields.clear();
            email.set(String::new());
            on_created();
        }
    });
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.patients_new_title)}</h2>
            <form class="form" aria-label=i18n.text(|m| m.patients_new_title) on:submit=move |event| {
                event.prevent_default();
                add.dispatch(false);
            }>
                <NameInputs fields prefix="new"/>
                <label class="field">
                    <span>{i18n.text(|m| m.patient_email_optional)}</span>
                    <input name="new-email" type="email" autocomplete="off" maxlength="200" bind:value=email/>
                </label>
                <button class="button" type="submit" disabled=add.pending()>{i18n.text(|m| m.patients_new_submit)}</button>
            </form>
            <div role="status">
                {move || add.value().get().map(|answer| match answer {
                    Ok(Added::Created(id)) => view! {
                        <p class="form-notice">
                            {i18n.text(|m| m.patients_created)} " "
                            <a href=format!("/app/patienten/{id}")>{i18n.text(|m| m.patients_open)}</a>
                        </p>
                    }.into_any(),
                    Ok(Added::Duplicates(same)) => view! {
                        <div class="duplicates">
                            <h3>{i18n.text(|m| m.patients_duplicates_title)}</h3>
                            <p>{i18n.text(|m| m.patients_duplicates_text)}</p>
                            <PatientLinks patients=same/>
                            <button class="button button--secondary" type="button" disabled=add.pending()
                                on:click=move |_| { add.dispatch(true); }>
                                {i18n.text(|m| m.patients_create_anyway)}
                            </button>
                        </div>
                    }.into_any(),
                    Err(failure) => view! { <p class="form-error">{move || failure_text(i18n.t(), &failure)}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// A short list of patients linking to their pages.
#[component]
fn PatientLinks(patients: Vec<OpenedPatient>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="patient-links">
            {patients.into_iter().map(|p| {
                let href = format!("/app/patienten/{}", p.id);
                match p.details {
                    Some(d) => {
                        let birth = d.birth_date.iso();
                        view! {
                            <li><a href=href>{d.display_name()}</a> " · "
                                {move || display_date(i18n.locale(), &birth)}</li>
                        }.into_any()
                    }
                    None => view! { <li><a href=href>{i18n.text(|m| m.patients_unreadable)}</a></li> }.into_any(),
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn RecentPatients(recent: Resource<Result<Vec<PatientEntry>, AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    view! {
        <section class="card">
            <h2>{i18n.text(|m| m.patients_recent_title)}</h2>
            <Suspense fallback=|| ()>
                {move || recent.get().map(|answer| match answer {
                    Ok(entries) if entries.is_empty() => view! { <p>{i18n.text(|m| m.patients_recent_empty)}</p> }.into_any(),
                    Ok(entries) => {
                        let full = i64::try_from(entries.len()).unwrap_or(i64::MAX) >= RECENT_PATIENTS;
                        let rows: Vec<OpenedPatient> = entries.iter().map(|e| open_entry(vault, e)).collect();
                        view! {
                            <table class="data-table">
                                <thead><tr>
                                    <th scope="col">{i18n.text(|m| m.patients_name)}</th>
                                    <th scope="col">{i18n.text(|m| m.patient_birth_date)}</th>
                                    <th scope="col">{i18n.text(|m| m.patients_created_on)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|p| view! { <PatientRow patient=p/> }).collect_view()}
                                </tbody>
                            </table>
                            <Show when=move || full>
                                <p class="form-note">{i18n.text(|m| m.patients_recent_more)}</p>
                            </Show>
                        }.into_any()
                    }
                    Err(_) => view! { <p role="alert">{i18n.text(|m| m.error_try_again)}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PatientRow(patient: OpenedPatient) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/app/patienten/{}", patient.id);
    let created = patient.created_on.clone();
    let (name, birth) = match &patient.details {
        Some(d) => (Some(d.display_name()), Some(d.birth_date)),
        None => (None, None),
    };
    view! {
        <tr>
            <td><a href=href>{move || name.clone().unwrap_or_else(|| i18n.t().patients_unreadable.to_owned())}</a></td>
            <td>{move || birth.map(|b: BirthDate| display_date(i18n.locale(), &b.iso())).unwrap_or_default()}</td>
            <td>{move || display_date(i18n.locale(), &created)}</td>
        </tr>
    }
}
