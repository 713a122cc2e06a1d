use base64::Engine as _;

use super::*;
use crate::layout::{lay_out, Op, PAGE_HEIGHT};
use crate::text::{Fonts, Weight};

const SIGNATURE_PNG: &[u8] = include_bytes!("../testdata/signature.png");

fn png_data_url(bytes: &[u8]) -> String {
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The shared fixture (also what the app's mirror type must serialise to).
fn sample() -> ConsentPdfInput {
    let json =
        include_str!("../testdata/input.json").replace("SIGNATURE", &png_data_url(SIGNATURE_PNG));
    serde_json::from_str(&json).expect("fixture parses")
}

/// The text of a PDF as poppler extracts it; `None` where pdftotext is not installed
/// (scripts/setup installs it when it can; the layout tests below need nothing).
fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("pdf-test-{}-{}", std::process::id(), pdf.len()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join("c.pdf");
    std::fs::write(&file, pdf).ok()?;
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    let _ = std::fs::remove_dir_all(&dir);
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn all_text(pages: &[layout::Page]) -> String {
    pages
        .iter()
        .flat_map(|p| &p.ops)
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn writes_a_pdf_a_with_the_answers_umlauts_and_euro_sign() {
    let pdf = consent_pdf(&sample()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("pdfaid:part>2<") || raw.contains("pdfaid:part=\"2\""),
        "PDF/A-2 metadata"
    );
    assert!(
        pdf.len() < 80_000,
        "subset fonts keep it small: {} bytes",
        pdf.len()
    );
    if let Some(text) = pdftotext(&pdf) {
        for expected in [
            "Zwetschgenbaum, Quirinella",
            "Hautarztpraxis Dr. Müller & Söhne",
            "Persönliche Angaben",
            "250,00 €",
            "„täglich“",
            "3–5 Tagen",
            "botox-de-2026-01",
            "Seite 1 / 1",
        ] {
            assert!(text.contains(expected), "{expected:?} missing in\n{text}");
        }
    }
}

#[test]
fn the_json_entry_point_makes_the_same_document_shape() {
    let json = serde_json::to_string(&sample()).expect("json");
    let pdf = consent_pdf_from_json(&json).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(matches!(
        consent_pdf_from_json("{\"title\": 3}"),
        Err(PdfError::Input(_))
    ));
}

#[test]
fn long_answers_continue_on_the_next_pages_and_nothing_is_lost() {
    let mut input = sample();
    let long = (0..900)
        .map(|i| format!("Wort{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    input.sections[1].entries.push(Entry::Field {
        label: "Weitere Angaben".to_owned(),
        value: long.clone(),
        flagged: false,
    });
    let fonts = Fonts::load();
    let pages = lay_out(&input, &fonts);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for op in pages.iter().flat_map(|p| &p.ops) {
        if let Op::Text { y, .. } = op {
            assert!(*y > 0.0 && *y < PAGE_HEIGHT - layout::MARGIN, "line at {y}");
        }
    }
    let text = all_text(&pages);
    for i in [0, 450, 899] {
        assert!(text.contains(&format!("Wort{i}")), "Wort{i} lost");
    }
    let pdf = consent_pdf(&input).expect("pdf");
    if let Some(text) = pdftotext(&pdf) {
        assert!(text.contains("Wort899"));
        assert!(text.contains(&format!("Seite 3 / {}", pages.len())));
    }
}

#[test]
fn a_broken_signature_is_refused_with_an_error() {
    for url in [
        "data:image/png;base64,!!!not base64!!!".to_owned(),
        "data:image/jpeg;base64,AAAA".to_owned(),
        "https://example.org/signature.png".to_owned(),
        png_data_url(b"GIF89a not a png at all"),
        png_data_url(&SIGNATURE_PNG[..SIGNATURE_PNG.len() / 2]),
        String::new(),
    ] {
        let mut input = sample();
        if let Some(s) = input.signature.as_mut() {
            s.png_data_url = url.clone();
        }
        assert_eq!(consent_pdf(&input), Err(PdfError::Signature), "{url:?}");
    }
    let mut input = sample();
    input.signature = None;
    assert!(
        consent_pdf(&input).is_ok(),
        "a copy without signature (saved answers)"
    );
}

#[test]
fn the_creation_time_must_be_utc_rfc3339() {
    for bad in [
        "",
        "2026-03-01",
        "2026-13-01T09:31:07.123Z",
        "2026-03-01T09:31:07+01:00",
        "20x6-03-01T09:31:07.123Z",
    ] {
        let mut input = sample();
        input.created_at = bad.to_owned();
        assert_eq!(consent_pdf(&input), Err(PdfError::Date), "{bad:?}");
    }
}

#[test]
fn lines_fit_and_overlong_words_are_cut() {
    let fonts = Fonts::load();
    let text = "Ein sehr langer Satz mit Umlauten wie Größe, Übelkeit und Äußerungen, der umbrechen muss. ".repeat(4);
    let lines = fonts.wrap(Weight::Regular, 10.0, 200.0, &text);
    assert!(lines.len() > 4);
    assert!(lines
        .iter()
        .all(|l| fonts.width(Weight::Regular, 10.0, l) <= 200.0));
    assert_eq!(lines.join(" "), text.trim_end());
    let hash = "3f9a0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f";
    let cut = fonts.wrap(Weight::Bold, 10.0, 120.0, hash);
    assert!(cut.len() > 1);
    assert_eq!(cut.concat(), hash);
    assert_eq!(
        fonts.wrap(Weight::Regular, 10.0, 100.0, ""),
        vec![String::new()]
    );
}

#[test]
fn what_the_font_cannot_draw_becomes_a_question_mark() {
    let fonts = Fonts::load();
    assert_eq!(fonts.drawable("Grüße 😀\tß€„“–"), "Grüße ? ß€„“–");
}

/// `PDF_SAMPLE=/tmp/x.pdf cargo test -p pdf write_sample` writes the fixture's PDF to look at.
#[test]
fn write_sample() {
    if let Some(path) = std::env::var_os("PDF_SAMPLE") {
        std::fs::write(path, consent_pdf(&sample()).expect("pdf")).expect("write");
    }
}
