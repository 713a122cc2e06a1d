use domain::ConsentType;

use crate::forms::common::de as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::ChemicalPeel,
    locale: Locale::De,
    version: "chemical-peel-de-2026-12-1",
    title: "Aufklärung und Einwilligung: Chemisches Peeling",
    minutes: 8,
    intro: &[
        "Sie möchten ein chemisches Peeling machen lassen. Mit diesem Formular bereiten Sie das \
         Gespräch mit Ihrer Ärztin oder Ihrem Arzt vor: Sie beantworten Fragen zu Ihrer \
         Gesundheit und Ihrer Haut, lesen, wie die Behandlung abläuft, welche Risiken und \
         Alternativen es gibt, und prüfen mit drei kurzen Fragen, ob alles verständlich war.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Welche Bereiche sollen behandelt werden?",
            &[
                Choice::new("face", "Gesicht"),
                Choice::new("neck", "Hals"),
                Choice::new("decollete", "Dekolleté"),
                Choice::new("hands", "Handrücken"),
                Choice::new("back", "Rücken"),
                Choice::new("other", "Anderer Bereich (bitte am Ende nennen)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        c::SKIN_TYPE,
        c::SUN_TAN,
        c::PHOTOSENSITISING,
        c::ISOTRETINOIN,
        Question::yes_no(
            "topical_retinoids",
            "Haben Sie in der letzten Woche im Behandlungsbereich Cremes mit Retinol, Tretinoin \
             oder Adapalen, Fruchtsäure- oder Peelingprodukte benutzt, oder dort gewachst, \
             epiliert oder Enthaarungscreme verwendet?",
        )
        .details("Was, und wann zuletzt?")
        .flag_yes(
            "Retinoide/Exfoliantien/Enthaarung im Areal in der letzten Woche: tiefere \
             Penetration und stärkere Reizung; Vorbehandlung klären, ggf. verschieben.",
        ),
        Question::yes_no(
            "allergy_product",
            "Vertragen Sie Acetylsalicylsäure (Aspirin) oder Salicylsäure nicht, oder haben Sie \
             schon einmal allergisch auf ein Peeling reagiert?",
        )
        .details("Worauf, und wie hat sich die Reaktion gezeigt?")
        .flag_yes(
            "Salicylat-Allergie/-Unverträglichkeit oder frühere Peeling-Reaktion: kein \
             Salicylsäure-Peeling; Reaktion klären.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        c::PREGNANT,
        c::HERPES,
        c::KELOIDS,
        c::SKIN_INFECTION,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmunerkrankung/Immunsuppression: Wundheilung und Infektionsrisiko beachten; \
             bei Vitiligo oder Psoriasis Köbner-Phänomen möglich.",
        ),
        c::RECENT_TREATMENTS,
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "Was bei der Behandlung geschieht",
            paragraphs: &[
                "Bei einem chemischen Peeling wird eine Säure auf die gereinigte Haut \
                 aufgetragen, zum Beispiel Frucht-, Salicyl-, Mandel- oder Trichloressigsäure. \
                 Sie löst die oberen Hautschichten; darunter bildet sich neue, ebenmäßigere Haut. \
                 Ziel sind ein feineres Hautbild, weniger Pigmentflecken, Fältchen oder \
                 Aknespuren.",
                "Die Säure wirkt einige Minuten und wird dann entfernt oder neutralisiert. In \
                 dieser Zeit brennt oder kribbelt die Haut; ein Fächer oder Kühlung hilft. Die \
                 Behandlung dauert etwa 30 Minuten.",
                "Oberflächliche Peelings werden meist als Serie von vier bis sechs Sitzungen im \
                 Abstand von zwei bis vier Wochen gemacht; die Haut schuppt danach nur leicht. \
                 Mitteltiefe Peelings wirken stärker, die Haut schält sich ein bis zwei Wochen \
                 lang. Tiefe Peelings mit Phenol sind nicht Teil dieser Aufklärung. Ein \
                 bestimmtes Ergebnis kann niemand versprechen.",
                "Die Behandlung ist medizinisch in der Regel nicht notwendig und nicht eilig. \
                 Sie können sich in Ruhe entscheiden.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risiken und Nebenwirkungen",
            paragraphs: &[
                "Häufig: Rötung, Spannungsgefühl, Brennen und Schuppung für einige Tage; nach \
                 mitteltiefen Peelings auch Schwellung und deutliches Schälen.",
                "Gelegentlich: dunkle Flecken, vor allem bei dunkler Haut oder Sonne nach der \
                 Behandlung, hellere Stellen, eine länger anhaltende Rötung, ein \
                 Herpes-Ausbruch, aufblühende Pickel oder eine Infektion.",
                "Selten: Narben, dauerhafte Pigmentveränderungen, allergische Reaktionen. Gerät \
                 Säure ins Auge, kann es verletzt werden; halten Sie die Augen während der \
                 Behandlung geschlossen.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Andere Möglichkeiten",
            paragraphs: &[
                "Sie können auf die Behandlung verzichten. Das hat keine gesundheitlichen \
                 Nachteile.",
                "Je nach Ziel kommen andere Verfahren infrage: Pflege mit Wirkstoffen wie \
                 Retinoiden oder Azelainsäure, konsequenter Sonnenschutz, Microneedling oder \
                 eine Laserbehandlung. Ihre Ärztin oder Ihr Arzt erklärt, was für Sie passt.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "Nach der Behandlung",
            paragraphs: &[
                "Ziehen oder kratzen Sie Schuppen und Hautfetzen nicht ab; sie lösen sich von \
                 selbst. Reinigen Sie die Haut mild und pflegen Sie sie mit der Creme, die die \
                 Praxis empfiehlt.",
                "Meiden Sie Sonne und Solarium, bis die Haut abgeheilt ist, und verwenden Sie \
                 danach noch mindestens vier Wochen Sonnenschutz mit Lichtschutzfaktor 50.",
                "Verzichten Sie eine Woche lang auf Retinol-, Säure- und Peelingprodukte, zwei \
                 Tage lang auf Sport und Sauna. Make-up nach einem oberflächlichen Peeling \
                 frühestens am nächsten Tag, nach einem mitteltiefen erst nach der Abheilung.",
                "Bei Blasen, nässenden Stellen, Eiter, starken Schmerzen, Fieber oder einem \
                 Herpes-Ausbruch melden Sie sich bitte in der Praxis, außerhalb der \
                 Sprechzeiten beim ärztlichen Bereitschaftsdienst unter 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "flaking",
            question: "Was tun Sie, wenn sich die Haut in den Tagen danach schält?",
            options: &[
                Choice::new("peel_off", "Die Hautfetzen abziehen"),
                Choice::new("leave", "Sie in Ruhe lassen und die Haut pflegen"),
                Choice::new("scrub", "Mit einem Peeling nachhelfen"),
            ],
            correct: "leave",
            explanation: "Abgezogene Haut kann Flecken und Narben hinterlassen. Lassen Sie die \
                          Schuppen von selbst abfallen und pflegen Sie die Haut mild.",
        },
        CheckItem {
            id: "sun",
            question: "Was gilt nach dem Peeling für die Sonne?",
            options: &[
                Choice::new("protect", "Sonne meiden und Lichtschutzfaktor 50 verwenden"),
                Choice::new("tan", "Etwas Sonne hilft beim Heilen"),
            ],
            correct: "protect",
            explanation: "Frisch gepeelte Haut bildet bei Sonne leicht dunkle Flecken. Meiden \
                          Sie die Sonne und schützen Sie die Haut mit Lichtschutzfaktor 50.",
        },
        CheckItem {
            id: "normal",
            question: "Was ist in den ersten Tagen nach einem Peeling normal?",
            options: &[
                Choice::new("redness", "Rötung, Spannungsgefühl und Schuppung"),
                Choice::new("blisters", "Blasen und nässende Stellen"),
            ],
            correct: "redness",
            explanation: "Rötung, Spannen und Schuppung gehören dazu. Blasen oder nässende \
                          Stellen sind nicht normal; melden Sie sich dann in der Praxis.",
        },
    ],
};
