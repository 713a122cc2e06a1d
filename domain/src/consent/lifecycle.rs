//! The consent status machine of DESIGN §5, in one place: every layer (server functions, the
//! expiry job, the payment webhook) asks [`ConsentStatus::after`] and stores only what it
//! answers.
//!
//! ```text
//! PENDING ──answers saved──► FILLED ──signed──► SIGNED ──paid (fee)──► PAID
//!    │  └────────────signed──────────────────────┘  └─countersigned (no fee)─┐   │
//!    │                                                                        ▼   ▼
//!    ├─ expired (PENDING/FILLED, at expiry) ─► EXPIRED            COMPLETED ◄─countersigned
//!    └─ revoked (any non-terminal state)   ─► REVOKED
//! ```
//!
//! A signed consent (SIGNED, PAID, COMPLETED) is immutable: its answers and signature never
//! change; corrections are new consents that keep the original visible (BGB §630f).

use super::ConsentStatus;

/// Something that happens to a consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentEvent {
    /// The patient's answers were saved before the signature.
    AnswersSaved,
    /// A signed submission arrived.
    Signed,
    /// The fee was paid (a verified payment webhook).
    Paid,
    /// The physician recorded the explanation and countersigned.
    Countersigned,
    /// The link reached its expiry unused (the scheduled job).
    Expired,
    /// The patient withdrew (their withdrawal link) or staff revoked it.
    Revoked,
}

impl ConsentEvent {
    pub const ALL: &'static [Self] = &[
        Self::AnswersSaved,
        Self::Signed,
        Self::Paid,
        Self::Countersigned,
        Self::Expired,
        Self::Revoked,
    ];
}

/// Whether the consent asks for a fee (decides between SIGNED → PAID and SIGNED → COMPLETED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fee {
    None,
    Due,
}

/// A transition the machine does not allow, with both ends named for the message and log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a consent in status {from} cannot take the event {event:?}")]
pub struct TransitionRefused {
    pub from: ConsentStatus,
    pub event: ConsentEvent,
}

impl ConsentStatus {
    /// No event changes it any more.
    pub const fn is_terminal(self) -> bool {
        matches!(self, Self::Completed | Self::Expired | Self::Revoked)
    }

    /// Carries a signature; its content is immutable.
    pub const fn is_signed(self) -> bool {
        matches!(self, Self::Signed | Self::Paid | Self::Completed)
    }

