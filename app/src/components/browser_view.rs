//! Content that only the browser can render, built there and never hydrated.
//!
//! The patient pages carry their link token in the URL fragment, which never reaches the
//! server, so the server renders a frame and the browser renders what the token opens (the
//! consent form, or a notice about a closed link). Such content is never hydrated, yet as a
//! branch of a hydrated view tachys would still link hydration code (`hydrate` and
//! `hydrate_async`) for every one of its view types — about a fifth of the patient bundle.
//! Built here with `build` and mounted into a host element, it carries only the code it runs.
//! Inside, branches use `Either*` rather than `into_any()` and `Show`, which would link the
//! hydration code again (docs/architecture.md, "Bundles").

use leptos::html::Div;
use leptos::prelude::*;

/// Mounts `render(value)` into `host` (a `<div class="browser-view">`, laid out as if it were
/// not there) whenever `source` yields a value, replacing what it mounted before. The server
/// and the hydration pass leave the host empty.
pub fn mount_in_browser<T, V>(
    host: NodeRef<Div>,
    source: impl Fn() -> Option<T> + 'static,
    render: impl Fn(T) -> V + 'static,
) where
    T: 'static,
    V: IntoView + 'static,
{
    #[cfg(feature = "hydrate")]
    {
        use leptos::tachys::view::{Mountable, Render};

        /// The mounted view and the reactive owner of everything it created.
        struct Mounted<S: Mountable> {
            state: S,
            owner: Owner,
        }
        impl<S: Mountable> Drop for Mounted<S> {
            fn drop(&mut self) {
                self.state.unmount();
                // Not only when the last handle goes: the content's effects end with it.
                self.owner.cleanup();
            }
        }

        // Children of the page's owner, so contexts (language, router) reach the content and
        // it is cleaned up with the page.
        let page = Owner::current();
        let mounted = StoredValue::new_local(None);
        Effect::new(move |_| {
            let value = source();
            let Some(host) = host.get() else { return };
            mounted.set_value(None);
            let Some(value) = value else { return };
            let owner = page
                .as_ref()
                .map_or_else(Owner::new, |page| page.with(Owner::new));
            // Untracked: signals read while building belong to the content's own effects,
            // not to this one (which would rebuild the whole content on every change).
            let state = owner.with(|| {
                untrack(|| {
                    let mut state = render(value).into_view().build();
                    state.mount(&host, None);
                    state
                })
            });
            mounted.set_value(Some(Mounted { state, owner }));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (host, source, render);
}
