// UI figures: first full frame on the sample library, filter keystroke → repainted grid at 10,000 articles, and
// a very long article opened, scrolled and searched for entities in the reader.
import BriefCore
import BriefUI
import Foundation

enum UIBenchmark {
    static let sampleLibrary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("brief/SampleLibrary")

    static func run() {
        firstFrame()
        filterKeystrokes(articleCount: 10_000)
        longArticle(paragraphs: 100_000)
        longArticle(paragraphs: 1_000_000)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// Reading the sample library, building the state and rendering a 140×45 frame.
    static func firstFrame() {
        let start = ContinuousClock.now
        let files = (try? FileManager.default.contentsOfDirectory(at: sampleLibrary, includingPropertiesForKeys: nil)) ?? []
        let pipeline = ArticlePipeline()
        var articles: [Article] = []
        for file in files {
            guard let data = try? Data(contentsOf: file), let read = try? pipeline.articles(from: data, source: file.path) else { continue }
            articles += read
        }
        let state = AppState(library: Library(articles: articles), size: Size(width: 140, height: 45))
        let grid = ScreenView.render(state)
        let elapsed = milliseconds(since: start)
        precondition(grid.textLines.joined().contains("Articles"))
        print(String(format: "ui_first_frame_ms %.2f (sample library, %d articles, 140x45, no terminal)", elapsed, articles.count))
    }

    /// A library of `articleCount` copies of the sample with varied titles, dates, topics and entities.
    static func syntheticLibrary(_ articleCount: Int) -> [Article] {
        let pipeline = ArticlePipeline()
        let file = ((try? FileManager.default.contentsOfDirectory(at: sampleLibrary, includingPropertiesForKeys: nil)) ?? [])[0]
        let seed = (try? pipeline.articles(from: Data(contentsOf: file), source: file.path))?.first
            ?? Article(source: "seed", format: .text, title: "Seed", paragraphs: ["North Korea cyber threats"])
        let topics = ["security", "asia", "economy", "politics", "technology", "weather", "sport", "health",
                      "science", "culture", "energy", "trade"]
        let people = ["Jake Sullivan", "Yoon Suk Yeol", "Fumio Kishida", "Joe Biden", "Takeo Akiba", "Kim Jong Un"]
        let places = ["Seoul", "Tokyo", "Washington", "Pyongyang", "Beijing", "Taipei", "Camp David"]
        let words = ["cyber", "missile", "summit", "satellite", "inflation", "election", "storm", "trade", "chips", "energy"]
        return (0..<articleCount).map { number in
            var article = seed
            article.source = "/bench/\(number % 40)/article-\(number).txt"
            article.title = "\(words[number % words.count].capitalized) \(number): " + seed.title
            article.date = ArticleDate(year: 2020 + number % 4, month: 1 + number % 12, day: 1 + number % 28)
            article.topics = [topics[number % topics.count], topics[(number / 7) % topics.count]].map {
                TopicMatch(id: $0, name: $0.capitalized, score: 1, terms: [])
            }
            article.entities = [
                EntitySpan(paragraph: 0, start: 0, end: 3, text: "x", type: .person, canonical: people[number % people.count]),
                EntitySpan(paragraph: 0, start: 4, end: 7, text: "y", type: .place, canonical: places[number % places.count]),
                EntitySpan(paragraph: 0, start: 8, end: 9, text: "z", type: .organization, canonical: "Org \(number % 50)"),
            ]
            return article
        }
    }

    /// `/` then typing a query one key at a time; each key: reducer + a full 140×45 grid.
    static func filterKeystrokes(articleCount: Int) {
        let articles = syntheticLibrary(articleCount)
        let buildStart = ContinuousClock.now
        var state = AppState(library: Library(articles: articles), size: Size(width: 140, height: 45))
        print(String(format: "ui_state_build_ms %.2f (%d articles: index + first result set)",
                     milliseconds(since: buildStart), articleCount))
        state = reduce(state, .key(.character("/"))).0
        var times: [Double] = []
        for character in "missile korea" {
            let start = ContinuousClock.now
            state = reduce(state, .key(.character(character))).0
            let grid = ScreenView.render(state)
            times.append(milliseconds(since: start))
            precondition(grid.size.width == 140)
        }
        // And toggling a topic in the filter pane, another keystroke that refilters.
        state = reduce(state, .key(.escape)).0
        state = reduce(state, .key(.backTab)).0
        var toggles: [Double] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            state = reduce(state, .key(.character(" "))).0
            _ = ScreenView.render(state)
            toggles.append(milliseconds(since: start))
        }
        // The share of one keystroke spent in the core's query evaluation alone.
        let matchStart = ContinuousClock.now
        if let query = try? FilterQuery("missile korea") {
            var matched = 0
            for article in articles where query.matches(article, flags: .unread) { matched += 1 }
            precondition(matched >= 0)
        }
        print(String(format: "ui_query_matching_only_ms %.2f (FilterQuery.matches over %d articles, core's share)",
                     milliseconds(since: matchStart), articleCount))
        times.sort()
        toggles.sort()
        print(String(format: "ui_filter_keystroke_ms median %.2f max %.2f (%d articles, %d keys, reducer + 140x45 grid)",
                     times[times.count / 2], times.last!, articleCount, times.count))
        print(String(format: "ui_topic_toggle_ms median %.2f max %.2f (%d articles)", toggles[toggles.count / 2],
                     toggles.last!, articleCount))
    }

    /// One article of `paragraphs` short paragraphs with an entity each (issue 11: the reader froze for seconds on
    /// it): Enter to the first frame, then a line down, the bottom and the next entity, each key with its frame.
    static func longArticle(paragraphs: Int) {
        let prefix = "talks resumed in "
        let text = (0..<paragraphs).map { "Paragraph \($0): \(prefix)Seoul on Tuesday." }
        let entities = text.indices.map { index in
            let start = text[index].unicodeScalars.count - " on Tuesday.".unicodeScalars.count - "Seoul".unicodeScalars.count
            return EntitySpan(paragraph: index, start: start, end: start + 5, text: "Seoul", type: .place)
        }
        var article = Article(source: "/bench/long.txt", format: .text, title: "A very long article", paragraphs: text)
        article.entities = entities
        var state = AppState(library: Library(articles: [article]), size: Size(width: 140, height: 45))
        var figures: [String] = []
        for (name, key) in [("open", Key.enter), ("line_down", .character("j")), ("bottom", .character("G")),
                            ("next_entity", .character("]"))] {
            let start = ContinuousClock.now
            state = reduce(state, .key(key)).0
            let grid = ScreenView.render(state)
            figures.append(name + String(format: " %.2f", milliseconds(since: start)))
            precondition(grid.textLines.joined().contains("Seoul"))
        }
        print("ui_long_article_ms \(figures.joined(separator: " ")) (\(paragraphs) paragraphs with an entity each, "
            + "key + 140x45 grid)")
    }
}