    /// The patient may still answer and sign through the link.
    pub const fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::Filled)
    }

    /// The status after `event`, or why it cannot happen now.
    pub const fn after(self, event: ConsentEvent, fee: Fee) -> Result<Self, TransitionRefused> {
        use ConsentEvent as E;
        use ConsentStatus as S;
        let next = match (self, event, fee) {
            (S::Pending | S::Filled, E::AnswersSaved, _) => S::Filled,
            (S::Pending | S::Filled, E::Signed, _) => S::Signed,
            (S::Signed, E::Paid, Fee::Due) => S::Paid,
            (S::Signed, E::Countersigned, Fee::None) | (S::Paid, E::Countersigned, _) => {
                S::Completed
            }
            (S::Pending | S::Filled, E::Expired, _) => S::Expired,
            (S::Pending | S::Filled | S::Signed | S::Paid, E::Revoked, _) => S::Revoked,
            _ => return Err(TransitionRefused { from: self, event }),
        };
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, VecDeque};
    use ConsentEvent as E;
    use ConsentStatus as S;

    /// The whole machine written out by hand, independently of `after`: (from, event, fee) → to.
    /// Every combination not listed here must be refused.
    const ALLOWED: &[(S, E, Fee, S)] = &[
        (S::Pending, E::AnswersSaved, Fee::None, S::Filled),
        (S::Pending, E::AnswersSaved, Fee::Due, S::Filled),
        (S::Filled, E::AnswersSaved, Fee::None, S::Filled),
        (S::Filled, E::AnswersSaved, Fee::Due, S::Filled),
        (S::Pending, E::Signed, Fee::None, S::Signed),
        (S::Pending, E::Signed, Fee::Due, S::Signed),
        (S::Filled, E::Signed, Fee::None, S::Signed),
        (S::Filled, E::Signed, Fee::Due, S::Signed),
        (S::Signed, E::Paid, Fee::Due, S::Paid),
        (S::Signed, E::Countersigned, Fee::None, S::Completed),
        (S::Paid, E::Countersigned, Fee::Due, S::Completed),
        (S::Paid, E::Countersigned, Fee::None, S::Completed),
        (S::Pending, E::Expired, Fee::None, S::Expired),
        (S::Pending, E::Expired, Fee::Due, S::Expired),
        (S::Filled, E::Expired, Fee::None, S::Expired),
        (S::Filled, E::Expired, Fee::Due, S::Expired),
        (S::Pending, E::Revoked, Fee::None, S::Revoked),
        (S::Pending, E::Revoked, Fee::Due, S::Revoked),
        (S::Filled, E::Revoked, Fee::None, S::Revoked),
        (S::Filled, E::Revoked, Fee::Due, S::Revoked),
        (S::Signed, E::Revoked, Fee::None, S::Revoked),
        (S::Signed, E::Revoked, Fee::Due, S::Revoked),
        (S::Paid, E::Revoked, Fee::None, S::Revoked),
        (S::Paid, E::Revoked, Fee::Due, S::Revoked),
    ];

    #[test]
    fn every_status_event_and_fee_is_answered_as_written_down() {
        let mut checked = 0;
        for &from in S::ALL {
            for &event in E::ALL {
                for fee in [Fee::None, Fee::Due] {
                    let expected = ALLOWED
                        .iter()
                        .find(|(f, e, p, _)| (*f, *e, *p) == (from, event, fee))
                        .map(|(_, _, _, to)| *to);
                    let got = from.after(event, fee);
                    match expected {
                        Some(to) => assert_eq!(got, Ok(to), "{from} {event:?} {fee:?}"),
                        None => assert_eq!(
                            got,
                            Err(TransitionRefused { from, event }),
                            "{from} {event:?} {fee:?} must be refused"
                        ),
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 7 * 6 * 2);
    }

    #[test]
    fn every_status_is_reachable_from_pending() {
        let mut seen = BTreeSet::from([S::Pending.as_str()]);
        let mut queue = VecDeque::from([S::Pending]);
        while let Some(status) = queue.pop_front() {
            for &event in E::ALL {
                for fee in [Fee::None, Fee::Due] {
                    if let Ok(next) = status.after(event, fee) {
                        if seen.insert(next.as_str()) {
                            queue.push_back(next);
                        }
                    }
                }
            }
        }
        assert_eq!(seen.len(), S::ALL.len(), "reached: {seen:?}");
    }

    #[test]
    fn terminal_states_take_no_event_and_signed_content_never_reopens() {
        for &status in S::ALL {
            for &event in E::ALL {
                for fee in [Fee::None, Fee::Due] {
                    let next = status.after(event, fee);
                    if status.is_terminal() {
                        assert!(next.is_err(), "{status} {event:?}");
                    }
                    if status.is_signed() {
                        assert!(
                            next.is_err() || next.is_ok_and(|n| !n.is_open()),
                            "a signed consent never becomes answerable again: {status} {event:?}"
                        );
                    }
                }
            }
        }
        assert!(S::Pending.is_open() && S::Filled.is_open());
        assert!(!S::Signed.is_open() && !S::Expired.is_open());
    }

    #[test]
    fn a_fee_consent_waits_in_signed_until_paid() {
        assert!(S::Signed.after(E::Countersigned, Fee::Due).is_err());
        assert!(S::Signed.after(E::Paid, Fee::None).is_err());
        assert_eq!(S::Signed.after(E::Paid, Fee::Due), Ok(S::Paid));
    }
}
