import CrossreadCore
import Testing

/// `LanguageGuess` (core) on sentences written for the test, one per language, and on text too
/// short or too mixed to call.
@Suite("Language guess from stop words")
struct LanguageGuessTests {
    @Test("one sentence per language", arguments: [
        ("en", "The council said that it would not raise the fees this year, because most of the families in the town are already struggling with the rent."),
        ("de", "Der Stadtrat hat am Montag beschlossen, dass die Gebühren in diesem Jahr nicht erhöht werden, weil viele Familien schon jetzt mit der Miete kämpfen."),
        ("fr", "Le conseil a décidé que les tarifs ne seraient pas augmentés cette année, car la plupart des familles de la ville ont déjà du mal à payer leur loyer."),
        ("es", "El ayuntamiento dijo que no subirá las tasas este año, porque la mayoría de las familias de la ciudad ya tienen problemas para pagar el alquiler."),
        ("pl", "Rada miasta postanowiła, że w tym roku opłaty nie zostaną podniesione, ponieważ wiele rodzin już teraz ma problem z czynszem i nie jest w stanie płacić więcej."),
        ("it", "Il consiglio ha deciso che le tariffe non saranno aumentate quest'anno, perché la maggior parte delle famiglie della città ha già difficoltà con l'affitto."),
        ("nl", "De gemeenteraad heeft besloten dat de tarieven dit jaar niet worden verhoogd, omdat veel gezinnen in de stad nu al moeite hebben met de huur."),
        ("pt", "A câmara decidiu que as taxas não serão aumentadas este ano, porque a maioria das famílias da cidade já tem dificuldade para pagar o aluguel."),
        ("zh", "市议会在周一决定，今年不会提高收费，因为城里的很多家庭已经很难支付房租了，他们说这是一个艰难的决定。"),
    ])
    func sentence(_ expected: String, _ text: String) {
        #expect(LanguageGuess.code(for: text) == expected)
    }

    @Test("too little evidence gives nil")
    func unsure() {
        #expect(LanguageGuess.code(for: "") == nil)
        #expect(LanguageGuess.code(for: "Netanyahu Trump Iran Gaza") == nil)
        #expect(LanguageGuess.code(for: "12:13 PM · 4 min · 2024") == nil)
    }

    @Test("capitals and accents are folded before the lookup")
    func folding() {
        #expect(LanguageGuess.code(for: "DER HUND UND DIE KATZE SIND IN DEM HAUS, ABER NICHT IM GARTEN.") == "de")
        #expect(LanguageGuess.code(for: "ÉTÉ: LE CHIEN ET LE CHAT SONT DANS LA MAISON AVEC LES ENFANTS.") == "fr")
    }

    @Test("stop-word table keys: the same word in any case has the same mask")
    func table() {
        func mask(_ word: String) -> UInt16 {
            var mask: UInt16 = 0
            var text = word
            text.withUTF8 { bytes in LanguageGuess.forEachWordKey(bytes) { mask |= LanguageGuess.stopWordMask(key: $0) } }
            return mask
        }
        #expect(mask("the") != 0)
        #expect(mask("The") == mask("the"))
        #expect(mask("ÜBER") == mask("über"))
        #expect(mask("Netanyahu") == 0)
        #expect(mask("nevertheless") == 0)  // longer than 8 bytes: never a stop word
    }
}
