// What the reader targets share: read the input, then clean and annotate every document.
import BriefCore
import Foundation

/// The gazetteers and topics are loaded once, not per input.
private enum Shared {
    static let pipeline = ArticlePipeline()
}

/// Runs `reader` over the input as a file named `source`, then the rest of the pipeline over
/// what it read; input the reader refuses is simply refused.
public func readAndProcess(_ reader: some ArticleReader, _ start: UnsafePointer<UInt8>?, _ count: Int, source: String) {
    guard let documents = try? reader.read(Data(fuzzInput(start, count)), source: source) else { return }
    for document in documents { _ = Shared.pipeline.process(document) }
}

/// The whole path a library file takes: format detection, the reader it picks, the pipeline.
public func detectReadAndProcess(_ start: UnsafePointer<UInt8>?, _ count: Int, source: String) {
    _ = try? Shared.pipeline.articles(from: Data(fuzzInput(start, count)), source: source)
}
