/// Word lists for attributing speech: reporting verbs by how they frame a quote, pronouns,
/// roles, descriptors of unnamed speakers, prepositions, works and social platforms.
enum SpeechLexicon {
    /// How a reporting verb takes its quote.
    enum Cue: Sendable, Equatable {
        /// "said", "posted", "told": the quote is what was said.
        case speech
        /// "described ... as", "characterized ... as": the quote follows "as".
        case describedAs
        /// "called it", "dubbed him": the quote follows a short object.
        case naming
        /// "according" (with "to"): the speaker follows.
        case according
    }

    static let cues: FoldedWordTable<Cue> = {
        let speech = """
            say said says saying tell told tells telling add added adds adding state stated states stating \
            assert asserted asserts asserting write wrote writes writing written post posted posts posting \
            tweet tweeted tweets tweeting argue argued argues arguing note noted notes noting \
            explain explained explains explaining insist insisted insists insisting warn warned warns warning \
            claim claimed claims claiming declare declared declares declaring announce announced announces announcing \
            reply replied replies replying respond responded responds responding continued continues \
            acknowledge acknowledged acknowledges acknowledging admit admitted admits admitting \
            recall recalled recalls recalling remark remarked observe observed observes \
            emphasize emphasized emphasizes emphasizing emphasise emphasised emphasises stress stressed stresses stressing \
            highlight highlighted highlights highlighting urge urged urges urging vow vowed vows vowing \
            promise promised promises promising predict predicted predicts suggest suggested suggests suggesting \
            concede conceded concedes confirm confirmed confirms confirming deny denied denies denying \
            maintain maintained maintains countered counters ask asked asks asking shout shouted shouts \
            exclaim exclaimed quip quipped quips joke joked jokes boast boasted boasts complain complained complains \
            lament lamented laments recount recounted recounts reiterate reiterated reiterates reiterating \
            affirm affirmed affirms pledge pledged pledges tout touted touts reported \
            agree agreed agrees testify testified testifies mused muse scoffed retorted retort conclude concluded \
            reply replied added adds insist cautioned cautions contend contended contends laughed sighed \
            wondered chuckled yelled screamed whispered muttered ordered pleaded remember remembered remembers \
            accused accuses accusing read reads
            """
        let describedAs = """
            describe described describes describing characterize characterized characterizes characterise \
            characterised label labeled labelled labels term termed brand branded dismissed hailed introduced introduces
            """
        let naming = "call called calls calling dub dubbed dubs"
        var entries: [(String, Cue)] = []
        for word in speech.split(whereSeparator: { $0 == " " || $0 == "\n" }) { entries.append((String(word), .speech)) }
        for word in describedAs.split(whereSeparator: { $0 == " " || $0 == "\n" }) { entries.append((String(word), .describedAs)) }
        for word in naming.split(whereSeparator: { $0 == " " || $0 == "\n" }) { entries.append((String(word), .naming)) }
        entries.append(("according", .according))
        return FoldedWordTable(entries)
    }()

    /// Words after "told" that name an audience, not a venue: "told reporters".
    static let audiences = FoldedWordTable([
        "reporters", "journalists", "press", "supporters", "crowd", "audience", "lawmakers", "parliament",
        "congress", "senators", "students", "listeners", "viewers", "voters", "delegates", "colleagues", "staff",
    ], value: true)

    /// Determiners and possessives: a cue word after one is a noun ("a post", "his remarks").
    static let determiners = FoldedWordTable([
        "a", "an", "the", "his", "her", "their", "its", "this", "that", "these", "those", "my", "our", "your",
    ], value: true)

    static let prepositions = FoldedWordTable([
        "on", "in", "to", "with", "at", "from", "for", "of", "by", "about", "against", "toward", "towards", "into",
        "onto", "between", "among", "without", "like", "than", "over", "under", "after", "before", "including",
        "via", "per", "upon", "during", "through", "beside", "besides", "alongside", "behind", "near", "across",
    ], value: true)

    /// Subordinating words that start a new clause: a cue after one has its own subject.
    static let clauseStarts = FoldedWordTable([
        "though", "although", "while", "whereas", "but", "because", "since", "when", "after", "before", "if",
        "unless", "which", "who", "whom",
    ], value: true)

