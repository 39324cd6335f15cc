// A real library cache in a temporary directory, filled with hand-built articles, for the reader's tests.
import BriefCore
import BriefReaderStore
import BriefStore
import BriefTestSupport
import BriefUI
import Foundation

enum StoreLibrary {
    static func span(_ text: String, in article: Article, paragraph: Int, type: EntityType, canonical: String? = nil) -> EntitySpan {
        .firstOccurrence(of: text, in: article, paragraph: paragraph, type: type, canonical: canonical)
    }

    static func topic(_ id: String, _ name: String, _ score: Double = 1) -> TopicMatch {
        TopicMatch(id: id, name: name, score: score, terms: [])
    }

    /// Six articles over four topics, with people and places, one read and starred.
    static let articles: [Article] = {
        var korea = Article(
            source: "/news/herald/korea-cyber.txt", format: .text,
            title: "US, South Korea and Japan to step up their actions on North Korea cyber threats",
            date: ArticleDate(year: 2023, month: 12, day: 9), siteName: "Herald",
            paragraphs: [
                "The national security advisers agreed on new measures, according to Jake Sullivan.",
                "The meeting took place in Seoul. Sullivan said that this meeting was a follow-up.",
            ],
            removed: [RemovedBlock(text: "Similar topics for you", reason: .promoMarker, position: 1)],
            topics: [topic("security", "Security", 2), topic("asia", "Asia")])
        korea.entities = [
            span("Jake Sullivan", in: korea, paragraph: 0, type: .person),
            span("Seoul", in: korea, paragraph: 1, type: .place),
            span("Sullivan", in: korea, paragraph: 1, type: .person, canonical: "Jake Sullivan"),
        ]
        let satellite = Article(
            source: "/news/yonhap/satellite.txt", format: .text, title: "North Korea plans another spy satellite launch",
            date: ArticleDate(year: 2023, month: 12, day: 8), siteName: "Yonhap",
            paragraphs: ["Pyongyang said it would launch more satellites."],
            topics: [topic("asia", "Asia")])
        var japan = Article(
            source: "/news/nikkei/stimulus.txt", format: .text, title: "Japan's prime minister announces a stimulus package",
            date: ArticleDate(year: 2023, month: 12, day: 7), siteName: "Nikkei",
            paragraphs: ["Fumio Kishida announced new economic measures."],
            topics: [topic("economy", "Economy", 2), topic("asia", "Asia")])
        japan.entities = [span("Fumio Kishida", in: japan, paragraph: 0, type: .person)]
        var rates = Article(
            source: "/news/wire/rates.txt", format: .text, title: "Central bank holds rates steady as inflation cools",
            date: ArticleDate(year: 2023, month: 12, day: 5), siteName: "Wire",
            paragraphs: ["Jerome Powell said inflation was cooling.", "Markets rose after the announcement."],
            topics: [topic("economy", "Economy")])
        rates.entities = [span("Jerome Powell", in: rates, paragraph: 0, type: .person)]
        let storm = Article(
            source: "/news/wire/storm.txt", format: .text, title: "Storm batters coast; thousands without power",
            date: ArticleDate(year: 2023, month: 11, day: 28), siteName: "Wire",
            paragraphs: ["Winds of 120 km/h knocked down power lines overnight."],
            topics: [topic("weather", "Weather")])
        var election = Article(
            source: "/news/herald/election.txt", format: .text, title: "Election results delayed in Seoul district",
            date: ArticleDate(year: 2023, month: 11, day: 20), siteName: "Herald",
            paragraphs: ["Officials in Seoul said a recount was needed; Yoon Suk Yeol urged patience."],
            topics: [topic("asia", "Asia")])
        election.entities = [
            span("Seoul", in: election, paragraph: 0, type: .place),
            span("Yoon Suk Yeol", in: election, paragraph: 0, type: .person),
        ]
        return [korea, satellite, japan, rates, storm, election]
    }()

    static let readAndStarred = "/news/wire/rates.txt"

    /// A cache and state database in `directory` holding `articles`, with one read and starred.
    static func store(in directory: TemporaryDirectory, articles: [Article] = articles) throws -> LibraryStore {
        let store = try LibraryStore(path: directory.file("cache/library.sqlite").path,
                                     statePath: directory.file("data/state.sqlite").path)
        for article in articles { try store.insert([article], path: article.source) }
        if articles.contains(where: { $0.id == readAndStarred }) {
            try store.state.setRead(readAndStarred, true)
            try store.state.setStarred(readAndStarred, true)
        }
        return store
    }

    /// The same articles held in memory, with the same flags: the reference the store must agree with.
    static func inMemoryState(width: Int = 140, height: Int = 45) -> AppState {
        AppState(library: Library(articles: articles, flags: [readAndStarred: ArticleFlags(read: true, starred: true)]),
                 size: Size(width: width, height: height))
    }

    static func storeState(_ store: LibraryStore, width: Int = 140, height: Int = 45) -> AppState {
        AppState(source: StoreArticleSource(store: store), size: Size(width: width, height: height))
    }
}

/// Feeds keys through the reducer, carrying out the effects that reach the state database as
/// the run loop does.
func press(_ keys: [Key], _ state: AppState, store: LibraryStore? = nil) throws -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    for key in keys {
        let (next, more) = reduce(state, .key(key))
        state = next
        for effect in more {
            switch effect {
            case .markRead(let id): try store?.state.setRead(id, true)
            case .setStarred(let id, let starred): try store?.state.setStarred(id, starred)
            default: break
            }
        }
        effects += more
    }
    return (state, effects)
}

func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

extension AppState {
    /// Every row of the current result, in list order.
    var allRows: [ArticleRow] {
        guard let answer = results.answer else { return [] }
        return (try? source.rows(of: answer, 0..<results.count)) ?? []
    }

    var titles: [String] { allRows.map(\.title) }
}
