import CrossreadCore

/// The word lists the cleaner uses: chrome phrases by kind in English, German, French, Spanish,
/// Polish, Italian, Dutch and Portuguese, link and call-to-action words, month names and photo
/// credit words. Written from general knowledge of web page furniture, not from any corpus.
enum Lexicons {
    static let chrome = ChromeLexicon([
        (.ad, .whole, [
            "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
            "paid post", "promoted", "partner content", "anzeige", "anzeigen", "werbung", "reklame",
            "sponsored post", "publicité", "publicite", "pub", "publicidad", "anuncio", "patrocinado",
            "reklama", "pubblicità", "annuncio", "advertentie", "publicidade", "werbeanzeige",
            "advertisement scroll to continue", "story continues below advertisement",
            "article continues below advertisement", "continue reading below", "weiter nach der anzeige",
            "artikel wird unter der anzeige fortgesetzt", "la suite après cette publicité",
        ]),
        (.ad, .prefix, ["sponsored by", "presented by", "anzeige:", "werbung:", "in partnership with"]),
        (.related, .prefix, [
            "also read", "read also", "read more", "more from", "more on this", "more stories",
            "more news", "more articles", "related", "related articles", "related posts",
            "related stories", "related content", "related news", "related topics", "you may also like",
            "you might also like", "you may be interested", "you might be interested", "recommended",
            "recommended for you", "recommended stories", "see also", "further reading", "latest news",
            "latest stories", "latest posts", "recent posts", "recent articles", "top stories",
            "most popular", "most read", "most viewed", "most shared", "popular posts", "popular stories",
            "trending", "trending now", "trending post", "trending posts", "trending stories",
            "what to read next", "read next", "up next", "previous article", "next article",
            "previous post", "next post", "previous story", "next story", "post navigation",
            "don't miss", "editor's picks", "editors picks", "in case you missed it", "more in",
            "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "mehr lesen",
            "mehr dazu", "weitere artikel", "weitere meldungen", "weitere nachrichten", "weitere beiträge",
            "weitere themen", "weitere news", "ähnliche artikel", "ähnliche beiträge", "ähnliche themen",
            "verwandte artikel", "verwandte beiträge", "das könnte sie auch interessieren",
            "das könnte dich auch interessieren", "könnte sie auch interessieren",
            "das könnte ihnen auch gefallen", "das könnte dir auch gefallen", "auch interessant",
            "ebenfalls interessant", "empfehlungen", "unsere empfehlungen", "meistgelesen",
            "meistgelesene artikel", "meist gelesen", "am meisten gelesen", "beliebte artikel",
            "beliebte beiträge", "top-artikel", "top artikel", "aktuelle artikel", "aktuelle beiträge",
            "aktuelle nachrichten", "neueste artikel", "neueste beiträge", "neue beiträge",
            "vorheriger artikel", "nächster artikel", "vorheriger beitrag", "nächster beitrag",
            "zum thema", "zum weiterlesen", "auch lesenswert", "passend dazu", "mehr aus",
            "lire aussi", "à lire aussi", "a lire aussi", "à lire également", "lire la suite", "voir aussi",
            "sur le même sujet", "articles similaires", "articles liés", "les plus lus",
            "dans la même rubrique", "leer más", "lee también", "lea también", "te puede interesar",
            "lea más", "le puede interesar", "puede interesarte", "también puede leer", "mire también",
            "infórmate más", "informate más", "ver también", "lesenswert",
            "también te puede interesar", "noticias relacionadas", "artículos relacionados", "lo más leído",
            "más leídas", "más noticias", "ver más", "czytaj też", "czytaj także", "czytaj więcej",
            "czytaj również", "zobacz też", "zobacz także", "zobacz również", "polecamy",
            "najczęściej czytane", "podobne artykuły", "najnowsze", "leggi anche", "leggi di più",
            "articoli correlati", "potrebbe interessarti", "i più letti", "lees ook", "lees meer",
            "gerelateerde artikelen", "meest gelezen", "leia também", "leia mais", "veja também",
            "notícias relacionadas", "mais lidas",
        ]),
        (.comments, .prefix, [
            "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
            "join the discussion", "join the conversation", "comments", "comment", "show comments",
            "load comments", "view comments", "your email address will not be published",
            "your email address will not be", "required fields are marked", "cancel reply",
            "log in to reply", "login to reply", "log in to comment", "reply", "kommentare",
            "kommentar", "kommentar schreiben", "kommentar verfassen", "kommentare anzeigen",
            "schreibe einen kommentar", "schreiben sie einen kommentar", "hinterlasse einen kommentar",
            "hinterlassen sie einen kommentar", "deine e-mail-adresse wird nicht veröffentlicht",
            "ihre e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind",
            "pflichtfelder sind", "antworten", "antwort abbrechen", "laisser un commentaire",
            "commentaires", "commentaire", "votre adresse e-mail ne sera pas publiée",
            "votre adresse de messagerie ne sera pas publiée", "répondre", "deja un comentario",
            "dejar un comentario", "deja una respuesta", "comentarios", "comentario",
            "tu dirección de correo electrónico no será publicada", "responder", "komentarze",
            "komentarz", "dodaj komentarz", "napisz komentarz", "odpowiedz", "lascia un commento",
            "lascia un commento", "commenti", "rispondi", "laat een reactie achter", "reacties",
            "reageer", "deixe um comentário", "deixe uma resposta", "comentários", "name email website",
            "save my name email and website",
        ]),
        (.chrome, .whole, [
            "skip to content", "skip to main content", "jump to navigation", "skip navigation",
            "zum inhalt springen", "zum inhalt", "zur navigation", "direkt zum inhalt", "aller au contenu",
            "ir al contenido", "przejdź do treści", "vai al contenuto", "naar inhoud springen",
            "menu", "menü", "main menu", "navigation", "navigation menu", "hauptmenü", "hauptnavigation",
            "search", "suche", "suchen", "rechercher", "recherche", "buscar", "búsqueda", "szukaj",
            "cerca", "zoeken", "pesquisar", "search for", "suchen nach", "home", "homepage",
            "startseite", "accueil", "inicio", "strona główna", "login", "log in", "sign in", "sign up",
            "register", "logout", "log out", "anmelden", "abmelden", "einloggen", "registrieren",
            "mein konto", "my account", "account", "connexion", "se connecter", "iniciar sesión",
            "registrarse", "zaloguj", "zaloguj się", "zarejestruj", "accedi", "registrati", "inloggen",
            "share", "share this", "share this article", "share this story", "share on facebook",
            "share on twitter", "teilen", "artikel teilen", "beitrag teilen", "seite teilen",
            "inhalt teilen", "partager", "partager cet article", "compartir", "udostępnij", "condividi",
            "delen", "compartilhar", "tweet", "facebook", "twitter", "instagram", "linkedin", "pinterest",
            "whatsapp", "youtube", "telegram", "reddit", "xing", "flipboard", "email", "e-mail", "mail",
            "print", "drucken", "imprimer", "imprimir", "drukuj", "stampa", "afdrukken", "copy link",
            "link kopieren", "url kopieren", "url zum kopieren", "back to top", "scroll to top",
            "nach oben", "zurück nach oben", "top", "haut de page", "volver arriba", "do góry",
            "torna su", "naar boven", "load more", "mehr laden", "more", "mehr", "weiter", "zurück",
            "back", "next", "previous", "close", "schließen", "schliessen", "fermer", "cerrar",
            "zamknij", "chiudi", "sluiten", "exit mobile version", "mobile version", "desktop version",
            "zur mobilen ansicht", "tags", "tagged", "schlagwörter", "schlagworte", "stichwörter",
            "themen", "topics", "categories", "category", "kategorien", "kategorie", "catégories",
            "categorías", "kategorie", "categorie", "filed under", "posted in", "veröffentlicht in",
            "you are here", "sie sind hier", "vous êtes ici", "estás aquí", "jesteś tutaj",
            "follow us", "folgen sie uns", "folge uns", "suivez-nous", "suivez nous", "síguenos",
            "obserwuj nas", "seguici", "volg ons", "siga-nos", "contact", "contact us", "kontakt",
            "impressum", "imprint", "about us", "über uns", "qui sommes-nous", "quiénes somos",
            "o nas", "chi siamo", "over ons", "sitemap", "faq", "hilfe", "help", "aide", "ayuda",
            "pomoc", "aiuto", "rss", "rss feed", "newsletter", "podcast", "podcasts", "video",
            "videos", "e-paper", "epaper", "abo", "abonnement", "abonnieren", "view all", "alle anzeigen",
            "see all", "show all", "voir tout", "ver todo", "zobacz wszystkie", "vedi tutti",
            "bekijk alles", "click here", "hier klicken", "klicken sie hier", "cliquez ici",
            "haga clic aquí", "kliknij tutaj", "clicca qui", "klik hier", "gallery", "galerie",
            "bildergalerie", "fotostrecke", "galería", "galeria", "galleria", "open menu", "close menu",
            "toggle navigation", "toggle menu", "merkliste", "warenkorb", "cart", "shop", "archiv",
            "archive", "archives", "services", "service", "jobs", "stellenmarkt", "immobilien",
            "english", "deutsch", "français", "español", "polski", "italiano", "nederlands",
            "loading", "wird geladen", "beitrag laden", "inhalt laden", "mehr erfahren", "learn more",
            "weiterlesen", "read more", "continue reading", "lire plus", "en savoir plus", "leer más",
            "czytaj dalej", "leggi tutto", "lees verder", "saiba mais", "more info", "details",
            "zur startseite", "zurück zur startseite", "mit freunden teilen", "jetzt teilen",
            "hier kostenlos anmelden", "kostenlos anmelden", "jetzt anmelden", "jetzt registrieren", "back to home", "zurück zur übersicht",
            "übersicht", "overview", "powered by wordpress", "proudly powered by wordpress",
        ]),
        (.chrome, .prefix, [
            "share on", "share via", "teilen auf", "auf facebook teilen", "auf twitter teilen",
            "bei facebook teilen", "per e-mail teilen", "per whatsapp teilen", "follow us on",
            "folgen sie uns auf", "find us on", "like us on", "all posts by", "alle beiträge von",
            "alle artikel von", "view all posts", "posted in", "filed under", "tagged with",
            "tags:", "schlagwörter:", "stichworte:", "you are here:", "sie sind hier:", "startseite",
            "home »", "zur übersicht", "powered by", "theme by", "designed by", "website by",
            "mit dem laden des beitrags akzeptieren", "mit dem laden des videos akzeptieren",
            "mit dem laden der karte akzeptieren", "instagram-beiträge immer entsperren",
            "youtube-videos immer entsperren", "inhalte von", "externe inhalte", "externer inhalt",
            "um diesen inhalt zu sehen", "to view this content", "this content is blocked",
            "dieser inhalt ist blockiert", "bitte aktivieren sie javascript", "please enable javascript",
            "javascript is disabled", "your browser does not support", "ihr browser unterstützt",
            "der browser unterstützt", "image title", "bildtitel",
        ]),
        (.appeal, .prefix, [
            "support us", "support our journalism", "support independent journalism", "please support",
            "donate", "donate now", "make a donation", "make a gift", "become a member",
            "become a supporter", "become a patron", "subscribe now", "subscribe today",
            "subscribe to our newsletter", "sign up for our newsletter", "sign up for",
            "get our newsletter", "join our newsletter", "join our mailing list",
            "subscribe to our mailing list", "newsletter abonnieren", "zum newsletter anmelden",
            "jetzt newsletter", "jetzt spenden", "spenden sie", "unterstützen sie", "unterstütze uns",
            "jetzt unterstützen", "werden sie mitglied", "jetzt abonnieren", "jetzt abo",
            "abo abschließen", "jetzt testen", "jetzt lesen", "jetzt weiterlesen", "weiterlesen mit",
            "möchten sie weiterlesen", "sie möchten weiterlesen", "bereits abonnent",
            "already a subscriber", "already have an account", "to continue reading",
            "continue reading with", "subscribe to continue", "faire un don", "soutenez",
            "abonnez-vous", "déjà abonné", "haz una donación", "suscríbete", "ya eres suscriptor",
            "wesprzyj", "wspieraj", "przekaż darowiznę", "sostienici", "fai una donazione",
            "abbonati", "doneer", "steun ons", "word lid", "apoie", "faça uma doação", "assine",
            "before you go", "if you enjoyed this",
            "if you like this article", "if you liked this article", "thank you for reading",
            "thanks for reading", "danke fürs lesen", "vielen dank fürs lesen",
        ]),
        (.appeal, .anywhere, [
            "please support", "support independent journalism", "support independent news",
            "support our journalism", "support our work", "support our reporting", "make a gift",
            "make a donation", "donate today", "donate now", "become a member today",
            "become a subscriber", "before you go", "unterstützen sie unabhängigen journalismus",
            "unterstützen sie unsere arbeit", "jetzt spenden", "mit einer spende", "soutenez-nous",
            "faites un don", "apóyanos", "haz una donación", "wesprzyj nas", "sostieni il nostro",
            "steun ons", "apoie o", "support independent", "sign up for our newsletter",
            "subscribe to our newsletter", "signing up to our newsletter", "sign up to our newsletter",
            "enter your email", "enter your e-mail", "newsletter abonnieren", "zum newsletter anmelden",
            "e-mail-adresse eingeben", "abonnez-vous à notre newsletter", "inscrivez-vous à notre newsletter",
            "suscríbete a nuestro boletín", "zapisz się do newslettera",
        ]),
        (.legal, .prefix, [
            "copyright", "privacy policy", "privacy", "datenschutz", "datenschutzerklärung",
            "datenschutzhinweise", "datenschutzeinstellungen", "privatsphäre-einstellungen",
            "privatsphäre", "cookie settings", "cookie-einstellungen", "cookie einstellungen",
            "cookies", "cookie policy", "cookie-richtlinie", "we use cookies", "this site uses cookies",
            "this website uses cookies", "wir verwenden cookies", "wir nutzen cookies",
            "diese website verwendet cookies", "diese webseite verwendet cookies",
            "diese website benutzt cookies", "nous utilisons des cookies", "ce site utilise des cookies",
            "utilizamos cookies", "este sitio utiliza cookies", "este sitio web utiliza cookies",
            "używamy plików cookie", "ta strona używa", "ta strona korzysta", "utilizziamo i cookie",
            "questo sito utilizza", "wij gebruiken cookies", "deze website gebruikt cookies",
            "terms of use", "terms of service", "terms and conditions", "nutzungsbedingungen", "agb",
            "haftungsausschluss", "disclaimer", "mentions légales", "conditions générales",
            "aviso legal", "política de privacidad", "política de cookies", "polityka prywatności",
            "polityka cookies", "regulamin", "informativa sulla privacy", "note legali",
            "privacybeleid", "algemene voorwaarden", "política de privacidade", "termos de uso",
            "accept all", "alle akzeptieren", "akzeptieren", "accept", "ablehnen", "reject all",
            "einverstanden", "zustimmen", "ok", "alle rechte vorbehalten", "all rights reserved",
        ]),
        (.legal, .anywhere, [
            "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
            "todos los derechos reservados", "wszelkie prawa zastrzeżone", "tutti i diritti riservati",
            "alle rechten voorbehouden", "todos os direitos reservados", "uses cookies",
            "use cookies", "verwendet cookies", "verwenden cookies", "nutzt cookies", "nutzen cookies",
            "utilise des cookies", "utiliza cookies", "używa plików cookie", "utilizza cookie",
            "gebruikt cookies", "privacy policy", "datenschutzerklärung", "korzystamy z cookies",
            "plików cookies", "plików cookie", "pliki cookies", "copyrighted", "urheberrechtlich geschützt",
            "chroniony prawem autorskim", "protégé par le droit d'auteur", "protegido por derechos de autor",
            "affiliate links", "affiliate link", "affiliate-links", "affiliate-link", "earn a commission",
            "eine provision", "opinions expressed", "n'engagent que leurs auteurs",
            "die meinung des autors", "nicht die meinung der redaktion",
        ]),
        (.readingTime, .prefix, [
            "reading time", "read time", "estimated reading time", "lesezeit", "lesedauer",
            "geschätzte lesezeit", "temps de lecture", "tiempo de lectura", "czas czytania",
            "tempo di lettura", "leestijd", "tempo de leitura",
        ]),
        (.readingTime, .anywhere, [
            "min read", "mins read", "minute read", "minutes read", "minuten lesezeit", "min lesezeit",
            "min de lecture", "minutes de lecture", "min de lectura", "minutos de lectura",
            "min czytania", "minut czytania", "min di lettura", "minuti di lettura", "min leestijd",
            "min de leitura",
        ]),
        (.dateline, .prefix, [
            "published", "published on", "published at", "updated", "last updated", "updated on",
            "posted on", "posted", "veröffentlicht", "veröffentlicht am", "aktualisiert",
            "aktualisiert am", "zuletzt aktualisiert", "zuletzt geändert", "erstellt am", "erschienen am",
            "stand", "publié le", "publié", "mis à jour", "mis à jour le", "publicado", "publicado el",
            "actualizado", "opublikowano", "aktualizacja", "data publikacji", "pubblicato",
            "pubblicato il", "aggiornato", "gepubliceerd", "bijgewerkt", "publicado em", "atualizado",
        ]),
        (.authorBio, .prefix, [
            "about the author", "about the authors", "about the writer", "about the contributor",
            "über den autor", "über die autorin", "über die autoren", "zur person", "zum autor",
            "zur autorin", "à propos de l'auteur", "à propos de l'autrice", "sobre el autor",
            "sobre la autora", "o autorze", "o autorce", "sull'autore", "l'autore", "over de auteur",
            "over de schrijver", "sobre o autor", "sobre a autora",
        ]),
    ])