    /// Role words that stand for a person ("the prime minister said").
    static let roles = FoldedWordTable([
        "president", "prime", "premier", "minister", "chancellor", "secretary", "senator", "governor", "mayor",
        "spokesman", "spokeswoman", "spokesperson", "ambassador", "king", "queen", "pope", "chairman",
        "chairwoman", "chair", "ceo", "leader", "general", "commander", "judge", "justice", "speaker", "envoy",
        "representative", "congressman", "congresswoman", "lawmaker", "candidate", "president-elect", "coach",
        "director", "founder", "emir", "sheikh", "prince", "princess", "monarch", "sultan", "ayatollah",
    ], value: true)

    /// Words between "the" and a role ("the former president", "the Israeli prime minister").
    static let roleModifiers = FoldedWordTable([
        "former", "then", "new", "incoming", "outgoing", "late", "current", "acting", "interim", "deputy", "vice",
        "foreign", "defense", "defence", "finance", "interior", "economy", "health", "energy", "justice", "chief",
        "top", "senior",
    ], value: true)

    /// Nouns naming an unnamed speaker ("a senior official", "two sources").
    static let speakerNouns = FoldedWordTable([
        "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "aide", "aides",
        "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "witness", "witnesses", "resident",
        "residents", "lawyer", "lawyers", "attorney", "police", "statement", "officer", "officers", "spokespeople",
        "office", "campaign", "ministry", "government", "administration", "military", "army", "agency",
        "company", "firm", "group", "organization", "organisation", "label", "studio", "network", "union",
        "party", "club", "team", "department", "commission", "committee", "council", "court", "board", "bank",
    ], value: true)

    /// Nouns that stand for an organization named before ("the company said", "the statement read").
    static let organizationNouns = FoldedWordTable([
        "company", "firm", "group", "organization", "organisation", "label", "studio", "network", "union",
        "party", "club", "team", "statement", "agency", "ministry", "department", "commission", "committee",
        "council", "board", "bank", "spokesperson", "spokesman", "spokeswoman",
    ], value: true)

    /// Who or what speaks for an organization: "a spokesman for Waitrose", "a statement from X".
    static let representatives = FoldedWordTable([
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "representative",
        "statement", "representatives",
    ], value: true)

    /// Writings that speak for their author: "the letter read", "Willoughby’s letter continued".
    static let documents = FoldedWordTable([
        "letter", "statement", "post", "tweet", "message", "email", "e-mail", "memo", "note", "release", "op-ed",
    ], value: true)

    /// People a story may quote without naming them ("one user quipped", "a neighbour said").
    static let unnamedSpeakers = FoldedWordTable([
        "user", "users", "man", "woman", "voter", "voters", "fan", "fans", "critic", "critics", "supporter",
        "supporters", "commenter", "observer", "observers", "reader", "viewer", "student", "doctor", "teacher",
        "worker", "neighbor", "neighbour", "protester", "protesters", "mother", "father", "veteran", "survivor",
        "employee", "employees", "executive", "executives", "researcher", "researchers", "scientist",
        "scientists", "lawmaker", "lawmakers", "person", "people", "member", "members", "owner", "customer",
    ], value: true)

    /// Nouns before a title of a work ("the premiere of “Arcane”", "the book “Fire and Fury”").
    static let works = FoldedWordTable([
        "premiere", "film", "movie", "book", "novel", "series", "show", "song", "album", "play", "documentary",
        "article", "headline", "essay", "poem", "podcast", "titled", "entitled", "column", "opera", "musical",
        "painting", "exhibition", "exhibit", "sequel", "season", "episode", "memoir", "game", "magazine",
        "newspaper", "program", "programme", "slogan", "hashtag", "operation", "report", "study", "bill", "act",
    ], value: true)

    /// Words between a speaker and the reporting verb ("Smith also said", "Smith has repeatedly said").
    static let verbModifiers = FoldedWordTable([
        "also", "later", "then", "has", "had", "have", "previously", "once", "again", "further", "would", "will",
        "did", "does", "recently", "earlier", "often", "never", "first", "last", "still", "even", "just",
    ], value: true)

