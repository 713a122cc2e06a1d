//! Browser entry point of the patient pages: hydrates the HTML the server rendered with
//! [`app::PatientApp`]. Only what that app reaches is linked, so the staff area, the vault and
//! the password key derivation stay out of the bundle a patient's phone downloads.
// Release builds type the whole view tree (see frontend/src/lib.rs).
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::PatientApp);
}
