/// Small articles written for these tests (no text from any corpus), messy on purpose: menus,
/// share bars, ads, captions, related links, comment forms, appeals, bios and footers around
/// a body of a few paragraphs.
enum Fixtures {
    static let englishNews = """
    * Home
    * World
    * Politics
    * Business
    * Sport
    Search
    Menu

    Harbour Town Votes to Rebuild Its Flooded Seawall

    By Maria Lindqvist

    March 3, 2025
    9:45 AM

    Reading time: 3 minutes

    Residents of the small harbour town of Eastwick voted on Tuesday to spend twelve million dollars on a new seawall, three years after a winter storm broke through the old one and flooded more than two hundred homes along the waterfront.

    The vote was closer than many expected. Supporters said the town could not afford another flood, while opponents argued that the money would be better spent on moving the most exposed houses further inland.

    Workers repair a section of the old seawall in Eastwick on Feb. 12, 2025. (Tom Baker/Coastal Press)

    Advertisement

    How the money will be raised

    The council plans to borrow most of the money over twenty years and to cover the rest with a state grant that was approved last autumn. Property taxes will rise by a small amount for at least a decade, the treasurer said at the meeting.

    Also read: Coastal towns brace for a stormy spring season

    Some residents worry that the new wall will change the character of the beach. The engineers who drew the plans said that the wall would be lower than the old one and that the promenade on top of it would stay open to the public.

    What happens next

    Construction is expected to begin in the autumn and to last about two years. The mayor said that the town would hold another public meeting before the first contracts are signed, so that residents can see the final design.

    Share this:
    * Facebook
    * Twitter
    * Email

    Leave a Reply

    Your email address will not be published. Required fields are marked *

    Trending Now

    About the Author
    Maria Lindqvist is a reporter at the Coastal Press who covers local government and the environment along the northern shore.

    © 2025 Coastal Press. All rights reserved.
    Privacy Policy
    Exit mobile version
    """

    static let germanNews = """
    Zum Inhalt springen
    * Startseite
    * Lokales
    * Wirtschaft
    * Kultur
    Suche
    Menü

    Neue Brücke über die Lahn soll im Sommer fertig werden

    Von Jonas Albrecht

    12. Mai 2024, 14:30 Uhr

    Lesezeit: 4 Minuten

    Die neue Fußgängerbrücke über die Lahn soll bereits im Sommer für den Verkehr freigegeben werden. Das hat die Stadtverwaltung am Montag mitgeteilt, nachdem die letzten Stahlteile in der vergangenen Woche eingesetzt worden waren.

    Ursprünglich sollte die Brücke schon im vergangenen Herbst fertig sein, doch Lieferengpässe bei den Stahlträgern hatten den Bau um mehrere Monate verzögert. Die Kosten sind nach Angaben der Stadt trotzdem im Rahmen geblieben.

    Die Stahlteile der neuen Brücke wurden mit einem Kran eingesetzt. Foto: Stadtverwaltung

    Anzeige

    Was die Anwohner sagen

    Viele Anwohner freuen sich auf die kürzeren Wege in die Innenstadt. Andere befürchten, dass auf der Brücke bald zu viele Radfahrer unterwegs sein werden und dass es für Fußgänger eng werden könnte.

    Lesen Sie auch: Stadtrat beschließt neues Radwegenetz für die Innenstadt

    Die Stadt will deshalb auf beiden Seiten der Brücke Schilder aufstellen und nach einem halben Jahr prüfen, ob eine Trennung der Wege notwendig ist. Eine Bürgerversammlung dazu ist für den Herbst geplant.

    Artikel teilen
    * Facebook
    * WhatsApp
    * E-Mail

    Kommentare

    Schreiben Sie einen Kommentar

    Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.

    Das könnte Sie auch interessieren

    Jetzt unterstützen: Mit einer Spende sichern Sie unabhängigen Lokaljournalismus.

    Datenschutzerklärung
    Impressum
    © 2024 Lahnbote. Alle Rechte vorbehalten.
    """

    /// A French blog post, to check the lexicons beyond English and German.
    static let frenchBlog = """
    Accueil
    Recherche

    Le marché couvert rouvre ses portes après deux ans de travaux

    Publié le 4 avril 2024

    Le marché couvert du centre-ville a rouvert ses portes samedi matin, après deux années de travaux qui ont permis de refaire entièrement la toiture et d'installer un nouveau système de ventilation.

    Les commerçants sont revenus presque tous, et plusieurs nouveaux étals se sont installés, dont une fromagerie et un boulanger qui travaille uniquement avec des farines de la région.

    Publicité

    La mairie espère que le marché attirera de nouveau les habitants des quartiers voisins, qui avaient pris l'habitude de faire leurs courses dans les grandes surfaces de la périphérie.

    À lire aussi : Les halles de la ville voisine fêtent leurs cent ans

    Laisser un commentaire

    Votre adresse e-mail ne sera pas publiée.

    Mentions légales
    Tous droits réservés
    """

    /// A blog post followed by a reader comment thread.
    static let blogWithComments = """
    * Home
    * About
    * Archive

    Why We Moved the Garden Beds

    Posted on June 2, 2024 by Tom

    Last spring we moved all four garden beds to the south side of the house, because the old spot lost the sun by early afternoon once the neighbours' trees had grown.

    The move took two full weekends, mostly because we decided to replace the rotten boards while we were at it, and we had to carry every bucket of soil around the house by hand.

    This year the tomatoes ripened almost three weeks earlier than before, and the beans did better too, so the work was worth it.

    Comments

    * Anna on June 3, 2024 at 8:12 am said:
    We did the same last year and I can only agree, the difference in sunlight is enormous for tomatoes.
    * Tom on June 3, 2024 at 9:40 am said:
    Thanks Anna, good to hear that it worked for you as well. Did you keep the old boards?
    * Peter on June 5, 2024 at 6:02 pm said:
    How deep are the new beds? We are thinking about building raised beds on a slope and wonder about the soil.

    Leave a Reply
    """
}
