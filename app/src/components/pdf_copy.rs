//! What goes into the consent PDF (patient's and practice copy), in the form's language: the
//! description the separately loaded `pdf` module lays out (docs/pdf.md). These types mirror
//! `pdf::ConsentPdfInput` field by field so the app does not link the PDF code; the test
//! below feeds the JSON to the real crate.

use serde::Serialize;

use crate::components::consent_flow::money;
use crate::components::consent_questions::answer_text;
use crate::consents::ConsentAnswers;
use crate::forms::ConsentForm;
use crate::i18n::display_date;

#[derive(Debug, Serialize)]
struct PdfInput {
    language: &'static str,
    practice_name: String,
    title: &'static str,
    subtitle: String,
    created_at: String,
    sections: Vec<Section>,
    signature: Option<SignatureInput>,
    evidence: Section,
    page_label: &'static str,
}

#[derive(Debug, Serialize)]
struct Section {
    heading: &'static str,
    entries: Vec<Entry>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
enum Entry {
    Field {
        label: String,
        value: String,
        flagged: bool,
    },
    Subheading(&'static str),
    Text(String),
}

#[derive(Debug, Serialize)]
struct SignatureInput {
    heading: &'static str,
    png_data_url: String,
    width: u32,
    height: u32,
    caption: String,
}

fn field(label: impl Into<String>, value: impl Into<String>) -> Entry {
    Entry::Field {
        label: label.into(),
        value: value.into(),
        flagged: false,
    }
}

/// Whose copy, and the facts around the answers that the page knows.
pub(crate) struct CopyFacts<'a> {
    pub form: &'static ConsentForm,
    pub answers: &'a ConsentAnswers,
    pub practice_name: &'a str,
    /// The practice copy adds the physician's flags.
    pub staff: bool,
    /// RFC 3339 (UTC): when the patient signed.
    pub signed_at: &'a str,
    pub form_hash_hex: &'a str,
    pub submission_id: &'a str,
    /// RFC 3339 (UTC): now.
    pub created_at: &'a str,
}

/// `2026-03-01T09:30:12.000Z` as `01.03.2026, 09:30 UTC` (German) or `2026-03-01, 09:30 UTC`.
fn moment(facts: &CopyFacts<'_>, rfc3339: &str) -> String {
    let date = display_date(facts.form.locale, rfc3339.get(..10).unwrap_or(rfc3339));
    match rfc3339.get(11..16) {
        Some(time) => format!("{date}, {time} UTC"),
        None => date,
    }
}

fn sections(facts: &CopyFacts<'_>) -> Vec<Section> {
    let (form, a) = (facts.form, facts.answers);
    let m = form.locale.messages();
    let p = &a.personal;
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".to_owned());
    let flagged: Vec<&str> = form
        .knockouts(&a.questionnaire)
        .iter()
        .map(|(id, _)| *id)
        .collect();
    let mut out = Vec::new();
    if facts.staff {
        let knockouts = form.knockouts(&a.questionnaire);
        let mut entries: Vec<Entry> = knockouts
            .iter()
            .map(|(_, reason)| Entry::Text((*reason).to_owned()))
            .collect();
        if entries.is_empty() {
            entries.push(Entry::Text(m.review_no_flags.to_owned()));
        }
        if !form.comprehension_passed(&a.comprehension) {
            entries.push(Entry::Text(m.review_comprehension_failed.to_owned()));
        }
        out.push(Section {
            heading: m.review_flags_title,
            entries,
        });
    }
    out.push(Section {
        heading: m.flow_personal_title,
        entries: vec![
            field(
                m.patients_name,
                format!("{}, {}", p.last_name, p.first_name),
            ),
            field(
                m.patient_birth_date,
                display_date(form.locale, &p.birth_date),
            ),
            field(m.patient_email, dash(&p.email)),
            field(m.flow_phone, dash(&p.phone)),
        ],
    });
    out.push(Section {
        heading: m.flow_questions_title,
        entries: form
            .questions
            .iter()
            .map(|q| Entry::Field {
                label: q.text.to_owned(),
                value: answer_text(m, q, a.questionnaire.0.get(q.id)),
                flagged: facts.staff && flagged.contains(&q.id),
            })
            .collect(),
    });
    let mut information: Vec<Entry> = Vec::new();
    for s in form.information {
        information.push(Entry::Subheading(s.heading));
        information.push(Entry::Text(s.paragraphs.join("\n")));
    }
    if let Some(cents) = a.fee_cents_shown.filter(|c| *c > 0) {
        information.push(field(
            m.flow_costs.trim_end_matches(':'),
            money(form.locale, cents),
        ));
    }
    information.push(field(
        m.flow_read_confirm,
        if a.information_read {
            m.flow_yes
        } else {
            m.flow_no
        },
    ));
    out.push(Section {
        heading: m.flow_information_title,
        entries: information,
    });
    out.push(Section {
        heading: m.flow_check_title,
        entries: form
            .comprehension
            .iter()
            .map(|item| {
                let ok = a
                    .comprehension
                    .get(item.id)
                    .is_some_and(|c| c == item.correct);
                field(
                    item.question,
                    if ok { m.review_correct } else { m.review_wrong },
                )
            })
            .collect(),
    });
    out
}

/// The JSON the PDF module takes.
pub(crate) fn copy_json(facts: &CopyFacts<'_>) -> String {
    let form = facts.form;
    let m = form.locale.messages();
    let p = &facts.answers.personal;
    let signed = moment(facts, facts.signed_at);
    let whose = if facts.staff {
        m.pdf_staff_copy
    } else {
        m.pdf_patient_copy
    };
    let input = PdfInput {
        language: form.locale.tag(),
        practice_name: facts.practice_name.to_owned(),
        title: form.title,
        subtitle: format!("{whose} · {} {signed}", m.withdraw_signed_on),
        created_at: facts.created_at.to_owned(),
        sections: sections(facts),
        signature: facts.answers.signature.as_ref().map(|s| SignatureInput {
            heading: m.flow_signature_title,
            png_data_url: s.png_data_url.clone(),
            width: s.width,
            height: s.height,
            caption: format!("{} {} · {signed}", p.first_name, p.last_name),
        }),
        evidence: Section {
            heading: m.review_evidence,
            entries: vec![
                field(m.review_form_version, facts.answers.form_version.clone()),
                field(m.review_form_hash, facts.form_hash_hex),
                field(m.review_submission, facts.submission_id),
                field(m.pdf_signed_at, signed),
            ],
        },
        page_label: m.pdf_page,
    };
    serde_json::to_string(&input).unwrap_or_default()
}

/// `einwilligung-botox-2026-03-01.pdf`.
pub(crate) fn file_name(form: &ConsentForm, created_at: &str) -> String {
    let kind = form.kind.as_str().to_lowercase().replace('_', "-");
    format!(
        "einwilligung-{kind}-{}.pdf",
        created_at.get(..10).unwrap_or("kopie")
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::consents::{PersonalDetails, Signature};
    use crate::forms::{consent_form, QuestionnaireAnswers};
    use crate::i18n::Locale;

    const PNG: &[u8] = include_bytes!("../../../pdf/testdata/signature.png");

    fn answers(form: &ConsentForm) -> ConsentAnswers {
        use base64::Engine as _;
        ConsentAnswers {
            personal: PersonalDetails {
                first_name: "Quirinella".to_owned(),
                last_name: "Zwetschgenbaum".to_owned(),
                birth_date: "1979-05-17".to_owned(),
                email: None,
                phone: Some("+49 170 0000000".to_owned()),
            },
            questionnaire: QuestionnaireAnswers::default(),
            comprehension: BTreeMap::new(),
            information_read: true,
            signature: Some(Signature {
                png_data_url: format!(
                    "data:image/png;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(PNG)
                ),
                width: 240,
                height: 90,
                strokes: vec![],
            }),
            form_version: form.version.to_owned(),
            fee_cents_shown: Some(25_000),
        }
    }

    #[test]
    fn every_form_in_both_languages_makes_a_pdf_in_the_real_module() {
        for kind in domain::ConsentType::ALL {
            for locale in Locale::ALL {
                let form = consent_form(*kind, *locale);
                let a = answers(form);
                for staff in [false, true] {
                    let json = copy_json(&CopyFacts {
                        form,
                        answers: &a,
                        practice_name: "Hautarztpraxis Dr. Müller",
                        staff,
                        signed_at: "2026-03-01T09:30:12.000Z",
                        form_hash_hex: "ab".repeat(32).as_str(),
                        submission_id: "0195c3a2-7f1e-7c3d-9a2b-1c2d3e4f5a6b",
                        created_at: "2026-03-01T09:31:07.123Z",
                    });
                    let pdf = pdf::consent_pdf_from_json(&json)
                        .unwrap_or_else(|e| panic!("{kind:?} {locale:?}: {e}"));
                    assert!(pdf.starts_with(b"%PDF-"));
                }
            }
        }
    }

    #[test]
    fn the_file_is_named_after_the_type_and_day() {
        let form = consent_form(domain::ConsentType::ChemicalPeel, Locale::De);
        assert_eq!(
            file_name(form, "2026-03-01T09:31:07.123Z"),
            "einwilligung-chemical-peel-2026-03-01.pdf"
        );
    }
}
