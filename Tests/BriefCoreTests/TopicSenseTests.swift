// Topics that mean what they say: passing words and words of another sense against stories about the topic.
import Testing
@testable import BriefCore

@Suite("Topic senses")
struct TopicSenseTests {
    let classifier = TopicClassifier.builtIn

    func level(_ id: String, title: String, _ paragraphs: [String]) -> TopicLevel? {
        classifier.classify(title: title, paragraphs: paragraphs).first { $0.id == id }?.level
    }

    // MARK: too little evidence to be about, however it stands

    @Test func oneStrongTermOnceInAShortArticleIsAMention() {
        let paragraphs = ["Police closed the street outside the embassy after a parcel was found.",
                          "The parcel held books, a spokesman said, and the street reopened an hour later."]
        #expect(level("diplomacy", title: "Street reopened after parcel scare", paragraphs) == .mention)
        let talks = ["The foreign minister met the ambassador to discuss the treaty.",
                     "Diplomats said the embassy would reopen after the talks."]
        #expect(level("diplomacy", title: "Ministers discuss treaty", talks) == .about)
    }

    @Test func twoOrdinaryTermsOnceEachAreAMention() {
        let paragraphs = ["The library's new software asks readers for a password.", "Opening hours are unchanged."]
        #expect(level("cyber", title: "Library updates its catalogue", paragraphs) == .mention)
    }

    // MARK: supply chain

    @Test func aLabourShortageIsNotSupplyChain() {
        let paragraphs = ["Premiers said labour shortages in the west were holding back growth.",
                          "Skills shortages in trades and a housing shortage in the cities were raised too."]
        #expect(level("supply-chain", title: "Premiers warn of labour shortages", paragraphs) == nil)
        let parts = ["A shortage of semiconductors halted three car plants.",
                     "Suppliers said the supply chain would not recover before spring."]
        #expect(level("supply-chain", title: "Chip shortage idles car plants", parts) == .about)
    }

    @Test func aBatteryRecallIsNotSupplyChain() {
        let paragraphs = ["The phone company is replacing lithium batteries in its street cabinets after two caught fire.",
                          "The batteries provide backup power; no one was hurt."]
        #expect(level("supply-chain", title: "Backup batteries replaced after fires", paragraphs) != .about)
    }

    // MARK: sanctions

    @Test func aBanOrAPenaltyIsNotSanctions() {
        let paragraphs = ["The court upheld the death penalty and a travel ban on the defendant's family.",
                          "A wage freeze for court staff was lifted; the restriction had lasted a year."]
        #expect(level("sanctions", title: "Court upholds sentence", paragraphs) == nil)
        let coercion = ["The European Union imposed sanctions on three banks and an export ban on drones.",
                        "The asset freeze covers their directors; the sanctions take effect on Monday."]
        #expect(level("sanctions", title: "EU widens sanctions", coercion) == .about)
    }

    // MARK: military

    @Test func policeWarsAndCommandersAreNotMilitary() {
        let paragraphs = ["The commander of the city's police said the war on burglary would go on.",
                          "Burglaries fell by a tenth last year."]
        #expect(level("military", title: "Burglaries fall in the city", paragraphs) == nil)
    }

    @Test func historyAndCourtsAreNotMilitary() {
        let paragraphs = ["The novel follows a family through the war and the years after it.",
                          "Its defence of ordinary lives won the prize, the judges said."]
        #expect(level("military", title: "War novel wins the prize", paragraphs) == nil)
    }

    @Test func marineLifeIsNotMilitaryButAMarineIs() {
        let paragraphs = ["Divers counted marine life on the reef.", "Marine biologists said the coral had recovered."]
        #expect(level("military", title: "Reef recovers", paragraphs) == nil)
        let soldier = ["Military officials ordered a sergeant back from training to be questioned.",
                       "The missing Marine had served at the base for a year; her corporal was questioned too."]
        #expect(level("military", title: "Military officials question Marine's roommate", soldier) == .about)
    }

    @Test func aSaleOfArmsAndMunitionsIsMilitary() {
        let paragraphs = ["The administration notified Congress of plans to sell munitions to Gulf states.",
                          "The arms package counters the military build-up of a rival, officials said."]
        #expect(level("military", title: "Arms sale to Gulf states", paragraphs) == .about)
    }

    // MARK: maritime, crypto-finance, cyber, diplomacy

    @Test func aShuttleFleetIsNotMaritime() {
        let paragraphs = ["The shuttle fleet will carry cargo to the station until 2010.",
                          "The agency's fleet of three shuttles is ageing."]
        #expect(level("maritime", title: "Shuttle flights extended", paragraphs) != .about)
    }

    @Test func aTheftIsNotIllicitFinance() {
        let paragraphs = ["Thieves took jewellery in the theft, police said.", "The theft was the third this month."]
        #expect(level("crypto-finance", title: "Jewellery theft", paragraphs) == nil)
    }

    @Test func theDataABreachExposesIsCyber() {
        let paragraphs = ["Two discs holding the personal data of 25 million people were lost in the data breach.",
                          "A reader used the bank details the presenter published, a case of identity theft."]
        #expect(level("cyber", title: "Presenter loses money after data breach boast", paragraphs) == .about)
    }

    @Test func aPhoneHackingInquiryIsNotCyber() {
        let paragraphs = ["The inquiry into phone hacking at the tabloid heard from two editors.",
                          "Reporters listened to voicemail messages of celebrities, the inquiry was told."]
        #expect(level("cyber", title: "Phone-hacking inquiry hears editors", paragraphs) == nil)
    }

    @Test func aForeignSecretaryIsDiplomacy() {
        let paragraphs = ["The foreign secretary flew to Islamabad for talks with his counterpart.",
                          "The two foreign secretaries agreed to reopen the consulate."]
        #expect(level("diplomacy", title: "Foreign secretary in Islamabad", paragraphs) == .about)
    }

    @Test func aPassingNuclearArmedIsNotNuclear() {
        let paragraphs = ["The minister, visiting the nuclear-armed neighbour, spoke about rice exports.",
                          "Rice prices have doubled since spring."]
        #expect(level("nuclear", title: "Minister talks rice", paragraphs) != .about)
    }
}
