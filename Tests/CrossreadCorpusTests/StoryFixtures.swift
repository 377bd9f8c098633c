import CrossreadCore
import Foundation

/// Fictional articles written for these tests: two ferry accidents in one harbour town, years apart,
/// with different people; and a library vote elsewhere.
enum StoryFixtures {
    static func document(_ id: String, title: String, published: String?, _ text: String) -> Document {
        var metadata = DocumentMetadata(title: title)
        metadata.published = published.flatMap(PublicationDate.parse)
        // The document id is the first 12 characters of the content hash: the fixture name, padded.
        return Document(contentHash: id.padding(toLength: 64, withPad: "-", startingAt: 0), source: id, format: .text,
                        original: Array(text.utf8), text: text, paragraphs: [], metadata: metadata, removed: [])
    }

    static let rampCrack: [Document] = [
        document("rampcrack-01", title: "Portvale suspends evening ferry after ramp crack", published: "2026-03-10", """
        The harbour authority in Portvale suspended the evening ferry on Tuesday after inspectors found a crack \
        in the loading ramp at the north pier. Harbour master Ines Carvalho said the Solent Star would stay \
        docked until engineers from Marwick Engineering examine the ramp. About 1,200 commuters use the crossing.
        """),
        document("rampcrack-02", title: "Crack in Portvale pier ramp halts ferries", published: "2026-03-11", """
        Ferries between Portvale and Eastholm are cancelled after a crack appeared in the north pier ramp, \
        harbour master Ines Carvalho told reporters. Marwick Engineering will inspect the ramp on Wednesday. \
        Commuters on the Solent Star were sent to the coastal bus.
        """),
        document("rampcrack-03", title: "Ramp repairs could keep Portvale ferry idle until Friday", published: "2026-03-12", """
        Engineers from Marwick Engineering said the cracked ramp at Portvale's north pier needs new steel plates. \
        Ines Carvalho, the harbour master, expects the Solent Star to resume the Eastholm crossing on Friday. \
        Shop owners on Quay Street fear losing trade while the ferry is idle.
        """),
    ]

    static let engineFire: [Document] = [
        document("enginefire-1", title: "Fire on Portvale ferry forces evacuation", published: "2019-08-02", """
        Passengers were evacuated from the Northern Belle in Portvale harbour on Friday after a fire broke out \
        in its engine room, the coastguard said. Captain Dorian Vance said all 340 passengers reached the quay \
        safely. The harbour authority suspended the ferry service to Eastholm and sent passengers to the coastal bus.
        """),
        document("enginefire-2", title: "Engine fire: Northern Belle passengers praise crew", published: "2019-08-03", """
        The crew of the Northern Belle led 340 passengers off the burning ferry in Portvale within twenty minutes, \
        Captain Dorian Vance told the coastguard inquiry. The fire started in the engine room. The ferry service \
        to Eastholm resumed on Saturday with a spare boat.
        """),
        document("enginefire-3", title: "Investigators examine Northern Belle engine room", published: "2019-08-05", """
        Fire investigators boarded the Northern Belle at Portvale on Monday to find what caused Friday's engine \
        room fire. Captain Dorian Vance and the coastguard will report within a month. The ferry operator \
        said the Northern Belle would not sail before September.
        """),
    ]

    static let library: [Document] = [
        document("libraryvote1", title: "Marlow Bay extends library hours", published: "2026-03-10", """
        The council of Marlow Bay voted eleven to four to open the central library on Sundays during the exam \
        season. Director Tomasz Weir said volunteers would not replace paid staff. Students had collected \
        three thousand signatures.
        """),
        document("libraryvote2", title: "Sunday opening for Marlow Bay library approved", published: "2026-03-11", """
        Students in Marlow Bay celebrated after councillors approved Sunday opening hours for the central \
        library. The extra hours cost about 90,000 pounds a year, director Tomasz Weir said, and the council's \
        finance office agreed the budget.
        """),
    ]
}
