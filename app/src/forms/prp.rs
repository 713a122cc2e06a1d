//! Platelet-rich plasma from the patient's own blood, for skin and scalp. The questions add
//! what makes the blood unsuitable or the draw unsafe: blood and clotting disorders, platelet
//! inhibitors including NSAIDs (flagged here, unlike elsewhere, because they blunt the
//! platelets the treatment relies on), recent cortisone, infection or fever, cancer, and a
//! tendency to faint at a blood draw. The text is frank that the evidence is best for hair loss
//! and still limited for skin rejuvenation (§630e: prospects of success).

mod de;
mod en;

pub(super) use de::FORM as DE;
pub(super) use en::FORM as EN;
