// The reader's header: topics the article only mentions are listed under its date and source.
import BriefCore
import BriefUI
import Testing

@Suite struct ReaderTopicHeaderTests {
    func meta(_ article: Article) -> String? {
        ReaderDocument(article: article, outline: ReaderOutline(article: article), source: "Herald", options: ReaderOptions())
            .header.first { $0.key == .meta }?.text
    }

    @Test func mentionedTopicsAreListedInTheHeader() {
        let article = Article(
            source: "/news/a.txt", format: .text, title: "Council delays budget vote",
            date: ArticleDate(year: 2024, month: 3, day: 1), paragraphs: ["The council met."],
            topics: [TopicMatch(id: "economy", name: "Economy", score: 3, terms: ["budget"])],
            mentions: [TopicMatch(id: "cyber", name: "Cyber", score: 2, terms: ["ransomware"], level: .mention),
                       TopicMatch(id: "diplomacy", name: "Diplomacy", score: 2, terms: ["envoy"], level: .mention)])
        #expect(meta(article) == "2024-03-01 · Herald · mentions Cyber, Diplomacy")
    }

    @Test func theAgencyTheTextCreditsFollowsTheByline() {
        let article = Article(source: "/news/c.txt", format: .text, title: "Talks resume", byline: "By Jane Doe",
                              paragraphs: ["LONDON (Reuters) - Talks resumed."], agency: "Reuters")
        #expect(meta(article) == "Herald · By Jane Doe · Reuters")
    }

    @Test func anArticleWithoutMentionsKeepsItsHeader() {
        let article = Article(source: "/news/b.txt", format: .text, title: "Quiet day", paragraphs: ["Nothing."],
                              topics: [TopicMatch(id: "economy", name: "Economy", score: 3, terms: ["budget"])])
        #expect(meta(article) == "Herald")
    }
}
