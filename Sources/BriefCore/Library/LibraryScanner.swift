// Loads files and directories through the pipeline on every core; a bad file is a problem to report, not a crash.
import Dispatch
import Foundation

/// What a scan found: the articles, in a deterministic order, and the files that failed.
public struct LibraryScan: Sendable {
    public var articles: [Article]
    public var problems: [FileProblem]

    public init(articles: [Article] = [], problems: [FileProblem] = []) {
        self.articles = articles
        self.problems = problems
    }

    /// The articles and problems of per-file results, in their order.
    init(_ results: [Result<[Article], FileProblem>]) {
        articles = []
        problems = []
        for result in results {
            switch result {
            case .success(let articles): self.articles.append(contentsOf: articles)
            case .failure(let problem): problems.append(problem)
            }
        }
    }
}

/// Finds the article files under paths and runs them through an `ArticlePipeline` in parallel.
///
/// Files are found by `DirectoryWalker` (recursive, hidden entries skipped, links followed once).
/// They come out in the order the paths were given, each directory depth-first in name order,
/// whatever the order the cores finish in.
public struct LibraryScanner: Sendable {
    public var pipeline: ArticlePipeline
    /// Files larger than this are reported rather than read.
    public var maximumFileSize: Int

    public init(pipeline: ArticlePipeline = ArticlePipeline(), maximumFileSize: Int = LibraryFileSettings.maximumFileSize) {
        self.pipeline = pipeline
        self.maximumFileSize = maximumFileSize
    }

    /// Loads every article under `paths`.
    public func scan(_ paths: [String]) -> LibraryScan {
        let walk = DirectoryWalker.walk(paths, maximumFileSize: maximumFileSize)
        let results = ParallelMap.map(walk.entries) { entry -> Result<[Article], FileProblem> in
            switch entry {
            case .file(let file): load(file)
            case .problem(let problem): .failure(problem)
            }
        }
        return LibraryScan(results)
    }

    /// Runs in-memory inputs (source name and bytes) through the pipeline in parallel, in input order.
    public func process(_ inputs: [(source: String, data: Data)]) -> LibraryScan {
        let results = ParallelMap.map(inputs) { input in articles(from: input.data, source: input.source) }
        return LibraryScan(results)
    }

    /// Reads the file at `path` and runs it through the pipeline; any failure becomes a problem.
    func load(_ path: String) -> Result<[Article], FileProblem> {
        load(WalkedFile(path: path, size: 0, mtime: 0))
    }

    /// Reads one file and runs it through the pipeline; any failure becomes a problem.
    /// A link to an article is read as the article; the checks apply to what it points at.
    func load(_ file: WalkedFile) -> Result<[Article], FileProblem> {
        switch FileContents.read(file.systemPath, maximumSize: maximumFileSize) {
        case .success(let data): articles(from: data, source: file.path)
        case .failure(let failure): .failure(FileProblem(path: file.path, reason: failure.reason))
        }
    }

    private func articles(from data: Data, source: String) -> Result<[Article], FileProblem> {
        do throws(ReadError) {
            return .success(try pipeline.articles(from: data, source: source))
        } catch {
            return .failure(FileProblem(path: source, reason: error.reason))
        }
    }

    /// The files under `paths` in output order.
    static func files(under paths: [String]) -> [String] {
        DirectoryWalker.walk(paths).files.map(\.path)
    }
}
