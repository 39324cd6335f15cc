// The indexer's parsing threads: every file parsed once and handed over in order, however far ahead they run.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct ParsePipelineTests {
    /// Files named by number, each holding one article whose title is its number.
    func library(_ count: Int) throws -> (TemporaryDirectory, [(ScannedFile, KnownFile?)]) {
        let dir = try TemporaryDirectory()
        let files = try (0..<count).map { number in
            let url = try dir.write("library/\(number).txt", "Report \(number)\nDec 9, 2023\nA paragraph about report \(number).\n")
            return (ScannedFile(path: url.path, size: 0, mtime: 0), KnownFile?.none)
        }
        return (dir, files)
    }

    @Test func everyFileIsHandedOverOnceInBatchesInOrder() throws {
        let (dir, files) = try library(23)
        defer { withExtendedLifetime(dir) {} }
        let pipeline = ParsePipeline(files, batchSize: 5, lookahead: 7, parse: { data, source throws(ReadError) in
            try ArticlePipeline().articles(from: data, source: source)
        })
        defer { pipeline.stop() }
        #expect(pipeline.batchCount == 5)
        var titles: [String] = []
        for index in 0..<pipeline.batchCount {
            let batch = pipeline.batch(index)
            #expect(batch.count == (index < 4 ? 5 : 3))
            for parsed in batch {
                guard case .parsed(let articles) = parsed.kind else {
                    Issue.record("\(parsed.file.path) was not parsed: \(parsed.kind)")
                    continue
                }
                titles += articles.map(\.title)
            }
        }
        #expect(titles == (0..<23).map { "Report \($0)" })
    }

    @Test func aFileThatCannotBeReadIsReportedInItsPlace() throws {
        var (dir, files) = try library(4)
        defer { withExtendedLifetime(dir) {} }
        files[2].0 = ScannedFile(path: files[2].0.path + ".missing", size: 0, mtime: 0)
        let pipeline = ParsePipeline(files, batchSize: 3, lookahead: 3, parse: { data, source throws(ReadError) in
            try ArticlePipeline().articles(from: data, source: source)
        })
        defer { pipeline.stop() }
        let first = pipeline.batch(0)
        guard case .failed(let reason) = first[2].kind else {
            Issue.record("the missing file was not reported: \(first[2].kind)")
            return
        }
        #expect(reason.contains("cannot read"))
        for parsed in first where parsed.file.path != files[2].0.path {
            guard case .parsed = parsed.kind else {
                Issue.record("\(parsed.file.path) was not parsed: \(parsed.kind)")
                continue
            }
        }
        let last = pipeline.batch(1)
        #expect(last.map { URL(fileURLWithPath: $0.file.path).lastPathComponent } == ["3.txt"])
        guard case .parsed = last[0].kind else {
            Issue.record("3.txt was not parsed: \(last[0].kind)")
            return
        }
    }
}
