//! Chemical peels, superficial and medium depth (fruit, salicylic, mandelic acid, TCA). Deep
//! phenol peels are out of scope on purpose: they need heart monitoring and a consent of their
//! own. Beyond the light-related questions shared with laser it asks about retinoid creams,
//! exfoliants and hair removal in the area the week before (they let the acid go deeper) and
//! about salicylate allergy (aspirin), which rules out salicylic acid peels.

mod de;
mod en;

pub(super) use de::FORM as DE;
pub(super) use en::FORM as EN;
