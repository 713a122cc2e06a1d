//! Hyaluronic acid filler. The questions add what raises the risk of infection, nodules or
//! late inflammation at a filled site: permanent filler or implants already there, autoimmune
//! disease, dental work, a recent feverish illness or vaccination, and cold sores for the lips.
//! The allergy question includes bee and wasp venom, because the rescue enzyme hyaluronidase is
//! related to it. The risk text states vascular occlusion with skin necrosis and blindness
//! plainly, with the warning signs, as German case law expects for non-indicated treatments.

mod de;
mod en;

pub(super) use de::FORM as DE;
pub(super) use en::FORM as EN;
