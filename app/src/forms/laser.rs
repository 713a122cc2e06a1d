//! Laser (and similar light) treatments of the skin. One form covers the usual aims (hair,
//! pigment, vessels, resurfacing, tattoos), chosen in the first question, because the
//! contraindications are largely shared: tan and light-sensitising drugs, dark skin types,
//! isotretinoin, keloids, cold sores. Gold therapy is asked separately: even decades later it
//! can leave permanent dark pigment under Q-switched lasers.

mod de;
mod en;

pub(super) use de::FORM as DE;
pub(super) use en::FORM as EN;
