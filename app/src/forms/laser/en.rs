use domain::ConsentType;

use crate::forms::common::en as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Laser,
    locale: Locale::En,
    version: "laser-en-2026-12-1",
    title: "Information and consent: laser treatment of the skin",
    minutes: 9,
    intro: &[
        "You would like a laser treatment of your skin. This form prepares your conversation \
         with your doctor: you answer questions about your health and your skin, read how the \
         treatment works, what the risks and alternatives are, and check with three short \
         questions that everything is clear.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "purpose",
            "What should the laser treat?",
            &[
                Choice::new("hair_removal", "Hair removal"),
                Choice::new("pigment", "Pigment spots, age spots"),
                Choice::new("vessels", "Small veins, redness"),
                Choice::new("resurfacing", "Wrinkles, scars, skin texture"),
                Choice::new("tattoo", "Removing a tattoo or permanent make-up"),
                Choice::new("other", "Something else (please name it at the end)"),
            ],
            true,
        )
        .hint("You can choose more than one."),
        Question::choice(
            "areas",
            "Which areas would you like treated?",
            &[
                Choice::new("face", "Face"),
                Choice::new("neck", "Neck"),
                Choice::new("decollete", "Chest (décolleté)"),
                Choice::new("underarms", "Underarms"),
                Choice::new("arms", "Arms"),
                Choice::new("hands", "Hands"),
                Choice::new("back", "Back"),
                Choice::new("bikini", "Bikini line"),
                Choice::new("legs", "Legs"),
                Choice::new("other", "Another area (please name it at the end)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        c::SKIN_TYPE,
        c::SUN_TAN,
        c::PHOTOSENSITISING,
        c::ISOTRETINOIN,
        Question::yes_no(
            "allergy_product",
            "Have you ever had an allergic reaction to a numbing cream or a numbing injection \
             (for example with lidocaine or prilocaine)?",
        )
        .details("To what, and how did the reaction show?")
        .flag_yes("Allergy to local anaesthetics: no numbing, or an alternative."),
        c::ALLERGIES,
        c::MEDICATION,
        c::PREGNANT,
        c::HERPES,
        c::KELOIDS,
        c::SKIN_INFECTION,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmune disease/immunosuppression: flare risk with lupus or other \
             photosensitive conditions; Koebner phenomenon possible with vitiligo or psoriasis; \
             mind wound healing.",
        ),
        Question::yes_no(
            "gold_therapy",
            "Have you ever been treated with gold, for example for rheumatism?",
        )
        .hint("Even if it was many years ago.")
        .flag_yes(
            "Previous gold therapy: risk of permanent hyperpigmentation (chrysiasis) with \
             Q-switched lasers.",
        ),
        Question::yes_no(
            "tattoo_area",
            "Are there tattoos or permanent make-up in the treatment area?",
        )
        .hint("Even if these are what you want removed.")
        .details("Where, and how old are they?")
        .flag_yes(
            "Tattoo/permanent make-up in the area: spare it unless removal is planned; white, \
             skin-coloured and red pigments can darken.",
        ),
        c::RECENT_TREATMENTS,
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "What happens during the treatment",
            paragraphs: &[
                "A laser emits light of one particular wavelength. The light heats the colour in \
                 hair, pigment spots, small veins or tattoos, or removes very thin layers of \
                 skin so that the skin renews itself. Your doctor chooses the device and \
                 settings to suit your skin and your aim.",
                "During the treatment you and the staff wear protective goggles. The laser \
                 pulses usually feel like pinpricks or the snap of a rubber band; cooling or a \
                 numbing cream makes this more bearable.",
                "Several sessions a few weeks apart are usually needed. How good the result is \
                 depends on your skin, the colour of the hair or pigment and the aim; nobody \
                 can promise a particular result. Hair can grow back and pigment spots can \
                 return.",
                "Before the treatment: no sun, sunbed or self-tanner on the area for four \
                 weeks. Before hair removal, do not wax, pluck or epilate; shaving is fine.",
                "The treatment is usually not medically necessary and not urgent. You can take \
                 your time to decide.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risks and side effects",
            paragraphs: &[
                "Common: redness, swelling, warmth and a burning feeling for hours to days. \
                 After resurfacing the skin weeps at first and forms crusts; healing then takes \
                 one to two weeks.",
                "Occasionally: blisters, crusts or superficial burns, a cold sore, an infection. \
                 The skin can become darker or lighter; this is more common with tanned or dark \
                 skin and usually fades over some months, rarely it stays.",
                "Rare: permanent scars, lasting pigment changes, with hair removal more hair \
                 growth nearby, with tattoos a change of colour or a rest that cannot be \
                 removed, allergic reactions to breaking-down ink.",
                "Without goggles laser light can damage the eye permanently. Always keep the \
                 goggles on.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Other options",
            paragraphs: &[
                "You can decide not to have the treatment. This usually has no health \
                 disadvantages. Moles or spots that look unusual should still be checked by a \
                 doctor, with or without a laser treatment.",
                "Depending on the aim, other methods may be suitable: shaving, waxing or \
                 epilating instead of laser hair removal; creams, peels or microneedling for \
                 pigment and skin texture; sclerotherapy or intense pulsed light (IPL) for \
                 small veins; surgery for scars or tattoos; camouflage make-up. Your doctor \
                 will explain what suits you.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "After the treatment",
            paragraphs: &[
                "Cool the skin if needed and care for it as the practice tells you. Do not pick \
                 crusts; they fall off by themselves.",
                "Protect the treated skin from the sun for at least four to six weeks: \
                 sunscreen with SPF 50 and clothing, no sunbed.",
                "Avoid sport, sauna, hot baths and swimming pools for one to two days, and \
                 after resurfacing until the skin has healed.",
                "If you have blisters, severe pain, pus, fever or a cold sore, please contact \
                 the practice; outside opening hours, the medical on-call service on 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "sun",
            question: "What applies to the sun in the weeks after the treatment?",
            options: &[
                Choice::new("tan", "Sun is good for the skin now"),
                Choice::new("protect", "Avoid the sun and use SPF 50"),
                Choice::new("no_matter", "It makes no difference"),
            ],
            correct: "protect",
            explanation: "Freshly treated skin easily forms dark spots in the sun. Protect it \
                          for at least four to six weeks with SPF 50 and clothing.",
        },
        CheckItem {
            id: "crusts",
            question: "What do you do with crusts on the treated skin?",
            options: &[
                Choice::new("pick", "Peel them off carefully"),
                Choice::new("leave", "Leave them alone, they fall off by themselves"),
            ],
            correct: "leave",
            explanation: "Picked crusts can leave scars and spots. Let them fall off by \
                          themselves.",
        },
        CheckItem {
            id: "sessions",
            question: "How many sessions are usually needed?",
            options: &[
                Choice::new("one", "One is always enough"),
                Choice::new("several", "Usually several, a few weeks apart"),
            ],
            correct: "several",
            explanation: "Most laser treatments need several sessions to reach the result.",
        },
    ],
};
