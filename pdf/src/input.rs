//! What the caller hands in: every text already in the form's language. A plain serde struct
//! (the app serialises its own mirror of it as JSON; `tests/fixture.json` pins the shape).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentPdfInput {
    /// BCP 47 tag of the texts (`de`, `en`): the PDF's language.
    pub language: String,
    pub practice_name: String,
    /// The form's title, e.g. "Einwilligung in die Behandlung mit Botulinumtoxin".
    pub title: String,
    /// Under the title: whose copy this is and when it was signed.
    pub subtitle: String,
    /// When the PDF was made, RFC 3339 in UTC (`2026-03-01T09:30:00.000Z`): PDF/A needs it.
    pub created_at: String,
    /// Personal details, questionnaire, costs, information, comprehension … in order.
    pub sections: Vec<Section>,
    pub signature: Option<SignatureInput>,
    /// Form version, form hash, submission id, signed time.
    pub evidence: Section,
    /// Word before the page numbers in the footer ("Seite", "Page").
    pub page_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// A label and its value side by side (a question and its answer); `flagged` marks what
    /// the physician must look at (printed in red).
    Field {
        label: String,
        value: String,
        #[serde(default)]
        flagged: bool,
    },
    /// A subheading inside a section (an information section's title).
    Subheading(String),
    /// Running text; `\n` starts a new paragraph.
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureInput {
    pub heading: String,
    /// `data:image/png;base64,…` as the signature pad made it.
    pub png_data_url: String,
    /// The canvas size in pixels (only the aspect ratio is used).
    pub width: u32,
    pub height: u32,
    /// Under the image, e.g. the patient's name and the time of signing.
    pub caption: String,
}
