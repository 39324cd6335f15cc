// A small library built in code: topics, entities, removed blocks, CJK titles, hostile control characters.
import BriefCore
import BriefTestSupport
import BriefUI

enum FixtureLibrary {
    /// A span for the first occurrence of `text` in `paragraph` (-1: the title).
    static func entity(_ text: String, in article: Article, paragraph: Int, type: EntityType, canonical: String? = nil) -> EntitySpan {
        .firstOccurrence(of: text, in: article, paragraph: paragraph, type: type, canonical: canonical)
    }

    static func topic(_ id: String, _ name: String, _ terms: [String] = []) -> TopicMatch {
        TopicMatch(id: id, name: name, score: 1, terms: terms)
    }

    static let articles: [Article] = {
        var korea = Article(
            source: "/news/herald/korea-cyber.txt", format: .text,
            title: "US, South Korea and Japan to step up their actions on North Korea cyber threats",
            date: ArticleDate(year: 2023, month: 12, day: 9), siteName: "Herald",
            paragraphs: [
                "The national security advisers of the United States, South Korea, and Japan have agreed on new measures to address North Korea's cyber threats, according to White House National Security Adviser Jake Sullivan.",
                "The meeting took place in Seoul, where Pyongyang had recently issued warnings of deploying more spy satellites. Sullivan said that this meeting was a follow-up to a trilateral summit.",
                "The nations remain committed to promoting peace and stability in the Taiwan Strait.",
            ],
            removed: [
                RemovedBlock(text: "Similar topics for you...This topic continues below.", reason: .promoMarker, position: 1),
                RemovedBlock(text: "Buried WWII Bomb Explodes at Miyazaki Airport: What Actually Happened?", reason: .unrelatedHeadline, position: 1),
            ],
            topics: [topic("security", "Security", ["cyber", "security"]), topic("asia", "Asia")])
        korea.entities = [
            entity("South Korea", in: korea, paragraph: -1, type: .place),
            entity("United States", in: korea, paragraph: 0, type: .place),
            entity("South Korea", in: korea, paragraph: 0, type: .place),
            entity("Japan", in: korea, paragraph: 0, type: .place),
            entity("White House", in: korea, paragraph: 0, type: .organization),
            entity("Jake Sullivan", in: korea, paragraph: 0, type: .person),
            entity("Seoul", in: korea, paragraph: 1, type: .place),
            entity("Sullivan", in: korea, paragraph: 1, type: .person, canonical: "Jake Sullivan"),
        ]

        let satellite = Article(
            source: "/news/yonhap/satellite.txt", format: .text, title: "북한, 정찰위성 추가 발사 예고",
            date: ArticleDate(year: 2023, month: 12, day: 8), siteName: "연합뉴스",
            paragraphs: ["북한이 정찰위성을 추가로 발사하겠다고 밝혔다.", "군 당국은 대비 태세를 강화했다."],
            topics: [topic("asia", "Asia")])

        var japan = Article(
            source: "/news/nikkei/stimulus.txt", format: .text, title: "日本の首相、経済対策を発表",
            date: ArticleDate(year: 2023, month: 12, day: 7), siteName: "日経",
            paragraphs: ["岸田首相は新たな経済対策を発表した。", "物価高への対応が柱となる。"],
            topics: [topic("economy", "Economy"), topic("asia", "Asia")])
        japan.entities = [entity("岸田", in: japan, paragraph: 0, type: .person, canonical: "Fumio Kishida")]
        japan.url = "https://www.nikkei.example/stimulus"

        var rates = Article(
            source: "/news/wire/rates.txt", format: .text, title: "Central bank holds rates steady as inflation cools",
            date: ArticleDate(year: 2023, month: 12, day: 5), byline: "By A. Writer", siteName: "Wire",
            paragraphs: [
                "The Federal Reserve left interest rates unchanged on Wednesday, and chair Jerome Powell said inflation was cooling.",
                "Markets rose after the announcement.",
            ],
            removed: [RemovedBlock(text: "Subscribe to our newsletter", reason: .newsletter, position: 2)],
            topics: [topic("economy", "Economy", ["inflation", "rates"])])
        rates.entities = [
            entity("Federal Reserve", in: rates, paragraph: 0, type: .organization),
            entity("Jerome Powell", in: rates, paragraph: 0, type: .person),
        ]

        let storm = Article(
            source: "/news/wire/storm.txt", format: .text,
            title: "Storm batters coast\u{1B}]0;pwned\u{07}; thousands without power",
            date: ArticleDate(year: 2023, month: 11, day: 28), siteName: "Wire",
            paragraphs: ["Winds of \u{1B}[31m120 km/h\u{1B}[0m knocked down power lines overnight."],
            topics: [topic("weather", "Weather")])

        var election = Article(
            source: "/news/herald/election.txt", format: .text, title: "Election results delayed in Seoul district",
            date: ArticleDate(year: 2023, month: 11, day: 20), siteName: "Herald",
            paragraphs: ["Officials in Seoul said a recount was needed; President Yoon Suk Yeol urged patience."],
            topics: [topic("asia", "Asia"), topic("politics", "Politics")])
        election.entities = [
            entity("Seoul", in: election, paragraph: 0, type: .place),
            entity("Yoon Suk Yeol", in: election, paragraph: 0, type: .person),
        ]
        return [korea, satellite, japan, rates, storm, election]
    }()

    static func state(width: Int, height: Int) -> AppState {
        AppState(library: Library(articles: articles, flags: ["/news/wire/rates.txt": ArticleFlags(read: true, starred: true)]),
                 size: Size(width: width, height: height), themeNames: ["dark", "light"], themeName: "dark")
    }
}

extension FixtureLibrary {
    /// Every row of the current result, in list order.
    static func rows(_ state: AppState) -> [ArticleRow] {
        guard let answer = state.results.answer else { return [] }
        return (try? state.source.rows(of: answer, 0..<state.results.count)) ?? []
    }
}

/// Feeds events through the reducer, collecting effects.
func feed(_ events: [Event], _ state: AppState) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    for event in events {
        let (next, more) = reduce(state, event)
        state = next
        effects += more
    }
    return (state, effects)
}

/// Feeds keys through the reducer, collecting effects.
func press(_ keys: [Key], _ state: AppState) -> (AppState, [Effect]) {
    feed(keys.map(Event.key), state)
}

func type(_ text: String) -> [Key] { text.map { Key.character($0) } }
