use domain::ConsentType;

use crate::forms::common::de as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Botox,
    locale: Locale::De,
    version: "botox-de-2026-12-1",
    title: "Aufklärung und Einwilligung: Behandlung mit Botulinumtoxin",
    minutes: 8,
    intro: &[
        "Sie möchten sich mit Botulinumtoxin behandeln lassen. Mit diesem Formular bereiten Sie \
         das Gespräch mit Ihrer Ärztin oder Ihrem Arzt vor: Sie beantworten Fragen zu Ihrer \
         Gesundheit, lesen, wie die Behandlung abläuft, welche Risiken und Alternativen es \
         gibt, und prüfen mit drei kurzen Fragen, ob alles verständlich war.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Welche Bereiche sollen behandelt werden?",
            &[
                Choice::new("forehead", "Stirn (Querfalten)"),
                Choice::new("glabella", "Zornesfalte zwischen den Augenbrauen"),
                Choice::new("crows_feet", "Krähenfüße seitlich der Augen"),
                Choice::new("bunny_lines", "Fältchen am Nasenrücken"),
                Choice::new("perioral", "Fältchen an der Oberlippe"),
                Choice::new("mouth_corners", "Herabhängende Mundwinkel"),
                Choice::new("chin", "Kinn (Grübchen, „Pflastersteinkinn“)"),
                Choice::new(
                    "masseter",
                    "Kaumuskel (Zähneknirschen, breiter Kieferwinkel)",
                ),
                Choice::new("neck", "Hals (Halsbänder)"),
                Choice::new("underarms", "Achseln (starkes Schwitzen)"),
                Choice::new("other", "Anderer Bereich (bitte am Ende nennen)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::choice(
            "previous_toxin",
            "Wann wurden Sie zuletzt mit Botulinumtoxin behandelt?",
            &[
                Choice::new("never", "Noch nie"),
                Choice::new("over_3_months", "Vor mehr als drei Monaten"),
                Choice::new("within_3_months", "In den letzten drei Monaten"),
            ],
            false,
        )
        .flag_on(
            &["within_3_months"],
            "Letzte Toxinbehandlung vor weniger als 3 Monaten: kurze Abstände und \
             Nachinjektionen begünstigen neutralisierende Antikörper; Gesamtdosis beachten.",
        ),
        Question::yes_no(
            "toxin_no_effect",
            "Hat eine frühere Behandlung mit Botulinumtoxin kaum oder gar nicht gewirkt?",
        )
        .hint("Wenn Sie noch nie behandelt wurden, wählen Sie „Nein“.")
        .flag_yes("Mögliches sekundäres Nichtansprechen (Antikörper?): Vorgehen besprechen."),
        Question::yes_no(
            "allergy_product",
            "Haben Sie schon einmal allergisch auf Botulinumtoxin, auf Humanalbumin oder auf \
             Kuhmilcheiweiß reagiert?",
        )
        .hint(
            "Albumin ist ein Eiweiß, das die Präparate als Hilfsstoff enthalten; ein Präparat \
             kann Spuren von Milcheiweiß enthalten.",
        )
        .details("Worauf, und wie hat sich die Reaktion gezeigt?")
        .flag_yes(
            "Allergie gegen Botulinumtoxin oder Hilfsstoffe (Humanalbumin; Kuhmilcheiweiß bei \
             Abobotulinumtoxin A): betreffendes Präparat kontraindiziert.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        Question::yes_no(
            "aminoglycosides",
            "Bekommen Sie zurzeit Antibiotika wie Gentamicin oder Tobramycin, oder Mittel zur \
             Muskelentspannung?",
        )
        .hint("Solche Mittel können die Wirkung von Botulinumtoxin verstärken.")
        .details("Welches Mittel?")
        .flag_yes(
            "Aminoglykoside oder andere die neuromuskuläre Übertragung beeinflussende Mittel \
             (z. B. Muskelrelaxanzien): Wirkungsverstärkung möglich.",
        ),
        c::ANTICOAGULANTS,
        c::BLEEDING_SUPPLEMENTS,
        Question::yes_no(
            "neuromuscular",
            "Haben Sie eine Erkrankung der Nerven oder Muskeln, zum Beispiel Myasthenia \
             gravis, ein Lambert-Eaton-Syndrom oder ALS?",
        )
        .details("Welche Erkrankung?")
        .flag_yes(
            "Neuromuskuläre Erkrankung (Myasthenie, Lambert-Eaton, ALS o. ä.): Kontraindikation \
             bzw. Risiko generalisierter Muskelschwäche.",
        ),
        Question::yes_no(
            "swallowing_breathing",
            "Haben Sie Schluck- oder Atembeschwerden?",
        )
        .details("Welche, und seit wann?")
        .flag_yes(
            "Vorbestehende Dysphagie/Atemstörung: erhöhtes Risiko bei Ausbreitung, v. a. \
                 bei Injektion an Hals oder Mund.",
        ),
        Question::yes_no(
            "eyelid",
            "Hängt bei Ihnen ein Oberlid, oder hatten Sie eine Operation an den Augenlidern \
             oder Augenbrauen?",
        )
        .details("Was, und wann?")
        .flag_yes(
            "Vorbestehende Ptosis oder Lid-/Brauenoperation: erhöhtes Ptosisrisiko, \
             Injektionspunkte anpassen.",
        ),
        c::PREGNANT,
        c::SKIN_INFECTION,
        c::RECENT_TREATMENTS,
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "Was bei der Behandlung geschieht",
            paragraphs: &[
                "Botulinumtoxin ist ein Eiweiß, das die Übertragung von Nervenreizen auf einen \
                 Muskel vorübergehend hemmt. In sehr kleinen Mengen in einen bestimmten Muskel \
                 gespritzt, entspannt es ihn; die Haut darüber glättet sich, Mimikfalten werden \
                 weniger tief. In den Achseln vermindert es die Schweißbildung.",
                "Die Ärztin oder der Arzt spritzt das Mittel mit einer sehr feinen Nadel an \
                 mehreren Punkten. Das dauert meist 10 bis 20 Minuten und ist kaum schmerzhaft; \
                 eine Betäubung ist in der Regel nicht nötig.",
                "Die Wirkung beginnt nach zwei bis vier Tagen und ist nach etwa zwei Wochen voll \
                 da. Sie hält meist drei bis sechs Monate an und lässt dann von selbst nach. Wie \
                 stark und wie lange sie wirkt, ist von Mensch zu Mensch verschieden; ein \
                 bestimmtes Ergebnis kann niemand versprechen.",
                "Für einige Bereiche, etwa die Zornesfalte, sind die Präparate ausdrücklich \
                 zugelassen. In anderen Bereichen ist die Anwendung üblich, liegt aber außerhalb \
                 der Zulassung („Off-Label“). Die Ärztin oder der Arzt sagt Ihnen, was für Sie \
                 zutrifft.",
                "Die Behandlung ist medizinisch nicht notwendig und nicht eilig. Sie können sich \
                 in Ruhe entscheiden.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risiken und Nebenwirkungen",
            paragraphs: &[
                "Häufig und harmlos: kleine Rötungen, Schwellungen oder blaue Flecken an den \
                 Einstichstellen, ein Druckgefühl oder Kopfschmerzen in den ersten Tagen. Das \
                 vergeht meist nach wenigen Tagen.",
                "Gelegentlich wirkt das Mittel auch auf benachbarte Muskeln. Dann kann ein \
                 Oberlid oder eine Augenbraue hängen, das Lächeln schief wirken, ein Auge \
                 trocken sein oder tränen, oder Sie sehen Doppelbilder. Auch beide Seiten \
                 können ungleich wirken. Das geht vorüber, kann aber einige Wochen dauern.",
                "Die Wirkung lässt sich nicht sofort rückgängig machen; sie klingt nur mit der \
                 Zeit ab. Manchmal gleicht eine Nachbehandlung eine ungleiche Wirkung aus.",
                "Bei Behandlung des Kaumuskels kann das Kauen vorübergehend schwächer sein, an \
                 Hals und Mund können Schlucken, Sprechen oder die Mimik beeinträchtigt sein.",
                "Selten sind allergische Reaktionen, Infektionen an der Einstichstelle oder \
                 grippeähnliche Beschwerden. Sehr selten wirkt das Mittel im ganzen Körper: \
                 Muskelschwäche, Schluck-, Sprech- oder Atembeschwerden. Das ist ein Notfall.",
                "Bei Behandlungen in kurzen Abständen kann der Körper Abwehrstoffe bilden; dann \
                 wirkt das Mittel später schwächer oder gar nicht mehr.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Andere Möglichkeiten",
            paragraphs: &[
                "Sie können auf die Behandlung verzichten. Das hat keine gesundheitlichen \
                 Nachteile; die Falten bleiben, wie sie sind, und vertiefen sich mit den Jahren \
                 allmählich.",
                "Je nach Falte kommen andere Verfahren infrage: Hyaluronsäure-Filler für Falten, \
                 die auch in Ruhe sichtbar sind, Laser, Peeling oder Microneedling für die \
                 Hautoberfläche, gute Pflege und konsequenter Sonnenschutz. Gegen starkes \
                 Schwitzen helfen auch Mittel mit Aluminiumchlorid, Leitungswasser-Iontophorese \
                 oder eine Operation. Ihre Ärztin oder Ihr Arzt erklärt, was für Sie passt.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "Nach der Behandlung",
            paragraphs: &[
                "Reiben oder massieren Sie die behandelten Stellen am Behandlungstag nicht, und \
                 legen Sie sich in den ersten vier Stunden nicht flach hin.",
                "Verzichten Sie 24 Stunden lang auf Sport, Sauna, Solarium und Alkohol.",
                "Nach etwa zwei Wochen ist die Wirkung voll da. Dann ist eine Kontrolle sinnvoll, \
                 bei Bedarf mit einer kleinen Nachbehandlung.",
                "Wenn Schluck-, Sprech- oder Atembeschwerden, Doppelbilder oder eine \
                 ausgeprägte Muskelschwäche auftreten, rufen Sie sofort den Notruf 112. Bei \
                 anderen Fragen oder Sorgen rufen Sie die Praxis an, außerhalb der Sprechzeiten \
                 den ärztlichen Bereitschaftsdienst unter 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "duration",
            question: "Wie lange hält die Wirkung meist an?",
            options: &[
                Choice::new("weeks", "Etwa zwei Wochen"),
                Choice::new("months", "Etwa drei bis sechs Monate"),
                Choice::new("permanent", "Dauerhaft"),
            ],
            correct: "months",
            explanation: "Die Wirkung hält meist drei bis sechs Monate an und lässt dann von \
                          selbst nach. Für ein anhaltendes Ergebnis wird die Behandlung \
                          wiederholt.",
        },
        CheckItem {
            id: "reversible",
            question: "Kann man die Wirkung sofort aufheben, wenn sie Ihnen nicht gefällt?",
            options: &[
                Choice::new("yes", "Ja, mit einem Gegenmittel"),
                Choice::new("no", "Nein, sie lässt nur mit der Zeit nach"),
            ],
            correct: "no",
            explanation: "Es gibt kein Mittel, das die Wirkung sofort aufhebt. Ein hängendes \
                          Lid oder eine ungleiche Wirkung bildet sich mit der Zeit zurück.",
        },
        CheckItem {
            id: "emergency",
            question: "Was tun Sie, wenn nach der Behandlung Schluck- oder Atembeschwerden \
                       auftreten?",
            options: &[
                Choice::new("wait", "Abwarten, das geht von selbst weg"),
                Choice::new("emergency", "Sofort den Notruf 112 rufen"),
                Choice::new("massage", "Die Stelle massieren"),
            ],
            correct: "emergency",
            explanation: "Schluck-, Sprech- oder Atembeschwerden sind sehr selten, aber ein \
                          Notfall. Rufen Sie sofort den Notruf 112.",
        },
    ],
};
