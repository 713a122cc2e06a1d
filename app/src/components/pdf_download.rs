//! "Kopie als PDF herunterladen": makes the consent PDF in this browser and saves it.
//!
//! The PDF code (crate `pdf/`, with its font) is a separate wasm module under
//! `/pkg/pdf/` built by `scripts/build-pdf`; it is fetched only on the first press, through
//! a dynamic `import()` in the small JS snippet below (allowed by the CSP's `script-src
//! 'self'`; `'wasm-unsafe-eval'` lets it compile). The page's first load does not contain it.
//! On failure the button says so and the print button next to it still works.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
const MODULE = "/pkg/pdf/pdf.js";
const WASM = "/pkg/pdf/pdf_bg.wasm";
let loading;
export function make_pdf(json) {
    if (!loading) {
        loading = import(MODULE).then(async (m) => { await m.default({ module_or_path: WASM }); return m; });
        loading.catch(() => { loading = undefined; });
    }
    return loading.then((m) => m.consent_pdf_json(json));
}
export function save_pdf(bytes, name) {
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
}
"#)]
    extern "C" {
        fn make_pdf(json: &str) -> js_sys::Promise;
        fn save_pdf(bytes: &JsValue, name: &str);
    }

    /// Loads the module if needed, makes the PDF and hands it to the user as a download.
    pub(super) async fn download(json: String, name: String) -> Result<(), ()> {
        let promise = make_pdf(&json);
        let bytes = send_wrapper::SendWrapper::new(wasm_bindgen_futures::JsFuture::from(promise))
            .await
            .map_err(|e| leptos::logging::warn!("consent PDF: {e:?}"))?;
        save_pdf(&bytes, &name);
        Ok(())
    }
}

/// The button; `make` answers the PDF description (JSON) and the file name, or `None` when
/// there is nothing to put in a PDF.
#[component]
pub fn PdfDownload(
    make: impl Fn() -> Option<(String, String)> + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let click = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some((json, name)) = make() else {
            failed.set(true);
            return;
        };
        busy.set(true);
        failed.set(false);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let done = browser::download(json, name).await;
            failed.set(done.is_err());
            busy.set(false);
        });
        #[cfg(not(feature = "hydrate"))]
        drop((json, name));
    };
    view! {
        <button type="button" class="button" data-testid="pdf-download" aria-busy=move || busy.get().to_string()
            disabled=move || busy.get() on:click=click>
            {move || if busy.get() { i18n.t().pdf_busy } else { i18n.t().pdf_download }}
        </button>
        <p class="form-error" role="alert">{move || failed.get().then(|| i18n.t().pdf_failed)}</p>
    }
}
