//! Microneedling, with or without radiofrequency. The needles open the skin, so the questions
//! centre on healing and infection (active acne or infection, isotretinoin, keloids, poor
//! wound healing, anticoagulants) and, for the radiofrequency variant, on pacemakers and metal
//! implants. The text says that only sterile products meant for the purpose go onto the open
//! skin, because non-sterile serums have caused granulomas.

mod de;
mod en;

pub(super) use de::FORM as DE;
pub(super) use en::FORM as EN;
