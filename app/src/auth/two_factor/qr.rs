//! The enrolment QR code: the `otpauth://` URI (Google Authenticator's key URI format, which
//! every common app reads) drawn as one SVG path, made on the server so the browser bundle
//! carries no QR encoder and no external service ever sees the key.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

use super::QrSvg;
use crate::error::AppError;

const ISSUER: &str = "Derma%20Consent";
/// Modules of white border around the code, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// `otpauth://totp/Derma%20Consent:<email>?secret=…&issuer=Derma%20Consent`. SHA-1, six digits
/// and 30 s are the format's defaults and left out, which keeps the QR code less dense.
pub fn otpauth_uri(email: &str, key_base32: &str) -> String {
    format!(
        "otpauth://totp/{ISSUER}:{}?secret={key_base32}&issuer={ISSUER}",
        percent_encoded(email)
    )
}

fn percent_encoded(text: &str) -> String {
    text.bytes().fold(String::new(), |mut out, b| {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
        out
    })
}

/// The key in groups of four characters, easier to type.
pub fn grouped(key: &str) -> String {
    key.as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` as a QR code (error correction M): one path of the dark modules, runs merged.
pub fn svg(text: &str) -> Result<QrSvg, AppError> {
    let code =
        QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|error| {
            tracing::error!(%error, "QR code not made");
            AppError::Internal
        })?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
                let _ = write!(
                    path,
                    "M{},{}h{run}v1h-{run}z",
                    x + QUIET_ZONE,
                    y + QUIET_ZONE
                );
                x += run;
            } else {
                x += 1;
            }
        }
    }
    Ok(QrSvg {
        size: u32::try_from(width + 2 * QUIET_ZONE).map_err(|_| AppError::Internal)?,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_uri_names_issuer_and_account_and_escapes_the_address() {
        assert_eq!(
            otpauth_uri("dr.anna+praxis@haut.example", "GEZDGNBV"),
            "otpauth://totp/Derma%20Consent:dr.anna%2Bpraxis%40haut.example?secret=GEZDGNBV&issuer=Derma%20Consent"
        );
    }

    #[test]
    fn keys_are_grouped_by_four() {
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }

    #[test]
    fn the_code_is_a_square_path_inside_its_quiet_zone() {
        let qr = svg(&otpauth_uri(
            "inhaberin@praxis.example",
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        ))
        .expect("qr");
        // About 110 bytes: version 6 or 7 (41 or 45 modules) plus 8 of quiet zone.
        assert!((49..=53).contains(&qr.size), "{}", qr.size);
        assert!(
            qr.path.starts_with("M4,4h7v1h-7z"),
            "finder pattern first: {}",
            &qr.path[..40]
        );
        assert!(qr
            .path
            .chars()
            .all(|c| c.is_ascii_digit() || "Mhvz,-".contains(c)));
    }
}
