//! The medical questionnaire of a consent form: yes/no (with details when yes), single and
//! multiple choice, free text. Missing answers are named by question before the patient goes
//! on; nothing is judged here (knockout answers are for the physician to see).

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::forms::{
    AnswerProblem, AnswerValue, ConsentForm, Question, QuestionKind, QuestionnaireAnswers,
};
use crate::i18n::{use_i18n, Messages};

/// An answer as the review and the patient's copy show it.
pub fn answer_text(m: &Messages, question: &Question, answer: Option<&AnswerValue>) -> String {
    match (answer, question.kind) {
        (Some(AnswerValue::Choices(ids)), QuestionKind::Choice { options, .. }) => {
            let labels: Vec<&str> = options
                .iter()
                .filter(|o| ids.iter().any(|id| id == o.id))
                .map(|o| o.label)
                .collect();
            if labels.is_empty() {
                "–".to_owned()
            } else {
                labels.join(", ")
            }
        }
        (Some(AnswerValue::No), _) => m.flow_no.to_owned(),
        (Some(AnswerValue::Yes { details }), _) if !details.trim().is_empty() => {
            format!("{}: {}", m.flow_yes, details.trim())
        }
        (Some(AnswerValue::Yes { .. }), _) => m.flow_yes.to_owned(),
        (Some(AnswerValue::Text(text)), _) if !text.trim().is_empty() => text.trim().to_owned(),
        // No answer, a blank text, or choices for a question that offers none.
        (None | Some(AnswerValue::Text(_) | AnswerValue::Choices(_)), _) => "–".to_owned(),
    }
}

fn problem_question(problem: &AnswerProblem) -> Option<&str> {
    match problem {
        AnswerProblem::Missing(id)
        | AnswerProblem::NotOffered(id)
        | AnswerProblem::TooLong(id)
        | AnswerProblem::TooMany(id) => Some(id),
        AnswerProblem::Unknown(_) => None,
    }
}

#[component]
pub fn Questionnaire(
    form: &'static ConsentForm,
    answers: RwSignal<QuestionnaireAnswers>,
    on_next: impl Fn() + Send + Sync + 'static,
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let flagged = RwSignal::new(Vec::<&'static str>::new());
    let next = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match form.check_answers(&answers.get_untracked()) {
            Ok(()) => {
                flagged.set(Vec::new());
                on_next();
            }
            Err(problems) => {
                let ids = form
                    .questions
                    .iter()
                    .map(|q| q.id)
                    .filter(|id| problems.iter().any(|p| problem_question(p) == Some(*id)))
                    .collect();
                flagged.set(ids);
            }
        }
    };
    // Memos and `Either*` rather than `Show` and `into_any()`: see components::browser_view.
    let missing = Memo::new(move |_| !flagged.with(Vec::is_empty));
    view! {
        <form class="card consent-step form" on:submit=next novalidate>
            <h1>{i18n.text(|m| m.flow_questions_title)}</h1>
            <p>{i18n.text(|m| m.flow_questions_text)}</p>
            {form.questions.iter().map(|q| view! { <QuestionField question=q answers flagged/> }).collect_view()}
            <div role="alert">
                {move || missing.get().then(|| view! {
                    <p class="form-error">{i18n.text(|m| m.flow_missing)}</p>
                    <ul class="form-error">
                        {move || flagged.get().into_iter().filter_map(|id| form.questions.iter().find(|q| q.id == id))
                            .map(|q| view! { <li>{q.text}</li> }).collect_view()}
                    </ul>
                })}
            </div>
            <div class="consent-flow__nav">
                <button type="button" class="button button--secondary" on:click=move |_| on_back()>{i18n.text(|m| m.flow_back)}</button>
                <button type="submit" class="button">{i18n.text(|m| m.flow_next)}</button>
            </div>
        </form>
    }
}

#[component]
fn QuestionField(
    question: &'static Question,
    answers: RwSignal<QuestionnaireAnswers>,
    flagged: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id;
    let current = move || answers.with(|a| a.0.get(id).cloned());
    let set = move |value: Option<AnswerValue>| {
        answers.update(|a| match value {
            Some(v) => drop(a.0.insert(id.to_owned(), v)),
            None => drop(a.0.remove(id)),
        });
        flagged.update(|f| f.retain(|q| *q != id));
    };
    let input = match question.kind {
        QuestionKind::YesNo { details } => {
            let is_yes = move || matches!(current(), Some(AnswerValue::Yes { .. }));
            let is_no = move || matches!(current(), Some(AnswerValue::No));
            let asks_details = Memo::new(move |_| is_yes());
            let details_text = move || match current() {
                Some(AnswerValue::Yes { details }) => details,
                _ => String::new(),
            };
            EitherOf3::A(view! {
                <div class="yes-no">
                    <label class="check">
                        <input type="radio" name=format!("q-{id}") value="yes" prop:checked=is_yes
                            on:change=move |_| set(Some(AnswerValue::Yes { details: details_text() }))/>
                        <span>{i18n.text(|m| m.flow_yes)}</span>
                    </label>
                    <label class="check">
                        <input type="radio" name=format!("q-{id}") value="no" prop:checked=is_no
                            on:change=move |_| set(Some(AnswerValue::No))/>
                        <span>{i18n.text(|m| m.flow_no)}</span>
                    </label>
                </div>
                {details.map(|label| move || asks_details.get().then(|| view! {
                    <label class="field">
                        <span>{label}</span>
                        <textarea rows="2" maxlength="500" prop:value=details_text
                            on:input=move |e| set(Some(AnswerValue::Yes { details: event_target_value(&e) }))></textarea>
                    </label>
                }))}
            })
        }
        QuestionKind::Choice { options, multiple } => {
            let chosen = move |option: &str| match current() {
                Some(AnswerValue::Choices(ids)) => ids.iter().any(|i| i == option),
                _ => false,
            };
            EitherOf3::B(view! {
                <div class="choices">
                    {options.iter().map(|option| {
                        let value = option.id;
                        view! {
                            <label class="check">
                                <input type=if multiple { "checkbox" } else { "radio" } name=format!("q-{id}") value=value
                                    prop:checked=move || chosen(value)
                                    on:change=move |e| {
                                        let on = event_target_checked(&e);
                                        let mut ids = match current() {
                                            Some(AnswerValue::Choices(ids)) if multiple => ids,
                                            _ => Vec::new(),
                                        };
                                        ids.retain(|i| i != value);
                                        if on {
                                            ids.push(value.to_owned());
                                        }
                                        set((!ids.is_empty()).then_some(AnswerValue::Choices(ids)));
                                    }/>
                                <span>{option.label}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            })
        }
        QuestionKind::Text { max_chars } => EitherOf3::C(view! {
            <textarea rows="3" maxlength=max_chars.to_string() aria-label=question.text
                prop:value=move || match current() { Some(AnswerValue::Text(t)) => t, _ => String::new() }
                on:input=move |e| {
                    let text = event_target_value(&e);
                    set((!text.trim().is_empty()).then_some(AnswerValue::Text(text)));
                }></textarea>
        }),
    };
    view! {
        <fieldset class=move || if flagged.with(|f| f.contains(&id)) { "question question--flagged" } else { "question" }>
            <legend>{question.text}{(!question.required).then(|| view! { <span class="question__optional">{move || format!(" ({})", i18n.t().flow_optional)}</span> })}</legend>
            {question.hint.map(|hint| view! { <p class="question__hint">{hint}</p> })}
            {input}
        </fieldset>
    }
}
