use domain::ConsentType;

use crate::forms::common::en as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Microneedling,
    locale: Locale::En,
    version: "microneedling-en-2026-12-1",
    title: "Information and consent: microneedling",
    minutes: 8,
    intro: &[
        "You would like a microneedling treatment. This form prepares your conversation with \
         your doctor: you answer questions about your health and your skin, read how the \
         treatment works, what the risks and alternatives are, and check with three short \
         questions that everything is clear.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Which areas would you like treated?",
            &[
                Choice::new("face", "Face"),
                Choice::new("neck", "Neck"),
                Choice::new("decollete", "Chest (décolleté)"),
                Choice::new("hands", "Backs of the hands"),
                Choice::new("scalp", "Scalp"),
                Choice::new("body_scars", "Scars or stretch marks on the body"),
                Choice::new("other", "Another area (please name it at the end)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::yes_no(
            "allergy_product",
            "Have you ever had an allergic reaction to a numbing cream, to metals such as \
             nickel, or to serums and skin-care products?",
        )
        .details("To what, and how did the reaction show?")
        .flag_yes(
            "Allergy to local anaesthetics, metals or topicals: review the products and needle \
             material used.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        c::ANTICOAGULANTS,
        c::BLEEDING_SUPPLEMENTS,
        c::ISOTRETINOIN,
        c::PREGNANT,
        c::KELOIDS,
        c::SKIN_INFECTION,
        c::HERPES,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmune disease/immunosuppression: infection and healing risk; Koebner \
             phenomenon possible with vitiligo, psoriasis or lichen planus.",
        ),
        Question::yes_no(
            "wound_healing",
            "Do wounds heal poorly for you, for example because of diabetes?",
        )
        .details("What, and since when?")
        .flag_yes("Impaired wound healing/diabetes: weigh the infection and healing risk."),
        Question::yes_no(
            "pacemaker",
            "Do you have a pacemaker, a defibrillator or another electronic implant, or metal \
             implants in the treatment area?",
        )
        .hint("This matters if a device with radiofrequency (heat from electric current) is used.")
        .details("What, and where?")
        .flag_yes(
            "Pacemaker/ICD/electronic or metal implant: no radiofrequency microneedling (or \
             not over the implant).",
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
                "A device with very fine needles makes many tiny channels in the skin. The skin \
                 repairs these small injuries and forms new connective tissue as it does. The \
                 aim is finer skin texture and less visible scars, fine lines or stretch marks. \
                 With some devices the needles also give off heat (radiofrequency).",
                "A numbing cream is usually applied first and left on for about 30 to 45 \
                 minutes. The treatment itself takes 20 to 60 minutes. Only sterile products \
                 meant for this purpose go onto the opened skin.",
                "Three to six sessions four to six weeks apart are usually worthwhile. The \
                 result develops over months; nobody can promise a particular result.",
                "The treatment is usually not medically necessary and not urgent. You can take \
                 your time to decide.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risks and side effects",
            paragraphs: &[
                "Common: redness like a sunburn for one to three days, swelling, pinpoint \
                 bleeding during the treatment, then dry, flaking or sensitive skin.",
                "Occasionally: bruises, spots or small white bumps, a cold sore, an infection, \
                 dark patches especially with dark skin or sun after the treatment.",
                "Rare: scars, visible needle marks, allergic reactions or inflamed lumps caused \
                 by products applied to the skin; with radiofrequency, burns.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Other options",
            paragraphs: &[
                "You can decide not to have the treatment. This has no health disadvantages.",
                "Depending on the aim, other methods may be suitable: skin care with active \
                 ingredients such as retinoids, chemical peels, laser treatments, and for deep \
                 scars also filler or a small surgical procedure. Your doctor will explain what \
                 suits you.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "After the treatment",
            paragraphs: &[
                "Try not to touch the skin on the day of treatment, and use no make-up for 24 \
                 hours. After that, cleanse it gently and use the product the practice \
                 recommends. A fresh pillowcase is a good idea.",
                "Avoid sport, sauna and swimming pools for two days, and retinol, acid and \
                 exfoliating products for a week.",
                "Protect the skin from the sun for at least two weeks: sunscreen with SPF 50, \
                 no sunbed.",
                "If redness or pain increases, or you have pus, fever or a cold sore, please \
                 contact the practice; outside opening hours, the medical on-call service on \
                 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "normal",
            question: "What is normal in the first days after the treatment?",
            options: &[
                Choice::new("redness", "Redness like a sunburn for one to three days"),
                Choice::new("pus", "Pus and fever"),
                Choice::new("nothing", "The skin looks exactly as before straight away"),
            ],
            correct: "redness",
            explanation: "Redness like a sunburn for one to three days is normal. Pus, fever \
                          or increasing pain are signs of infection; contact the practice if \
                          you have them.",
        },
        CheckItem {
            id: "makeup",
            question: "When can you use make-up again?",
            options: &[
                Choice::new("now", "Straight after the treatment"),
                Choice::new("next_day", "After 24 hours at the earliest"),
            ],
            correct: "next_day",
            explanation: "The tiny channels in the skin close over the first hours. Make-up \
                          could contaminate them, so wait 24 hours.",
        },
        CheckItem {
            id: "infection",
            question: "When should you not be treated?",
            options: &[
                Choice::new("active", "With an infection or inflamed spots in the area"),
                Choice::new("dry", "With dry skin"),
            ],
            correct: "active",
            explanation: "The needles can carry germs from an inflammation deeper into the \
                          skin. With an infection or inflamed spots in the area, treatment \
                          waits until it has healed.",
        },
    ],
};
