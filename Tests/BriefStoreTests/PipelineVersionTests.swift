// A cache is rebuilt when the pipeline's output changes, never served stale: a change to the
// pipeline's rules or output must come with a new pipeline version.
import BriefCore
import Foundation
import Testing
@testable import BriefStore

@Suite struct PipelineVersionTests {
    /// The pipeline version, and the fingerprints of the rules and of the output it was recorded
    /// with. When this test fails, bump `LibrarySchema.builtInPipelineVersion` (so every cache
    /// parses its articles again) and write here what the failure message says.
    static let recorded = (version: "pipeline-138+30ba2185", rules: "bba1ed3afd9706e9", output: "c49eb96a708e8e99")

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every file under `directories` (relative to the repository), sorted, as (relative path, bytes).
    static func files(under directories: [String]) throws -> [(path: String, data: Data)] {
        var found: [(path: String, data: Data)] = []
        for directory in directories {
            let root = repository.appendingPathComponent(directory)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
                continue
            }
            for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                found.append((String(url.path.dropFirst(repository.path.count + 1)), try Data(contentsOf: url)))
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The bundled rules, word lists and tables the pipeline reads.
    static func rulesFingerprint() throws -> String {
        var hash = ContentHash()
        for file in try files(under: ["Sources/BriefCore/Resources/Data"]) {
            hash.update(Array(file.path.utf8))
            hash.update(file.data)
        }
        return hash.hexDigest
    }

    /// What the pipeline makes of the repository's own articles: fixtures, the sample library and
    /// the fuzzers' seeds, as JSON (a file it refuses counts with its reason).
    static func outputFingerprint() throws -> String {
        let pipeline = ArticlePipeline()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash = ContentHash()
        let articles = try files(under: ["Tests/BriefCoreTests/Fixtures", "Sources/brief/SampleLibrary",
                                         "Fuzz/Seeds/text", "Fuzz/Seeds/html", "Fuzz/Seeds/feed"])
        #expect(articles.count >= 30, "the repository's articles were not found under \(repository.path)")
        for file in articles {
            hash.update(Array(file.path.utf8))
            do {
                hash.update(try encoder.encode(try pipeline.articles(from: file.data, source: file.path)))
            } catch {
                hash.update(Array("\(error)".utf8))
            }
        }
        return hash.hexDigest
    }

    @Test func changedRulesOrOutputComeWithANewPipelineVersion() throws {
        let current = (version: LibrarySchema.builtInPipelineVersion, rules: try Self.rulesFingerprint(),
                       output: try Self.outputFingerprint())
        let record = "(version: \"\(current.version)\", rules: \"\(current.rules)\", output: \"\(current.output)\")"
        if current.version == Self.recorded.version {
            #expect(current.rules == Self.recorded.rules && current.output == Self.recorded.output, """
                The pipeline's rules or output changed, but its version did not: caches would keep \
                articles parsed the old way. Bump LibrarySchema.builtInPipelineVersion, then record \
                the new version's line here.
                """)
        } else {
            Issue.record("The pipeline version is new: record it in PipelineVersionTests.recorded as \(record)")
        }
    }
}
