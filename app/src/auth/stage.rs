//! How far a session has come. A password alone does not open the staff area when the member
//! uses two-factor sign-in (then a code is still needed) or when their practice requires it and
//! they have not set it up yet (then enrolment is all they may do). The server decides this for
//! every request in one place (`auth::require`); the browser only uses it to show the next step.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionStage {
    /// Everything the role allows.
    Complete,
    /// Password accepted; the second factor is still to be given.
    NeedsCode,
    /// The practice requires 2FA and this member has not set it up: only enrolment.
    NeedsEnrolment,
}

impl SessionStage {
    pub const fn of(two_factor_enabled: bool, practice_requires: bool, verified: bool) -> Self {
        match (two_factor_enabled, practice_requires, verified) {
            (false, true, _) => SessionStage::NeedsEnrolment,
            (true, _, false) => SessionStage::NeedsCode,
            (false, false, _) | (true, _, true) => SessionStage::Complete,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SessionStage::{self, Complete, NeedsCode, NeedsEnrolment};

    #[test]
    fn every_combination_has_its_stage() {
        // (2FA enabled, practice requires it, session verified) -> stage
        for (enabled, required, verified, stage) in [
            (false, false, false, Complete),
            (false, true, false, NeedsEnrolment),
            (true, false, false, NeedsCode),
            (true, true, false, NeedsCode),
            (true, false, true, Complete),
            (true, true, true, Complete),
            // 2FA switched off while the practice requires it: back to enrolment at once.
            (false, true, true, NeedsEnrolment),
            (false, false, true, Complete),
        ] {
            assert_eq!(
                SessionStage::of(enabled, required, verified),
                stage,
                "enabled {enabled}, required {required}, verified {verified}"
            );
        }
    }
}
