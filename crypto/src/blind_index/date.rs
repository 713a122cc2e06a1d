//! A validated calendar date for the blind index, always written `YYYY-MM-DD` (ISO 8601, no
//! time, no zone), so the same birthday gives the same index on every device.

use super::BlindIndexError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BirthDate {
    year: u16,
    month: u8,
    day: u8,
}

impl BirthDate {
    /// Years 1000–9999; month and day must exist (leap years included).
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, BlindIndexError> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(BlindIndexError::InvalidDate),
        };
        if !(1000..=9999).contains(&year) || day == 0 || day > days {
            return Err(BlindIndexError::InvalidDate);
        }
        Ok(Self { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, what a date picker produces).
    pub fn parse_iso(input: &str) -> Result<Self, BlindIndexError> {
        let bytes = input.as_bytes();
        let ok_shape = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !ok_shape {
            return Err(BlindIndexError::InvalidDate);
        }
        let number =
            |range: core::ops::Range<usize>| input.get(range).and_then(|s| s.parse::<u16>().ok());
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(BlindIndexError::InvalidDate);
        };
        Self::new(
            year,
            u8::try_from(month).map_err(|_| BlindIndexError::InvalidDate)?,
            u8::try_from(day).map_err(|_| BlindIndexError::InvalidDate)?,
        )
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