    /// Words of links and calls to action, counted anywhere in a line.
    static let actionWords: Set<UInt64> = hashSet("""
        share shares shared teilen partager compartir udostępnij condividi delen compartilhar tweet \
        facebook twitter instagram linkedin pinterest whatsapp youtube telegram xing tiktok reddit \
        email mail print drucken imprimer login logout anmelden abmelden einloggen registrieren \
        subscribe abonnieren abonnez suscríbete abbonati newsletter cookie cookies datenschutz \
        impressum privacy agb kontakt contact menu menü suche search startseite homepage home \
        weiterlesen more mehr click klicken klick download herunterladen app rss podcast video \
        videos galerie gallery foto fotos photo photos abo epaper shop merken merkliste \
        kommentare comments comment kommentar commentaires comentarios komentarze commenti \
        newsletters follow folgen anzeige werbung advertisement sponsored kaufen bestellen buy \
        order download teilen tweeten twittern pinnen merken speichern anmelden registrieren \
        subscribe
        """)

    /// Verbs that introduce a reader's comment in a thread.
    static let commentVerbs: Set<UInt64> = hashSet("""
        said says wrote writes replied sagt sagte schreibt schrieb meint meinte antwortete dit écrit \
        dice dijo escribió respondió pisze napisał napisała odpowiedział scrive ha scritto zegt schreef \
        disse escreveu
        """)

