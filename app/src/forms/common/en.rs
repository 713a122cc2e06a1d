//! Shared English texts and questions; ids as in `de`.

use crate::forms::model::{Choice, InfoKind, InfoSection, Question};

pub const INTRO_TALK: &str = "This form does not replace the personal conversation with your \
    doctor. Before the treatment your doctor goes through everything with you and answers your \
    questions. Until the treatment you can withdraw your consent at any time without giving a \
    reason.";

pub const INTRO_ENCRYPTED: &str = "Your answers are encrypted on this device before they are \
    sent. Only the staff of your practice can read them, not the provider of this software.";

pub const INTRO_HONEST: &str = "Please answer as accurately as you can. Some answers matter for \
    your safety; your doctor will then talk them through with you. If you are unsure about a \
    question, say so in the notes field at the end.";

pub const AREAS_HINT: &str = "You can choose more than one. You and your doctor decide on the \
    final areas together.";

pub const ALLERGIES: Question = Question::yes_no(
    "allergies",
    "Do you have any other allergies or intolerances?",
)
.hint(
    "For example to medicines, latex, plasters, disinfectants or foods. Please also tell us if \
     you have ever had a severe allergic reaction (anaphylaxis).",
)
.details("To what, and how did the reaction show?");

pub const MEDICATION: Question = Question::yes_no(
    "medication",
    "Do you take any medicines regularly or at the moment?",
)
.hint(
    "Including the pill and other hormones, herbal remedies and supplements. We ask about \
     blood thinners separately in a moment.",
)
.details("Which medicines, and how often?");

pub const ANTICOAGULANTS: Question = Question::yes_no(
    "anticoagulants",
    "Do you take medicines that thin the blood or prevent blood clots?",
)
.hint(
    "For example aspirin (ASS), clopidogrel, phenprocoumon (Marcumar), apixaban (Eliquis), \
     rivaroxaban (Xarelto), edoxaban, dabigatran or heparin injections. Please do not stop \
     such medicines on your own; your doctor will discuss this with you.",
)
.details("Which medicine, and what for?")
.flag_yes(
    "Anticoagulant/antiplatelet therapy: higher risk of bleeding and bruising. Patient must \
     not stop it unsupervised; agree the approach with the prescriber if needed.",
);

pub const BLEEDING_SUPPLEMENTS: Question = Question::yes_no(
    "bleeding_supplements",
    "In the last seven days, have you taken painkillers such as ibuprofen, diclofenac or \
     naproxen, or fish oil (omega-3), vitamin E, ginkgo or garlic capsules?",
)
.hint("These can make bleeding and bruising more likely.")
.details("Which one, and when did you last take it?");

pub const PREGNANT: Question = Question::yes_no(
    "pregnant",
    "Are you pregnant, could you be pregnant, or are you breast-feeding?",
)
.hint("If this cannot apply to you, choose “No”.")
.flag_yes(
    "Pregnancy/breast-feeding: postpone elective aesthetic treatment (insufficient safety \
     data).",
);

pub const AUTOIMMUNE: Question = Question::yes_no(
    "autoimmune",
    "Do you have an autoimmune disease or a weakened immune system, or do you take medicines \
     that suppress the immune system?",
)
.hint(
    "For example lupus, rheumatoid arthritis, psoriasis, vitiligo, or cortisone tablets, \
     methotrexate or biologics.",
)
.details("Which condition or medicine?");

pub const HERPES: Question = Question::yes_no(
    "herpes",
    "Do you sometimes get cold sores (herpes on the lips)?",
)
.hint(
    "A treatment on the face can trigger an outbreak. Your doctor can recommend a medicine to \
     prevent it.",
)
.details("How often, and when was the last one?")
.flag_yes(
    "History of herpes labialis: reactivation possible, especially perioral; consider \
     antiviral prophylaxis. Do not treat over an active lesion.",
);

pub const KELOIDS: Question = Question::yes_no(
    "keloids",
    "Do you tend to form raised, overgrown scars (keloids or hypertrophic scars)?",
)
.details("Where, and what caused them?")
.flag_yes(
    "Tendency to keloids/hypertrophic scars: higher risk of scarring; review the indication, \
     consider a test area.",
);

