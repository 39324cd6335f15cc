// Entities on today's news: what is not a name, astronomical bodies, other languages, evidence for types.
import Testing
@testable import BriefCore

struct EntityTrustTests {
    let recognizer = GazetteerEntityRecognizer.shared

    func spans(_ paragraphs: [String], title: String? = nil, language: String? = nil) -> [EntitySpan] {
        recognizer.entities(title: title, paragraphs: paragraphs, language: language)
    }

    func names(_ found: [EntitySpan]) -> Set<String> {
        Set(found.filter { $0.type != .date }.map(\.text))
    }

    func type(of text: String, in spans: [EntitySpan]) -> EntityType? {
        spans.first { $0.text == text }?.type
    }

    @Test func aLaptopAndAConsoleAreNoOne() {
        let found = spans(["Reviewers praised the new MacBook Pro 16 and the PlayStation 5 Pro, while Dana Whitfield preferred the Galaxy S23 Ultra from Samsung."])
        #expect(names(found) == ["Dana Whitfield", "Samsung"])
        #expect(type(of: "Dana Whitfield", in: found) == .person)
    }

    @Test func aCompanyBeforeItsProductStaysAnOrganization() {
        let found = spans(["Shoppers lined up for the Apple MacBook Air on Black Friday in Ohio."])
        #expect(type(of: "Apple", in: found) == .organization)
        #expect(type(of: "Ohio", in: found) == .place)
        #expect(!names(found).contains { $0.contains("MacBook") || $0.contains("Black") })
    }

    @Test func moonsArePlacesNotPeople() {
        let found = spans(["The probe will pass Europa twice before it turns to Ganymede and Io, said mission scientist Lena Marsh."])
        #expect(type(of: "Europa", in: found) == .place)
        #expect(type(of: "Ganymede", in: found) == .place)
        #expect(type(of: "Io", in: found) == .place)
        #expect(type(of: "Lena Marsh", in: found) == .person)
    }

    @Test func recipeAndHealthUnitsAreNoOrganizations() {
        let found = spans(["For the glaze, whisk 2 Tbsp sugar with 1 Tsp salt and 200 Ml milk.",
                           "Patients with a BMI over 30 and high LDL should ask their doctor about the IU of vitamin D they take."])
        #expect(names(found).isEmpty)
    }

    @Test func aGermanParagraphHasOnlyGazetteerNames() {
        let german = "Die Bundesregierung in Berlin hat am Montag mit Frankreich und der NATO über die Lage in der Ukraine beraten. "
            + "Der Kanzler sagte, die Gespräche mit den Vereinigten Staaten seien gut verlaufen, und Außenministerin Annalena Baerbock reist nach Moskau."
        // No language given: the recognizer finds it from the text.
        let found = recognizer.entities(title: "Regierung berät über die Ukraine", paragraphs: [german])
        #expect(names(found) == ["Berlin", "Frankreich", "NATO", "Ukraine", "Vereinigten Staaten", "Moskau"])
        #expect(found.first { $0.text == "Frankreich" }?.canonical == "France")
        #expect(found.first { $0.text == "Moskau" }?.canonical == "Moscow")
        #expect(type(of: "NATO", in: found) == .organization)
    }

    @Test func theLanguageIsFoundFromTheTextItself() {
        let identifier = LanguageIdentifier.shared
        let german = "Die Regierung hat am Montag mit der Opposition über die Lage beraten, und sie wird das auch weiter tun."
        #expect(identifier.language(declared: nil, title: nil, paragraphs: [german]) == "de")
        #expect(identifier.language(declared: "en", title: nil, paragraphs: [german]) == "de")
        let english = "The government said on Monday that it would meet the opposition to talk about the situation in the north."
        #expect(identifier.language(declared: "de-DE", title: nil, paragraphs: [english]) == "en")
        let indonesian = "Pemerintah mengatakan bahwa mereka akan bertemu dengan oposisi untuk membahas situasi di utara yang tidak stabil."
        #expect(identifier.language(declared: nil, title: nil, paragraphs: [indonesian]) == "id")
        let russian = "Правительство заявило, что оно встретится с оппозицией, и что это было бы полезно для всех, кто там живёт."
        #expect(identifier.language(declared: nil, title: nil, paragraphs: [russian]) == "ru")
        #expect(identifier.language(declared: "pt-BR", title: nil, paragraphs: ["Lula"]) == "pt")
        #expect(identifier.language(declared: nil, title: nil, paragraphs: ["Lula"]) == nil)
    }