    /// Nouns for a person a story has named, with the gender they give ("said the actress").
    /// Generic ones ("the man", "the patient") are left out: they often stand for someone unnamed.
    static let personNouns: FoldedWordTable<PersonGender> = {
        let neutral = """
            singer songwriter guitarist drummer bassist rapper musician star comedian host presenter player \
            striker midfielder defender quarterback pitcher champion boxer fighter challenger veteran killer suspect \
            defendant gunman pastor reverend priest bishop rabbi imam author novelist writer filmmaker producer \
            model designer chef entrepreneur billionaire hotelier professor economist historian envoy diplomat \
            publicist rep athlete skater swimmer golfer cyclist driver rider frontman coach manager
            """
        var entries: [(String, PersonGender)] = neutral.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { (String($0), .unknown) }
        entries += ["actress", "businesswoman", "sportswoman", "chairwoman", "congresswoman"].map { ($0, .female) }
        entries += ["actor", "businessman", "sportsman"].map { ($0, .male) }
        return FoldedWordTable(entries)
    }()

    /// Titles before a name, left out of a name recognition missed ("Lt. Hastings said").
    static let titles = FoldedWordTable([
        "mr", "mrs", "ms", "dr", "lt", "sgt", "capt", "gov", "sen", "rep", "det", "gen", "col", "maj", "prof", "rev",
        "dist", "atty", "officer", "deputy", "sheriff", "judge", "chief", "coach", "president", "detective",
        "sergeant", "lieutenant", "captain", "governor", "senator", "mayor", "minister", "secretary", "director",
    ], value: true)

    /// Capitalized words that speak as a group, not a name ("Police said", "Officials said").
    static let commonSubjects = FoldedWordTable([
        "police", "officials", "authorities", "investigators", "prosecutors", "witnesses", "sources", "experts",
        "critics", "teachers", "residents", "democrats", "republicans", "officers", "firefighters", "doctors",
        "scientists", "researchers", "analysts", "students", "parents", "protesters", "others", "both", "some",
        "many", "all", "most", "several", "everyone", "nobody", "people", "the", "a", "an", "this", "that",
        "his", "her", "their", "its", "our", "my", "your", "one", "two", "three", "neither", "each", "another",
        "state", "federal", "local", "court", "officer",
    ], value: true)

    /// Prepositions before a show's or work's title: "said on “Fox News Sunday”".
    static let titlePrepositions = FoldedWordTable(["on", "in", "from", "of", "at"], value: true)

    /// Words that name a term when nobody does the naming right before them ("a condition called “...”").
    static let namingWords = FoldedWordTable([
        "called", "dubbed", "termed", "nicknamed", "labeled", "labelled", "branded", "titled", "entitled", "named",
    ], value: true)

    /// Pronouns that can do the naming ("what he called “...”").
    static let personalPronouns = FoldedWordTable([
        "he", "she", "they", "we", "i", "you", "it",
    ], value: true)

    /// A colon lead-in starting with one of these names the quote's topic ("Of Clinton: “...”").
    static let topicPrepositions = FoldedWordTable(["of", "on", "about", "regarding", "re"], value: true)

    /// Social platforms, by their first word, with the name a venue reports.
    static let platforms = FoldedWordTable<String>([
        ("x", "X"), ("twitter", "Twitter"), ("facebook", "Facebook"), ("instagram", "Instagram"),
        ("telegram", "Telegram"), ("tiktok", "TikTok"), ("youtube", "YouTube"), ("threads", "Threads"),
        ("bluesky", "Bluesky"), ("linkedin", "LinkedIn"), ("reddit", "Reddit"), ("weibo", "Weibo"),
        ("mastodon", "Mastodon"), ("substack", "Substack"), ("whatsapp", "WhatsApp"), ("snapchat", "Snapchat"),
        ("truth", "Truth Social"), ("gettr", "Gettr"), ("parler", "Parler"), ("rumble", "Rumble"),
    ])

    /// Where something is said: "in a July interview", "at a press conference".
    static let media = FoldedWordTable([
        "interview", "statement", "post", "tweet", "video", "speech", "letter", "op-ed", "email", "e-mail",
        "message", "podcast", "broadcast", "address", "briefing", "memo", "essay", "column", "thread", "livestream",
        "conference", "rally", "hearing", "summit", "debate", "ceremony", "radio", "television", "documentary",
        "testimony", "sermon", "announcement", "readout", "communique", "op", "editorial", "letter", "remarks",
    ], value: true)
}
