/// Words that say a claim is false, and the words that tie them to the claim: linking verbs,
/// intensifiers, negators, nouns that name a claim, refuting verbs and speech verbs.
enum DisputeLexicon {
    private static func words(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    /// Said of a claim, they call it false ("is inaccurate", "proven to be wrong", "a lie").
    static let falsehood = words("""
        false untrue inaccurate misleading unfounded baseless groundless wrong incorrect erroneous bogus \
        fabricated unsubstantiated unsupported disproven disproved debunked fictitious spurious distorted \
        lie lies falsehood falsehoods fabrication fabrications misinformation disinformation myth hoax \
        nonsense inaccuracy inaccuracies
        """)

    /// Said of a claim with a negation, they call it false ("not true", "isn't accurate").
    static let truth = words("true accurate correct factual right supported substantiated verified case")

    /// Linking verbs between a claim and what it is called.
    static let linkers = words("""
        is are was were be been being seems seem seemed appears appear appeared remains remain remained \
        proved proven proves prove became become becomes deemed called labeled labelled branded dubbed \
        as found shown considered looks sounds
        """)

    /// Words allowed between a linking verb and the cue ("is simply not true", "was a complete lie").
    static let intensifiers = words("""
        simply completely patently demonstrably entirely totally clearly wholly also largely partly \
        partially flatly utterly categorically absolutely plainly obviously factually blatantly highly \
        deeply very both all equally just quite most mostly arguably itself themselves certainly \
        a an the complete total outright blatant flat big bald pure another further so too still to \
        has have had will would may might could should must
        """)

    /// Auxiliaries and modals: after "a claim that" they make "that" a relative pronoun.
    static let auxiliaries = words("has have had will would can could may might should must does do did")

    /// Words that may follow a refutation without making it qualify a noun ("false in every respect",
    /// "wrong about the date", "untrue and unfair").
    static let followers = words("""
        and or but because since as according in on at by to for that which with despite given if when \
        though although about regarding from after before until unless while so then again too anyway
        """)

    static let negators = words("not never hardly nor no barely")

    /// Nouns that name something said ("this statement", "the claim that").
    static let claimNouns = words("""
        claim claims statement statements assertion assertions allegation allegations remark remarks \
        comment comments suggestion suggestions notion idea report reports characterization \
        characterisation account accounts narrative premise argument contention description rumor \
        rumors rumour rumours story stories post posts tweet tweets promise promises prediction theory \
        theories insinuation accusation accusations charge charges impression assessment figure figures \
        estimate estimates version depiction portrayal framing belief assumption reporting boast pledge \
        declaration announcement message
        """)

    /// Words before a claim noun that point back at something said earlier.
    static let pointers = words("this that these those the his her their its such our your my")

    /// Pronouns that stand for what was just said.
    static let pronouns = words("this that it these those which")

    /// Verbs that reject a claim as their object ("denied that", "disputed the report").
    static let refutingVerbs = words("""
        deny denied denies denying dispute disputed disputes disputing refute refuted refutes refuting \
        reject rejected rejects rejecting contradict contradicted contradicts contradicting debunk \
        debunked debunks debunking disprove disproved disproves disproving rebut rebutted rebuts rebutting \
        dismissed dismisses dismiss
        """)

    /// Adverbs that say a statement was false ("falsely claimed").
    static let falsely = words("""
        falsely wrongly inaccurately misleadingly baselessly erroneously incorrectly mistakenly untruthfully
        """)

    /// Verbs of saying.
    static let speechVerbs = words("""
        say said says claim claimed claims assert asserted asserts state stated states suggest suggested \
        suggests allege alleged alleges accuse accused accuses write wrote writes post posted posts tweet \
        tweeted tweets insist insisted insists tell told tells argue argued argues declare declared declares \
        announce announced announces report reported reports maintain maintained maintains contend \
        contended contends promise promised promises boast boasted boasts predict predicted predicts \
        describe described describes characterize characterized
        """)

    /// Words that begin a clause of their own inside a sentence.
    static let clauseBreaks = words("but however although though while whereas yet")
}
