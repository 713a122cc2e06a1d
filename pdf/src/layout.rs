//! From the input to positioned lines on A4 pages: a cursor moving down the page, greedy line
//! breaking (text.rs) and a new page whenever the next line would not fit. Kept apart from
//! the PDF writing so the tests can look at the lines directly.

use crate::input::{ConsentPdfInput, Entry, Section};
use crate::text::{Fonts, Weight};

pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
pub(crate) const MARGIN: f32 = 56.0;
/// Room kept at the bottom for the footer line.
const FOOTER: f32 = 36.0;
const CONTENT: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const BODY: f32 = 9.5;
const LEADING: f32 = 1.38;
/// The label column of a field row; the value takes the rest after the gap.
const LABEL_SHARE: f32 = 0.48;
const GAP: f32 = 12.0;
const SIGNATURE_MAX_WIDTH: f32 = 220.0;
const SIGNATURE_MAX_HEIGHT: f32 = 110.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Normal,
    Muted,
    Alert,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// One line of text; `y` is the baseline, from the top of the page.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        tone: Tone,
        text: String,
    },
    /// A thin horizontal line across the content width.
    Rule { y: f32 },
    /// The signature image with its top-left corner at (x, y).
    Signature {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
}

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Page {
    pub ops: Vec<Op>,
}

struct Cursor<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    y: f32,
}

impl Cursor<'_> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a cursor always has a page")
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn room(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN - FOOTER && self.y > MARGIN {
            self.pages.push(Page::default());
            self.y = MARGIN;
        }
    }

    fn line(&mut self, x: f32, size: f32, weight: Weight, tone: Tone, text: String) {
        let y = self.y + size;
        self.page().ops.push(Op::Text {
            x,
            y,
            size,
            weight,
            tone,
            text,
        });
    }

    /// A paragraph over `width` points from `x`, line by line (so it may continue overleaf).
    fn paragraph(&mut self, x: f32, width: f32, size: f32, weight: Weight, tone: Tone, text: &str) {
        for line in self.fonts.wrap(weight, size, width, text) {
            self.room(size * LEADING);
            self.line(x, size, weight, tone, line);
            self.y += size * LEADING;
        }
    }

    fn heading(&mut self, text: &str) {
        let size = 12.5;
        self.y += 12.0;
        // Keep a heading with at least two lines of what follows.
        self.room(size * LEADING + 2.0 * BODY * LEADING + 4.0);
        self.paragraph(MARGIN, CONTENT, size, Weight::Bold, Tone::Normal, text);
        self.y += 3.0;
    }

    fn field(&mut self, size: f32, label: &str, value: &str, flagged: bool) {
        let label_width = CONTENT * LABEL_SHARE;
        let value_x = MARGIN + label_width + GAP;
        let value_width = CONTENT - label_width - GAP;
        let tone = if flagged { Tone::Alert } else { Tone::Normal };
        let labels = self.fonts.wrap(Weight::Regular, size, label_width, label);
        let values: Vec<String> = value
            .split('\n')
            .flat_map(|p| self.fonts.wrap(Weight::Bold, size, value_width, p))
            .collect();
        for i in 0..labels.len().max(values.len()) {
            self.room(size * LEADING);
            if let Some(l) = labels.get(i) {
                self.line(MARGIN, size, Weight::Regular, tone, l.clone());
            }
            if let Some(v) = values.get(i) {
                self.line(value_x, size, Weight::Bold, tone, v.clone());
            }
            self.y += size * LEADING;
        }
        self.y += 2.5;
    }

    fn section(&mut self, section: &Section, size: f32) {
        self.heading(&section.heading);
        for entry in &section.entries {
            match entry {
                Entry::Field {
                    label,
                    value,
                    flagged,
                } => self.field(size, label, value, *flagged),
                Entry::Subheading(text) => {
                    self.y += 4.0;
                    self.room(2.0 * size * LEADING);
                    self.paragraph(
                        MARGIN,
                        CONTENT,
                        size + 0.5,
                        Weight::Bold,
                        Tone::Normal,
                        text,
                    );
                }
                Entry::Text(text) => {
                    for p in text.split('\n').filter(|p| !p.trim().is_empty()) {
                        self.paragraph(MARGIN, CONTENT, size, Weight::Regular, Tone::Normal, p);
                        self.y += 3.0;
                    }
                }
            }
        }
    }
}

/// The signature's size on the page: the canvas' aspect ratio within the maximum box.
fn signature_box(width: u32, height: u32) -> (f32, f32) {
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (width.max(1) as f32, height.max(1) as f32);
    let scale = (SIGNATURE_MAX_WIDTH / w).min(SIGNATURE_MAX_HEIGHT / h);
    (w * scale, h * scale)
}

pub(crate) fn lay_out(input: &ConsentPdfInput, fonts: &Fonts) -> Vec<Page> {
    let mut c = Cursor {
        fonts,
        pages: vec![Page::default()],
        y: MARGIN,
    };
    c.paragraph(
        MARGIN,
        CONTENT,
        10.0,
        Weight::Bold,
        Tone::Muted,
        &input.practice_name,
    );
    c.y += 6.0;
    c.paragraph(
        MARGIN,
        CONTENT,
        17.0,
        Weight::Bold,
        Tone::Normal,
        &input.title,
    );
    c.y += 2.0;
    c.paragraph(
        MARGIN,
        CONTENT,
        10.0,
        Weight::Regular,
        Tone::Muted,
        &input.subtitle,
    );
    c.y += 4.0;
    let y = c.y;
    c.page().ops.push(Op::Rule { y });
    for section in &input.sections {
        c.section(section, BODY);
    }
    if let Some(s) = &input.signature {
        let (width, height) = signature_box(s.width, s.height);
        c.y += 12.0;
        c.room(12.5 * LEADING + 3.0 + height + 6.0 + BODY * LEADING);
        c.paragraph(
            MARGIN,
            CONTENT,
            12.5,
            Weight::Bold,
            Tone::Normal,
            &s.heading,
        );
        c.y += 3.0;
        let y = c.y;
        c.page().ops.push(Op::Signature {
            x: MARGIN,
            y,
            width,
            height,
        });
        c.y += height + 2.0;
        let y = c.y;
        c.page().ops.push(Op::Rule { y });
        c.y += 4.0;
        c.paragraph(
            MARGIN,
            CONTENT,
            BODY,
            Weight::Regular,
            Tone::Muted,
            &s.caption,
        );
    }
    c.section(&input.evidence, 8.0);
    c.pages
}

/// The footer of page `n` (from 1) of `total`.
pub(crate) fn footer(input: &ConsentPdfInput, n: usize, total: usize) -> String {
    format!(
        "{} · {} · {} {n} / {total}",
        input.practice_name, input.title, input.page_label
    )
}

pub(crate) const FOOTER_Y: f32 = PAGE_HEIGHT - MARGIN + 8.0;
pub(crate) const FOOTER_SIZE: f32 = 7.5;
pub(crate) const LEFT: f32 = MARGIN;
pub(crate) const WIDTH: f32 = CONTENT;
