// Entities typed by the words around them: kinds of organization, teams, ships, works, weapon classes.
import Testing
@testable import BriefCore

struct EntityContextTests {
    let recognizer = GazetteerEntityRecognizer.shared

    func spans(_ paragraphs: [String], title: String? = nil) -> [EntitySpan] {
        recognizer.entities(title: title, paragraphs: paragraphs, language: "en")
    }

    func names(_ found: [EntitySpan]) -> Set<String> {
        Set(found.filter { $0.type != .date }.map(\.text))
    }

    func types(of text: String, in spans: [EntitySpan]) -> Set<EntityType> {
        Set(spans.filter { $0.text == text }.map(\.type))
    }

    @Test func aServiceNamedAfterItsKindIsAnOrganization() {
        let found = spans(["Regulators sanctioned the mixing service Tornado Cash, but the hackers moved on."])
        #expect(types(of: "Tornado Cash", in: found) == [.organization])
    }

    @Test func aLoneUnknownWordNeedsTheArticleToConfirmIt() {
        let found = spans(["Fans praised the Tracker feature and the new Charter on Monday.",
                           "Later the Bruins beat the visitors, and Quintara said it would sponsor them.",
                           "Quintara has sponsored teams before."])
        #expect(names(found) == ["Bruins", "Quintara"])
    }

    @Test func wordsTheArticleWritesInLowercaseMakeNoName() {
        let found = spans(["The match was stopped when the referee fell, and the Match Referee report came later."])
        #expect(names(found).isEmpty)
    }

    @Test func aRoleInACompanyTypesTheCompany() {
        let found = spans(["Marta Kline, chief executive of Norvell Brightline, said sales rose.",
                           "A Veltrano Dynamics spokesman declined to comment, and Corvena Labs shares fell."])
        #expect(types(of: "Norvell Brightline", in: found) == [.organization])
        #expect(types(of: "Veltrano Dynamics", in: found) == [.organization])
        #expect(types(of: "Corvena Labs", in: found) == [.organization])
        #expect(types(of: "Marta Kline", in: found) == [.person])
    }

    @Test func aPlaceWithACoachIsItsTeamThroughoutTheArticle() {
        let found = spans(["The England coach named his squad on Tuesday.",
                           "England travel to Rome next week, and Liverpool's manager was pleased."])
        #expect(types(of: "England", in: found) == [.organization])
        #expect(types(of: "Liverpool", in: found) == [.organization])
        #expect(types(of: "Rome", in: found) == [.place])
    }

    @Test func aNamedMilitaryExerciseIsNoName() {
        let found = spans(["The allies began a three-day drill named Pacific Harrow on Monday, with ships from Japan."],
                          title: "Allies hold first Pacific Harrow military exercise")
        #expect(names(found) == ["Japan"])
    }

    @Test func anOperationOrASummitIsAnEvent() {
        let found = spans(["Warships joined Operation Harbor Lantern after the East Asia Summit in Jakarta."])
        #expect(names(found) == ["Jakarta"])
    }

    @Test func aWebSiteIsAnOrganization() {
        let found = spans(["Shoppers on Vendora.com and Vendora.co.uk complained about late parcels."])
        #expect(types(of: "Vendora.com", in: found) == [.organization])
        #expect(types(of: "Vendora.co.uk", in: found) == [.organization])
    }

    @Test func partiesAreOrganizations() {
        let found = spans(["Democratic senators and Republican governors met, and the Tory leader said little."])
        #expect(types(of: "Democratic", in: found) == [.organization])
        #expect(types(of: "Republican", in: found) == [.organization])
        #expect(types(of: "Tory", in: found) == [.organization])
    }

    @Test func aListedCompanyWithInitialsIsNoPerson() {
        let found = spans(["A.P. Moller-Maersk and Hapag-Lloyd have paused transits, and The Trade Desk reported."])
        #expect(types(of: "A.P. Moller-Maersk", in: found) == [.organization])
        #expect(types(of: "Hapag-Lloyd", in: found) == [.organization])
        #expect(types(of: "Trade Desk", in: found).contains(.person) == false)
    }

    @Test func aTitleCaseHeadlineOfUnknownWordsNamesNoPerson() {
        let found = spans(["A shell left from the war went off near a taxiway on Tuesday."],
                          title: "Buried Wartime Shell Explodes at Kestrel Field: What Actually Happened?")
        #expect(found.filter { $0.paragraph == -1 && $0.type == .person }.isEmpty)
    }

    @Test func aListedNameRunsOnThroughItsPossessive() {
        let found = spans(["A People's Liberation Army spokesman spoke as McDonald's and Lowe's reported results."])
        #expect(types(of: "People's Liberation Army", in: found) == [.organization])
        #expect(types(of: "McDonald's", in: found) == [.organization])
        #expect(types(of: "Lowe's", in: found) == [.organization])
    }

    @Test func aCenterOrAVenueIsAPlace() {
        let found = spans(["The rocket lifted off from the Kestrel Space Center, and fans left Old Trafford early."])
        #expect(types(of: "Kestrel Space Center", in: found) == [.place])
        #expect(types(of: "Old Trafford", in: found) == [.place])
    }

    @Test func aFilmOrAShowIsNoPerson() {
        let found = spans(["Critics compared the new Harry Potter film with Top Gear and Iron Man, Maya Orlov said."])
        #expect(names(found) == ["Maya Orlov"])
    }

    @Test func aSentenceOpeningTheIsNotPartOfTheCountry() {
        let found = spans(["The United States urged restraint, and the United States Navy sailed on."])
        #expect(found.first?.text == "United States")
        #expect(found.first?.type == .place)
    }

    @Test func aShipIsNoPerson() {
        let found = spans(["The carrier USS Theodore Roosevelt docked in Guam, and HMS Queen Elizabeth sailed for Portsmouth."])
        #expect(names(found) == ["Guam", "Portsmouth"])
    }

    @Test func aWeaponClassAndATimeZoneAreNoOrganizations() {
        let found = spans(["North Korea fired an ICBM at 08:24 AEDT, the second in a month."])
        #expect(names(found) == ["North Korea"])
    }

    @Test func titlesOfWorksAreNoNames() {
        let found = spans(["Mike Myers returned in Shrek The Third, and Amy Winehouse sang \u{201C}Back To Black\u{201D} on tour."])
        #expect(names(found) == ["Mike Myers", "Amy Winehouse"])
    }

    @Test func aBodyNamedWithAndAfterItsHeadIsOneOrganization() {
        let found = spans(["The Human Fertilisation and Embryology Authority approved it, as did the Directors Guild of America."])
        #expect(names(found) == ["Human Fertilisation and Embryology Authority", "Directors Guild of America"])
        #expect(found.allSatisfy { $0.type == .organization })
    }

    @Test func aLeagueIsAnOrganizationAndACompetitionIsNoName() {
        let found = spans(["Arsenal lead the Premier League but went out of the Champions League in March."])
        #expect(types(of: "Premier League", in: found) == [.organization])
        #expect(!names(found).contains("Champions League"))
    }

    @Test func aDailyIsAPaperAndAShoalIsAPlace() {
        let found = spans(["She told the Daily Ledger that ships near Second Thomas Shoal were blocked, and the Eastern Theater Command agreed."])
        #expect(types(of: "Daily Ledger", in: found) == [.organization])
        #expect(types(of: "Second Thomas Shoal", in: found) == [.place])
        #expect(types(of: "Eastern Theater Command", in: found) == [.organization])
    }
}
