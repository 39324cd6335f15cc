// The generator is deterministic and writes articles the pipeline reads.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct CorpusGeneratorTests {
    @Test func sameSeedSameCorpusAndPrefixStable() throws {
        let generator = CorpusGenerator()
        #expect(generator.file(42) == CorpusGenerator().file(42))
        #expect(generator.file(42) != generator.file(43))
        #expect(CorpusGenerator(seed: 7).file(42) != generator.file(42))
        let small = try TemporaryDirectory()
        let large = try TemporaryDirectory()
        try generator.write(count: 30, to: small.url)
        try generator.write(count: 1_200, to: large.url)
        for index in [0, 17, 29] {
            let path = generator.file(index).relativePath
            #expect(try Data(contentsOf: small.file(path)) == Data(contentsOf: large.file(path)))
        }
        #expect(FileManager.default.fileExists(atPath: large.file("0001/article-001199.txt").path))
    }

    @Test func articlesAreVariedAndReadable() throws {
        let generator = CorpusGenerator(material: .init(
            titles: ["A seed title"], paragraphs: [String(repeating: "Seed paragraph text. ", count: 5)],
            promoLines: ["A seed promo headline"]))
        let files = (0..<300).map(generator.file)
        #expect(Set(files.map(\.text)).count == 300)
        #expect(Set(files.map { $0.text.split(separator: "\n")[0] }).count > 200)
        #expect(files.contains { $0.text.contains("Seed paragraph text.") })
        #expect(files.contains { $0.text.hasPrefix("Title: ") })
        let pipeline = ArticlePipeline()
        for file in files.prefix(50) {
            let articles = try pipeline.articles(from: Data(file.text.utf8), source: file.relativePath)
            #expect(articles.count == 1)
            #expect(articles[0].paragraphs.count >= 3)
        }
    }
}
