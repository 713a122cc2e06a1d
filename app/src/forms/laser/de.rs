use domain::ConsentType;

use crate::forms::common::de as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Laser,
    locale: Locale::De,
    version: "laser-de-2026-12-1",
    title: "Aufklärung und Einwilligung: Laserbehandlung der Haut",
    minutes: 9,
    intro: &[
        "Sie möchten Ihre Haut mit einem Laser behandeln lassen. Mit diesem Formular bereiten \
         Sie das Gespräch mit Ihrer Ärztin oder Ihrem Arzt vor: Sie beantworten Fragen zu Ihrer \
         Gesundheit und Ihrer Haut, lesen, wie die Behandlung abläuft, welche Risiken und \
         Alternativen es gibt, und prüfen mit drei kurzen Fragen, ob alles verständlich war.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "purpose",
            "Was soll mit dem Laser behandelt werden?",
            &[
                Choice::new("hair_removal", "Haarentfernung"),
                Choice::new("pigment", "Pigmentflecken, Altersflecken"),
                Choice::new("vessels", "Äderchen, Rötungen"),
                Choice::new("resurfacing", "Falten, Narben, Hautbild"),
                Choice::new("tattoo", "Tätowierung oder Permanent-Make-up entfernen"),
                Choice::new("other", "Etwas anderes (bitte am Ende nennen)"),
            ],
            true,
        )
        .hint("Mehrere Antworten möglich."),
        Question::choice(
            "areas",
            "Welche Bereiche sollen behandelt werden?",
            &[
                Choice::new("face", "Gesicht"),
                Choice::new("neck", "Hals"),
                Choice::new("decollete", "Dekolleté"),
                Choice::new("underarms", "Achseln"),
                Choice::new("arms", "Arme"),
                Choice::new("hands", "Hände"),
                Choice::new("back", "Rücken"),
                Choice::new("bikini", "Bikinizone"),
                Choice::new("legs", "Beine"),
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
            "allergy_product",
            "Haben Sie schon einmal allergisch auf eine betäubende Creme oder eine \
             Betäubungsspritze reagiert (zum Beispiel mit Lidocain oder Prilocain)?",
        )
        .details("Worauf, und wie hat sich die Reaktion gezeigt?")
        .flag_yes("Allergie gegen Lokalanästhetika: auf Betäubung verzichten oder Alternative."),
        c::ALLERGIES,
        c::MEDICATION,
        c::PREGNANT,
        c::HERPES,
        c::KELOIDS,
        c::SKIN_INFECTION,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmunerkrankung/Immunsuppression: bei Lupus oder anderen lichtempfindlichen \
             Erkrankungen Schubgefahr; bei Vitiligo oder Psoriasis Köbner-Phänomen möglich; \
             Wundheilung beachten.",
        ),
        Question::yes_no(
            "gold_therapy",
            "Wurden Sie jemals mit Goldpräparaten behandelt, zum Beispiel gegen Rheuma?",
        )
        .hint("Auch wenn das viele Jahre her ist.")
        .flag_yes(
            "Frühere Goldtherapie: Risiko einer bleibenden Hyperpigmentierung (Chrysiasis) \
             unter gütegeschalteten Lasern.",
        ),
        Question::yes_no(
            "tattoo_area",
            "Gibt es im Behandlungsbereich Tätowierungen oder Permanent-Make-up?",
        )
        .hint("Auch wenn Sie genau diese entfernen lassen möchten.")
        .details("Wo, und wie alt sind sie?")
        .flag_yes(
            "Tätowierung/Permanent-Make-up im Areal: außer bei geplanter Entfernung aussparen; \
             weiße, hautfarbene und rote Pigmente können nachdunkeln.",
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
                "Ein Laser gibt Licht einer bestimmten Wellenlänge ab. Das Licht erwärmt gezielt \
                 Farbstoff in Haaren, Pigmentflecken, Äderchen oder Tätowierungen, oder es trägt \
                 feinste Hautschichten ab, damit sich die Haut erneuert. Welches Gerät und \
                 welche Einstellung zu Ihnen passen, entscheidet die Ärztin oder der Arzt nach \
                 Ihrer Haut und Ihrem Ziel.",
                "Während der Behandlung tragen Sie und das Personal eine Schutzbrille. Die \
                 Laserimpulse fühlen sich meist wie Nadelstiche oder das Schnalzen eines \
                 Gummibands an; Kühlung oder eine betäubende Creme machen es erträglicher.",
                "Meist sind mehrere Sitzungen im Abstand von einigen Wochen nötig. Wie gut das \
                 Ergebnis wird, hängt von Haut, Haar- oder Pigmentfarbe und Ziel ab; ein \
                 bestimmtes Ergebnis kann niemand versprechen. Haare können nachwachsen, \
                 Pigmentflecken wiederkommen.",
                "Vor der Behandlung: vier Wochen lang keine Sonne, kein Solarium und kein \
                 Selbstbräuner im Bereich. Vor einer Haarentfernung nicht wachsen, zupfen oder \
                 epilieren; Rasieren ist erlaubt.",
                "Die Behandlung ist in der Regel medizinisch nicht notwendig und nicht eilig. \
                 Sie können sich in Ruhe entscheiden.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risiken und Nebenwirkungen",
            paragraphs: &[
                "Häufig: Rötung, Schwellung, Wärmegefühl und Brennen für Stunden bis Tage. Nach \
                 abtragenden Behandlungen nässt die Haut zunächst und bildet Krusten; die \
                 Heilung dauert dann ein bis zwei Wochen.",
                "Gelegentlich: Blasen, Krusten oder oberflächliche Verbrennungen, ein \
                 Herpes-Ausbruch, eine Infektion. Die Haut kann dunkler oder heller werden; das \
                 ist bei gebräunter oder dunkler Haut häufiger und bildet sich meist in einigen \
                 Monaten zurück, selten bleibt es.",
                "Selten: bleibende Narben, dauerhafte Pigmentveränderungen, bei Haarentfernung \
                 vermehrter Haarwuchs in der Umgebung, bei Tätowierungen ein Farbumschlag oder \
                 ein nicht vollständig entfernbarer Rest, allergische Reaktionen auf \
                 zerfallende Farbpigmente.",
                "Ohne Schutzbrille kann Laserlicht das Auge dauerhaft schädigen. Lassen Sie die \
                 Brille deshalb immer auf.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Andere Möglichkeiten",
            paragraphs: &[
                "Sie können auf die Behandlung verzichten. Das hat in der Regel keine \
                 gesundheitlichen Nachteile. Auffällige Pigmentmale sollten Sie aber ärztlich \
                 ansehen lassen, auch ohne Laserbehandlung.",
                "Je nach Ziel kommen andere Verfahren infrage: Rasieren, Wachsen oder Epilieren \
                 statt Laser-Haarentfernung; Cremes, Peelings oder Microneedling bei Pigment und \
                 Hautbild; Verödung oder Blitzlampe (IPL) bei Äderchen; eine Operation bei \
                 Narben oder Tätowierungen; Camouflage-Make-up. Ihre Ärztin oder Ihr Arzt \
                 erklärt, was für Sie passt.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "Nach der Behandlung",
            paragraphs: &[
                "Kühlen Sie die Haut bei Bedarf und pflegen Sie sie so, wie die Praxis es Ihnen \
                 mitgibt. Kratzen Sie Krusten nicht ab; sie fallen von selbst ab.",
                "Schützen Sie die behandelte Haut mindestens vier bis sechs Wochen vor Sonne: \
                 Sonnenschutz mit Lichtschutzfaktor 50 und Kleidung, kein Solarium.",
                "Verzichten Sie ein bis zwei Tage auf Sport, Sauna, heißes Baden und \
                 Schwimmbad, nach abtragender Behandlung bis zur Abheilung.",
                "Bei Blasen, starken Schmerzen, Eiter, Fieber oder einem Herpes-Ausbruch melden \
                 Sie sich bitte in der Praxis, außerhalb der Sprechzeiten beim ärztlichen \
                 Bereitschaftsdienst unter 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "sun",
            question: "Was gilt in den Wochen nach der Behandlung für die Sonne?",
            options: &[
                Choice::new("tan", "Sonne tut der Haut jetzt gut"),
                Choice::new("protect", "Sonne meiden und Lichtschutzfaktor 50 verwenden"),
                Choice::new("no_matter", "Das spielt keine Rolle"),
            ],
            correct: "protect",
            explanation: "Frisch behandelte Haut bildet bei Sonne leicht dunkle Flecken. \
                          Schützen Sie sie deshalb mindestens vier bis sechs Wochen mit \
                          Lichtschutzfaktor 50 und Kleidung.",
        },
        CheckItem {
            id: "crusts",
            question: "Was tun Sie mit Krusten auf der behandelten Haut?",
            options: &[
                Choice::new("pick", "Vorsichtig abziehen"),
                Choice::new("leave", "In Ruhe lassen, sie fallen von selbst ab"),
            ],
            correct: "leave",
            explanation: "Abgekratzte Krusten können Narben und Flecken hinterlassen. Lassen \
                          Sie sie von selbst abfallen.",
        },
        CheckItem {
            id: "sessions",
            question: "Wie viele Sitzungen sind meist nötig?",
            options: &[
                Choice::new("one", "Eine reicht immer"),
                Choice::new("several", "Meist mehrere im Abstand von einigen Wochen"),
            ],
            correct: "several",
            explanation: "Bei den meisten Laserbehandlungen sind mehrere Sitzungen nötig, bis \
                          das Ergebnis erreicht ist.",
        },
    ],
};