    /// Month names and abbreviations in the languages covered.
    static let monthNames: Set<UInt64> = hashSet("""
        january february march april may june july august september october november december \
        jan feb mar apr jun jul aug sep sept oct nov dec \
        januar jänner februar märz maerz juni juli oktober dezember okt dez \
        janvier février mars avril mai juin juillet août septembre octobre novembre décembre \
        enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre \
        stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia \
        styczeń luty marzec kwiecień czerwiec lipiec sierpień wrzesień październik listopad grudzień \
        gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre \
        januari februari maart mei augustus oktober \
        janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
        """)

    /// Words that credit a photo: agencies, stock libraries, "photo", "credit".
    static let creditWords: Set<UInt64> = hashSet("""
        photo photos foto fotos fotó bild bilder image images credit credits bildquelle quelle \
        fot zdjęcie zdjęcia crédit crédito getty reuters afp dpa epa apa imago keystone shutterstock \
        istock istockphoto unsplash pixabay ap picture alliance archiv archive ddp kna sda \
        photography fotografie illustration grafik courtesy thinkstock dreamstime fotolia \
        stock adobestock depositphotos
        """)

    /// Words that introduce a byline.
    static let bylineWords: Set<UInt64> = hashSet("""
        by von par por di door autor author autorin auteur autore text texte redaktion written \
        geschrieben napisał napisała escrito scritto
        """)

    private static func hashSet(_ words: String) -> Set<UInt64> {
        var set = Set<UInt64>()
        for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            for hash in WordHasher.hashes(of: String(word)) { set.insert(hash) }
        }
        return set
    }
}
