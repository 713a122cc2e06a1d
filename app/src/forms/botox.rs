//! Botulinum toxin for mimic lines (and axillary sweating). Beyond the common questions it asks
//! what makes the toxin act more strongly or wrongly: neuromuscular disease, aminoglycosides,
//! existing swallowing trouble or a drooping lid, and a last dose within three months (short
//! intervals favour neutralising antibodies). The risk text names spread of effect and the
//! emergency signs, which the reference product never showed.

mod de;
mod en;

pub(super) use de::FORM as DE;
pub(super) use en::FORM as EN;
