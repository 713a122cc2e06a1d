//! The browser module's one entry point (scripts/build-pdf runs wasm-bindgen over it).

use wasm_bindgen::prelude::*;

/// Makes the consent PDF from its JSON description; the error is a short English message.
#[wasm_bindgen]
pub fn consent_pdf_json(json: &str) -> Result<Vec<u8>, JsValue> {
    crate::consent_pdf_from_json(json).map_err(|e| JsValue::from_str(&e.to_string()))
}
