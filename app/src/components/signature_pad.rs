//! The handwritten signature: a canvas drawn on with a finger, pen or mouse (pointer events,
//! so one code path for all three). Keeps the strokes (evidence of how it was drawn) and hands
//! out a PNG of what it looks like.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::consents::Signature;

/// Canvas size in pixels; CSS scales it to the screen width, pointer positions are mapped back.
const WIDTH: u32 = 600;
const HEIGHT: u32 = 220;

#[component]
pub fn SignaturePad(
    /// The finished signature, or `None` while empty.
    signature: RwSignal<Option<Signature>>,
    label: Signal<String>,
    clear_label: Signal<String>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Strokes as drawn: [x, y, ms since the first touch].
    let strokes = StoredValue::new(Vec::<Vec<[i32; 3]>>::new());
    let drawing = StoredValue::new(false);
    let started = StoredValue::new(None::<f64>);

    let point = move |event: &leptos::ev::PointerEvent| -> Option<[i32; 3]> {
        let element = canvas.get_untracked()?;
        let (x, y) = pad::position(&element, event)?;
        let now = event.time_stamp();
        let first = started.get_value().unwrap_or_else(|| {
            started.set_value(Some(now));
            now
        });
        #[allow(clippy::cast_possible_truncation)]
        Some([x, y, (now - first).round() as i32])
    };
    let down = move |event: leptos::ev::PointerEvent| {
        event.prevent_default();
        let Some(p) = point(&event) else { return };
        drawing.set_value(true);
        strokes.update_value(|s| s.push(vec![p]));
        if let Some(element) = canvas.get_untracked() {
            pad::capture(&element, &event);
            pad::dot(&element, p);
        }
    };
    let moved = move |event: leptos::ev::PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        event.prevent_default();
        let Some(p) = point(&event) else { return };
        let last = strokes.with_value(|s| s.last().and_then(|stroke| stroke.last().copied()));
        strokes.update_value(|s| {
            if let Some(stroke) = s.last_mut() {
                stroke.push(p);
            }
        });
        if let (Some(element), Some(from)) = (canvas.get_untracked(), last) {
            pad::line(&element, from, p);
        }
    };
    let up = move |_event: leptos::ev::PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        drawing.set_value(false);
        let Some(element) = canvas.get_untracked() else {
            return;
        };
        let drawn = strokes.get_value();
        // A tap or two is not a signature.
        let points: usize = drawn.iter().map(Vec::len).sum();
        if points < 5 {
            return;
        }
        if let Some(png) = pad::png(&element) {
            signature.set(Some(Signature {
                png_data_url: png,
                width: WIDTH,
                height: HEIGHT,
                strokes: drawn,
            }));
        }
    };
    let clear = move |_| {
        strokes.set_value(Vec::new());
        started.set_value(None);
        signature.set(None);
        if let Some(element) = canvas.get_untracked() {
            pad::clear(&element);
        }
    };
    view! {
        <div class="signature-pad">
            <canvas node_ref=canvas width=WIDTH height=HEIGHT class="signature-pad__canvas"
                role="img" aria-label=move || label.get() data-testid="signature-pad"
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up
                on:pointerleave=up></canvas>
            <button type="button" class="button button--secondary" on:click=clear>{move || clear_label.get()}</button>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod pad {
    use leptos::wasm_bindgen::JsCast as _;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

    use super::{HEIGHT, WIDTH};

    fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        context.set_line_width(2.5);
        context.set_line_cap("round");
        context.set_line_join("round");
        context.set_stroke_style_str("#1d2b28");
        context.set_fill_style_str("#1d2b28");
        Some(context)
    }

    /// The pointer's position in canvas pixels (the canvas is scaled by CSS).
    pub fn position(
        canvas: &HtmlCanvasElement,
        event: &web_sys::PointerEvent,
    ) -> Option<(i32, i32)> {
        let rect = canvas.get_bounding_client_rect();
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return None;
        }
        let x = (f64::from(event.client_x()) - rect.left()) * f64::from(WIDTH) / rect.width();
        let y = (f64::from(event.client_y()) - rect.top()) * f64::from(HEIGHT) / rect.height();
        #[allow(clippy::cast_possible_truncation)]
        Some((x.round() as i32, y.round() as i32))
    }

    /// Keeps the strokes coming when the finger leaves the canvas for a moment.
    pub fn capture(canvas: &HtmlCanvasElement, event: &web_sys::PointerEvent) {
        let _ = canvas.set_pointer_capture(event.pointer_id());
    }

    pub fn dot(canvas: &HtmlCanvasElement, [x, y, _]: [i32; 3]) {
        if let Some(c) = context(canvas) {
            c.begin_path();
            let _ = c.arc(f64::from(x), f64::from(y), 1.3, 0.0, std::f64::consts::TAU);
            c.fill();
        }
    }

    pub fn line(canvas: &HtmlCanvasElement, [x0, y0, _]: [i32; 3], [x1, y1, _]: [i32; 3]) {
        if let Some(c) = context(canvas) {
            c.begin_path();
            c.move_to(f64::from(x0), f64::from(y0));
            c.line_to(f64::from(x1), f64::from(y1));
            c.stroke();
        }
    }

    pub fn clear(canvas: &HtmlCanvasElement) {
        if let Some(c) = context(canvas) {
            c.clear_rect(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT));
        }
    }

    pub fn png(canvas: &HtmlCanvasElement) -> Option<String> {
        canvas
            .to_data_url_with_type("image/png")
            .ok()
            .filter(|url| url.starts_with("data:image/png;base64,"))
    }
}

/// On the server nothing is drawn: the pad only works once the page runs in the browser.
#[cfg(not(feature = "hydrate"))]
mod pad {
    type Element = leptos::web_sys::HtmlCanvasElement;

    pub fn position(_: &Element, _: &leptos::ev::PointerEvent) -> Option<(i32, i32)> {
        None
    }
    pub fn capture(_: &Element, _: &leptos::ev::PointerEvent) {}
    pub fn dot(_: &Element, _: [i32; 3]) {}
    pub fn line(_: &Element, _: [i32; 3], _: [i32; 3]) {}
    pub fn clear(_: &Element) {}
    pub fn png(_: &Element) -> Option<String> {
        None
    }
}
