//! The consent PDF, made where the plaintext lives: in the patient's or the staff member's
//! browser (DESIGN §5 step 3; STYLE "what the reference product got wrong": no server-side PDF
//! from posted plaintext). A pure function from a plain input to PDF/A-2b bytes; the texts
//! and labels come from the caller in the form's language, so this crate knows nothing of
//! Leptos, forms or translations.
//!
//! Built twice: natively (rlib, for tests) and as its own small browser module (cdylib,
//! `scripts/build-pdf`) that the app loads only when someone asks for a PDF, so neither the
//! PDF code nor the embedded font weighs on the first load of the patient page. docs/pdf.md.

mod input;
mod layout;
mod render;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use input::{ConsentPdfInput, Entry, Section, SignatureInput};

/// Why no PDF was made. Never a panic: the browser shows a plain message and keeps printing.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    #[error("the input is not a consent PDF description: {0}")]
    Input(String),
    #[error("the signature image is not a PNG data URL")]
    Signature,
    #[error("the creation time is not an RFC 3339 UTC time")]
    Date,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// Lays out and writes the consent as a PDF/A-2b document (A4, embedded subset font).
pub fn consent_pdf(input: &ConsentPdfInput) -> Result<Vec<u8>, PdfError> {
    let signature = input
        .signature
        .as_ref()
        .map(|s| render::signature_png(&s.png_data_url))
        .transpose()?;
    let fonts = text::Fonts::load();
    let pages = layout::lay_out(input, &fonts);
    render::write(input, &fonts, &pages, signature)
}

/// The same from JSON (what the browser module receives).
pub fn consent_pdf_from_json(json: &str) -> Result<Vec<u8>, PdfError> {
    let input: ConsentPdfInput =
        serde_json::from_str(json).map_err(|e| PdfError::Input(e.to_string()))?;
    consent_pdf(&input)
}

#[cfg(test)]
mod tests;
