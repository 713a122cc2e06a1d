//! Writes laid-out pages as a PDF/A-2b document with krilla: the fonts embedded as subsets of
//! the glyphs used, the signature as an image with its transparency, document metadata.

use base64::Engine as _;
use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};

use crate::input::ConsentPdfInput;
use crate::layout::{self, Op, Page, Tone};
use crate::text::{Fonts, Weight};
use crate::PdfError;

/// Decodes the signature pad's `data:image/png;base64,…` and checks that it is a PNG.
pub(crate) fn signature_png(data_url: &str) -> Result<Image, PdfError> {
    let b64 = data_url
        .strip_prefix("data:image/png;base64,")
        .ok_or(PdfError::Signature)?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| PdfError::Signature)?;
    Image::from_png(bytes.into(), false).map_err(|_| PdfError::Signature)
}

/// `2026-03-01T09:30:00.000Z` (what `Date.toISOString()` gives) as a PDF date in UTC.
pub(crate) fn pdf_date(text: &str) -> Result<DateTime, PdfError> {
    let number = |range: std::ops::Range<usize>| -> Result<u16, PdfError> {
        text.get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
            .ok_or(PdfError::Date)
    };
    let small = |range| number(range).and_then(|n| u8::try_from(n).map_err(|_| PdfError::Date));
    let shape = text.as_bytes();
    let shaped = shape.len() >= 20
        && shape[4] == b'-'
        && shape[7] == b'-'
        && shape[10] == b'T'
        && shape[13] == b':'
        && shape[16] == b':'
        && text.ends_with('Z');
    if !shaped {
        return Err(PdfError::Date);
    }
    let (month, day, hour, minute, second) = (
        small(5..7)?,
        small(8..10)?,
        small(11..13)?,
        small(14..16)?,
        small(17..19)?,
    );
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return Err(PdfError::Date);
    }
    Ok(DateTime::new(number(0..4)?)
        .month(month)
        .day(day)
        .hour(hour)
        .minute(minute)
        .second(second)
        .utc_offset_hour(0)
        .utc_offset_minute(0))
}

fn fill(tone: Tone) -> Fill {
    let color = match tone {
        Tone::Normal => rgb::Color::new(20, 24, 28),
        Tone::Muted => rgb::Color::new(85, 92, 99),
        Tone::Alert => rgb::Color::new(170, 20, 20),
    };
    Fill {
        paint: color.into(),
        ..Fill::default()
    }
}

fn rule(surface: &mut Surface<'_>, y: f32) {
    let Some(rect) = Rect::from_xywh(layout::LEFT, y, layout::WIDTH, 0.6) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(Tone::Muted)));
        surface.draw_path(&path);
    }
}

/// Where and how one line is drawn.
struct Pen {
    x: f32,
    y: f32,
    size: f32,
    weight: Weight,
    tone: Tone,
}

fn text(surface: &mut Surface<'_>, fonts: &Fonts, pen: &Pen, line: &str) {
    surface.set_fill(Some(fill(pen.tone)));
    let at = Point::from_xy(pen.x, pen.y);
    surface.draw_text(
        at,
        fonts.pdf_font(pen.weight),
        pen.size,
        line,
        false,
        TextDirection::Auto,
    );
}

fn draw_page(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    page: &Page,
    signature: Option<&Image>,
    footer: &str,
) {
    for op in &page.ops {
        match op {
            Op::Text {
                x,
                y,
                size,
                weight,
                tone,
                text: line,
            } => {
                let pen = Pen {
                    x: *x,
                    y: *y,
                    size: *size,
                    weight: *weight,
                    tone: *tone,
                };
                text(surface, fonts, &pen, line);
            }
            Op::Rule { y } => rule(surface, *y),
            Op::Signature {
                x,
                y,
                width,
                height,
            } => {
                if let (Some(image), Some(size)) = (signature, Size::from_wh(*width, *height)) {
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    surface.draw_image(image.clone(), size);
                    surface.pop();
                }
            }
        }
    }
    let size = layout::FOOTER_SIZE;
    let line = fonts
        .wrap(Weight::Regular, size, layout::WIDTH, footer)
        .swap_remove(0);
    let pen = Pen {
        x: layout::LEFT,
        y: layout::FOOTER_Y,
        size,
        weight: Weight::Regular,
        tone: Tone::Muted,
    };
    text(surface, fonts, &pen, &line);
}

pub(crate) fn write(
    input: &ConsentPdfInput,
    fonts: &Fonts,
    pages: &[Page],
    signature: Option<Image>,
) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: false,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        Metadata::new()
            .title(input.title.clone())
            .authors(vec![input.practice_name.clone()])
            .creator("Derma Consent".to_owned())
            .language(input.language.clone())
            .creation_date(pdf_date(&input.created_at)?),
    );
    let settings = PageSettings::from_wh(layout::PAGE_WIDTH, layout::PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("page size".to_owned()))?;
    for (i, page) in pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        let footer = layout::footer(input, i + 1, pages.len());
        draw_page(&mut surface, fonts, page, signature.as_ref(), &footer);
        surface.finish();
        pdf_page.finish();
    }
    // The image is decoded only now: a PNG that starts well but is cut off fails here.
    document.finish().map_err(|e| match e {
        KrillaError::Image(..) | KrillaError::SixteenBitImage(..) => PdfError::Signature,
        e => PdfError::Write(format!("{e:?}")),
    })
}
