//! The embedded fonts, how wide text is in them, and greedy line breaking.
//!
//! The fonts are DejaVu Sans and DejaVu Sans Bold, subset to Latin-1, Latin Extended-A, €,
//! typographic quotes and dashes (`pdf/fonts/README.md`): the German and English texts need
//! nothing else. A character outside the subset is drawn as `?` rather than as an empty box.

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans-subset.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold-subset.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

struct Face {
    pdf: Font,
    font: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Self {
        // The fonts are part of this crate and checked by the tests: failing here is a
        // build defect, not an input error.
        let font = FontRef::new(data).expect("embedded font parses");
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let pdf = Font::new(data.into(), 0).expect("krilla reads the embedded font");
        Self {
            pdf,
            font,
            metrics,
            units_per_em,
        }
    }

    fn has(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some_and(|g| g.to_u32() != 0)
    }

    /// Width of `text` at 1 pt (kerning ignored: lines keep a little slack).
    fn width(&self, text: &str) -> f32 {
        let charmap = self.font.charmap();
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| self.metrics.advance_width(g))
                    .unwrap_or(self.units_per_em / 2.0)
            })
            .sum::<f32>()
            / self.units_per_em
    }
}

pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub(crate) fn load() -> Self {
        Self {
            regular: Face::load(REGULAR),
            bold: Face::load(BOLD),
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub(crate) fn pdf_font(&self, weight: Weight) -> Font {
        self.face(weight).pdf.clone()
    }

    /// `text` with what the font cannot draw replaced: whitespace by a space, the rest by `?`.
    pub(crate) fn drawable(&self, text: &str) -> String {
        let face = &self.regular;
        text.chars()
            .map(|c| match c {
                '\t' | '\r' | '\n' => ' ',
                c if face.has(c) => c,
                c if c.is_whitespace() => ' ',
                _ => '?',
            })
            .collect()
    }

    pub(crate) fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.face(weight).width(text) * size
    }

    /// Greedy line breaking of one paragraph into lines no wider than `max` points; a word
    /// longer than a line is cut where it overflows. Always at least one line.
    pub(crate) fn wrap(&self, weight: Weight, size: f32, max: f32, paragraph: &str) -> Vec<String> {
        let fits = |s: &str| self.width(weight, size, s) <= max;
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in self
            .drawable(paragraph)
            .split(' ')
            .filter(|w| !w.is_empty())
        {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}