    @Test func russianAndIndonesianFunctionWordsAreNoNames() {
        let russian = "Он сказал, что Россия и Китай будут работать вместе. Мы это знаем, и Они тоже."
        #expect(names(recognizer.entities(title: nil, paragraphs: [russian])) == ["Россия", "Китай"])
        let indonesian = "Menteri Luar Negeri Indonesia bertemu dengan Presiden Amerika Serikat di Jakarta. Dia mengatakan bahwa Kami akan bekerja sama dengan mereka untuk ini."
        #expect(names(recognizer.entities(title: nil, paragraphs: [indonesian])) == ["Indonesia", "Amerika Serikat", "Jakarta"])
    }

    @Test func aPipelineArticleCarriesItsLanguage() {
        let pipeline = ArticlePipeline()
        var document = RawDocument(source: "de.html", format: .html, title: "Gipfel in Brüssel",
                                   blocks: [Block(kind: .paragraph, text: "Die Staats- und Regierungschefs der Europäischen Union haben sich am Montag in Brüssel getroffen, um über die Lage zu beraten.")])
        document.language = "de"
        let article = pipeline.process(document)
        #expect(article.language == "de")
        #expect(article.entities.allSatisfy { $0.canonical == "Brussels" || $0.canonical == "European Union" })
    }

    @Test func twoOrganizationsJoinedByAndAreTwoNames() {
        let found = spans(["Analysts at Bank of America and Goldman Sachs expect a cut, as does the Ministry of Trade and Industry."])
        #expect(type(of: "Bank of America", in: found) == .organization)
        #expect(type(of: "Goldman Sachs", in: found) == .organization)
        #expect(type(of: "Ministry of Trade and Industry", in: found) == .organization)
        #expect(!names(found).contains("Bank of America and Goldman Sachs"))
    }

    @Test func aSentencesFirstWordIsNotGluedOntoTheName() {
        let found = spans(["Overnight Goldman Sachs cut its forecast. Unsurprisingly Teodor Vasquez agreed with it."])
        #expect(names(found) == ["Goldman Sachs", "Teodor Vasquez"])
    }

    @Test func aSurnameAloneAfterTheFullNameIsThePerson() {
        let found = spans(["Microsoft chief executive Satya Nadella spoke on Monday.", "Investors cheered Nadella and his plan."])
        let later = found.filter { $0.text == "Nadella" }
        #expect(later.count == 1)
        #expect(later.first?.type == .person)
        #expect(later.first?.canonical == "Satya Nadella")
    }

    @Test func eventsPrizesAndLawsAreNoNames() {
        let found = spans(["Fans left the Glastonbury Festival early to watch the FA Cup final, days after the Civil Rights Act anniversary."])
        #expect(names(found).isEmpty)
    }

    @Test func aLoneWordThatHeadsNamesIsNoName() {
        let found = spans(["The plan went to the Cabinet on Monday and then to the Council, aides said."])
        #expect(names(found).isEmpty)
    }

    @Test func aCarMakersModelIsItsProduct() {
        let found = spans(["Buyers waited months for the Chevrolet Volt this year."])
        #expect(names(found) == ["Chevrolet"])
        #expect(type(of: "Chevrolet", in: found) == .organization)
    }

    @Test func aNamedVenueIsAPlace() {
        let found = spans(["The singer was held at Pentonville Prison before the hearing."])
        #expect(type(of: "Pentonville Prison", in: found) == .place)
    }
}