pub const ISOTRETINOIN: Question = Question::yes_no(
    "isotretinoin",
    "Have you taken isotretinoin in the last twelve months?",
)
.hint(
    "Isotretinoin is a capsule medicine for severe acne, for example Aknenormin or \
     Isotretinoin-ratiopharm.",
)
.details("Until when did you take it?")
.flag_yes(
    "Isotretinoin within 12 months: risk of impaired wound healing and scarring; check the \
     interval and indication against current guidance.",
);

pub const PHOTOSENSITISING: Question = Question::yes_no(
    "photosensitising",
    "Do you take medicines that can make the skin sensitive to light?",
)
.hint(
    "For example some antibiotics (such as doxycycline), St John's wort, amiodarone or some \
     water tablets. If you are unsure, choose “Yes” and name the medicine.",
)
.details("Which medicine?")
.flag_yes(
    "Photosensitising medication: higher risk of burns and pigment changes; review the drug, \
     postpone if needed.",
);

pub const SUN_TAN: Question = Question::yes_no(
    "sun_tan",
    "In the last four weeks, have you spent a lot of time in the sun or on a sunbed, used \
     self-tanner, or is the skin in the treatment area tanned?",
)
.details("Which, and when was the last time?")
.flag_yes(
    "Recent UV exposure/tan: higher risk of burns and pigment shifts; postpone or adjust \
     parameters.",
);

pub const SKIN_TYPE: Question = Question::choice(
    "skin_type",
    "How does your skin react to the sun?",
    &[
        Choice::new("type1", "Very fair skin: always burns, never tans"),
        Choice::new("type2", "Fair skin: burns easily, tans little"),
        Choice::new("type3", "Medium skin: sometimes burns, tans well"),
        Choice::new("type4", "Light brown skin: rarely burns, tans quickly"),
        Choice::new("type5", "Dark brown skin: very rarely burns"),
        Choice::new("type6", "Very dark skin: almost never burns"),
        Choice::new("unsure", "I don't know"),
    ],
    false,
)
.hint("Your doctor will also assess your skin type.")
.flag_on(
    &["type4", "type5", "type6"],
    "Fitzpatrick IV–VI (self-reported): higher risk of post-inflammatory hyper- and \
     hypopigmentation; adjust parameters, consider a test area.",
);

pub const SKIN_INFECTION: Question = Question::yes_no(
    "skin_infection",
    "In the treatment area, do you currently have any inflammation, infection, open wound, \
     rash or inflamed spots?",
)
.details("What exactly, and since when?")
.flag_yes("Active inflammation/infection in the treatment area: do not treat there until healed.");

pub const RECENT_TREATMENTS: Question = Question::yes_no(
    "recent_treatments",
    "In the last three months, have you had an aesthetic treatment or an operation in the \
     treatment area?",
)
.hint("For example filler, botulinum toxin, laser, a peel, microneedling, threads or surgery.")
.details("What was done, and when?");

pub const PREVIOUS_COMPLICATIONS: Question = Question::yes_no(
    "previous_complications",
    "Have you had complications or long-lasting side effects from an earlier aesthetic \
     treatment?",
)
.details("What happened?")
.flag_yes("Complication after an earlier aesthetic treatment: clarify before treating.");

pub const NOTES: Question = Question::text(
    "notes",
    "Is there anything else you would like to tell your doctor, or do you have questions?",
    1000,
)
.optional();

pub const COSTS: InfoSection = InfoSection {
    kind: InfoKind::Costs,
    heading: "Costs",
    paragraphs: &[
        "Statutory health insurance does not pay for aesthetic treatments that are not medically \
         necessary, and private insurance usually does not either. You pay for the treatment \
         yourself.",
        "The practice tells you the expected cost in writing before the treatment. Doctors in \
         Germany charge according to the official fee scale (GOÄ); purely aesthetic treatments \
         are subject to VAT. If several sessions or a touch-up are usual, please ask about \
         those costs too.",
        "If a complication needs treatment, your health insurer may ask you to pay part of the \
         cost of that treatment.",
    ],
};
