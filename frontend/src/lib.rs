//! Browser entry point: hydrates the HTML the server rendered.
// Release builds type the whole view tree (no `erase_components` as in debug builds); the
// deepest pages exceed rustc's default query depth of 128.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
