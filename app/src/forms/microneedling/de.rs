use domain::ConsentType;

use crate::forms::common::de as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Microneedling,
    locale: Locale::De,
    version: "microneedling-de-2026-12-1",
    title: "Aufklärung und Einwilligung: Microneedling",
    minutes: 8,
    intro: &[
        "Sie möchten eine Microneedling-Behandlung machen lassen. Mit diesem Formular bereiten \
         Sie das Gespräch mit Ihrer Ärztin oder Ihrem Arzt vor: Sie beantworten Fragen zu Ihrer \
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
                Choice::new("scalp", "Kopfhaut"),
                Choice::new("body_scars", "Narben oder Dehnungsstreifen am Körper"),
                Choice::new("other", "Anderer Bereich (bitte am Ende nennen)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::yes_no(
            "allergy_product",
            "Haben Sie schon einmal allergisch auf eine betäubende Creme, auf Metalle wie \
             Nickel oder auf Seren und Pflegeprodukte reagiert?",
        )
        .details("Worauf, und wie hat sich die Reaktion gezeigt?")
        .flag_yes(
            "Allergie gegen Lokalanästhetika, Metalle oder Topika: verwendete Produkte und \
             Nadelmaterial prüfen.",
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
            "Autoimmunerkrankung/Immunsuppression: Infektions- und Heilungsrisiko; bei \
             Vitiligo, Psoriasis oder Lichen planus Köbner-Phänomen möglich.",
        ),
        Question::yes_no(
            "wound_healing",
            "Heilen Wunden bei Ihnen schlecht, zum Beispiel wegen Diabetes?",
        )
        .details("Was, und seit wann?")
        .flag_yes("Wundheilungsstörung/Diabetes: Infektions- und Heilungsrisiko abwägen."),
        Question::yes_no(
            "pacemaker",
            "Tragen Sie einen Herzschrittmacher, einen Defibrillator oder ein anderes \
             elektronisches Implantat, oder haben Sie Metallimplantate im Behandlungsbereich?",
        )
        .hint("Das ist wichtig, falls ein Gerät mit Radiofrequenz (Wärme durch Strom) verwendet wird.")
        .details("Was, und wo?")
        .flag_yes(
            "Schrittmacher/ICD/elektronisches oder Metallimplantat: kein \
             Radiofrequenz-Microneedling (bzw. nicht im Implantatbereich).",
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
                "Ein Gerät mit sehr feinen Nadeln sticht viele winzige Kanäle in die Haut. Die \
                 Haut repariert diese kleinen Verletzungen und bildet dabei neues Bindegewebe. \
                 Ziel sind ein feineres Hautbild, weniger auffällige Narben, Fältchen oder \
                 Dehnungsstreifen. Bei manchen Geräten geben die Nadeln zusätzlich Wärme ab \
                 (Radiofrequenz).",
                "Vorher wird meist eine betäubende Creme aufgetragen, die etwa 30 bis 45 Minuten \
                 einwirkt. Die Behandlung selbst dauert 20 bis 60 Minuten. Auf die geöffnete \
                 Haut kommen nur sterile Produkte, die dafür gedacht sind.",
                "Meist sind drei bis sechs Sitzungen im Abstand von vier bis sechs Wochen \
                 sinnvoll. Das Ergebnis entwickelt sich über Monate; ein bestimmtes Ergebnis \
                 kann niemand versprechen.",
                "Die Behandlung ist medizinisch in der Regel nicht notwendig und nicht eilig. \
                 Sie können sich in Ruhe entscheiden.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risiken und Nebenwirkungen",
            paragraphs: &[
                "Häufig: eine Rötung wie nach einem Sonnenbrand für ein bis drei Tage, \
                 Schwellung, punktförmige Blutungen während der Behandlung, danach trockene, \
                 schuppende oder empfindliche Haut.",
                "Gelegentlich: blaue Flecken, Pickel oder kleine weiße Knötchen, ein \
                 Herpes-Ausbruch, eine Infektion, dunkle Flecken besonders bei dunkler Haut \
                 oder Sonne nach der Behandlung.",
                "Selten: Narben, sichtbare Nadelspuren, allergische Reaktionen oder entzündliche \
                 Knötchen durch aufgetragene Produkte; bei Radiofrequenz Verbrennungen.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Andere Möglichkeiten",
            paragraphs: &[
                "Sie können auf die Behandlung verzichten. Das hat keine gesundheitlichen \
                 Nachteile.",
                "Je nach Ziel kommen andere Verfahren infrage: Pflege mit Wirkstoffen wie \
                 Retinoiden, chemische Peelings, Laserbehandlungen, bei tiefen Narben auch \
                 Unterspritzung oder ein kleiner operativer Eingriff. Ihre Ärztin oder Ihr Arzt \
                 erklärt, was für Sie passt.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "Nach der Behandlung",
            paragraphs: &[
                "Berühren Sie die Haut am Behandlungstag möglichst nicht, und verwenden Sie 24 \
                 Stunden lang kein Make-up. Reinigen Sie sie danach mild und pflegen Sie sie mit \
                 dem Produkt, das die Praxis empfiehlt. Ein frischer Kissenbezug ist sinnvoll.",
                "Verzichten Sie zwei Tage lang auf Sport, Sauna und Schwimmbad und eine Woche \
                 lang auf Retinol-, Säure- und Peelingprodukte.",
                "Schützen Sie die Haut mindestens zwei Wochen vor Sonne: Sonnenschutz mit \
                 Lichtschutzfaktor 50, kein Solarium.",
                "Bei zunehmender Rötung, Schmerzen, Eiter, Fieber oder einem Herpes-Ausbruch \
                 melden Sie sich bitte in der Praxis, außerhalb der Sprechzeiten beim \
                 ärztlichen Bereitschaftsdienst unter 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "normal",
            question: "Was ist in den ersten Tagen nach der Behandlung normal?",
            options: &[
                Choice::new("redness", "Rötung wie ein Sonnenbrand für ein bis drei Tage"),
                Choice::new("pus", "Eiter und Fieber"),
                Choice::new("nothing", "Die Haut sieht sofort aus wie vorher"),
            ],
            correct: "redness",
            explanation: "Eine Rötung wie nach einem Sonnenbrand für ein bis drei Tage ist \
                          normal. Eiter, Fieber oder zunehmende Schmerzen sind Zeichen einer \
                          Infektion; melden Sie sich dann in der Praxis.",
        },
        CheckItem {
            id: "makeup",
            question: "Ab wann dürfen Sie wieder Make-up verwenden?",
            options: &[
                Choice::new("now", "Sofort nach der Behandlung"),
                Choice::new("next_day", "Frühestens nach 24 Stunden"),
            ],
            correct: "next_day",
            explanation: "Die winzigen Kanäle in der Haut schließen sich in den ersten Stunden. \
                          Make-up könnte sie verunreinigen; warten Sie deshalb 24 Stunden.",
        },
        CheckItem {
            id: "infection",
            question: "Wann sollten Sie nicht behandelt werden?",
            options: &[
                Choice::new("active", "Bei einer Infektion oder entzündeten Pickeln im Bereich"),
                Choice::new("dry", "Bei trockener Haut"),
            ],
            correct: "active",
            explanation: "Durch die Nadeln können Keime aus einer Entzündung tiefer in die Haut \
                          gelangen. Mit einer Infektion oder entzündeten Pickeln im Bereich wird \
                          deshalb erst nach der Abheilung behandelt.",
        },
    ],
};
