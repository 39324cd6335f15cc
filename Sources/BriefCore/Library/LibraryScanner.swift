// Loads files and directories through the pipeline on every core; a bad file is a problem to report, not a crash.
import Dispatch
import Foundation

/// A file that could not be loaded, and why.
public struct ScanProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// What a scan found: the articles, in a deterministic order, and the files that failed.
public struct LibraryScan: Sendable {
    public var articles: [Article]
    public var problems: [ScanProblem]

    public init(articles: [Article] = [], problems: [ScanProblem] = []) {
        self.articles = articles
        self.problems = problems
    }
}

/// Finds the article files under paths and runs them through an `ArticlePipeline` in parallel.
///
/// Directories are read recursively, skipping hidden files and directories (a leading `.`).
/// Files come out in the order the paths were given, each directory's files sorted by path,
/// whatever the order the cores finish in.
public struct LibraryScanner: Sendable {
    public var pipeline: ArticlePipeline
    /// Files larger than this are reported rather than read (no article is hundreds of megabytes).
    public var maximumFileSize: Int

    public init(pipeline: ArticlePipeline = ArticlePipeline(), maximumFileSize: Int = 64 << 20) {
        self.pipeline = pipeline
        self.maximumFileSize = maximumFileSize
    }

    /// Loads every article under `paths`.
    public func scan(_ paths: [String]) -> LibraryScan {
        let listing = Self.files(under: paths)
        let results = Self.parallelMap(listing.files) { path in load(path) }
        var scan = LibraryScan(problems: listing.problems)
        for result in results {
            switch result {
            case .success(let articles): scan.articles.append(contentsOf: articles)
            case .failure(let problem): scan.problems.append(problem)
            }
        }
        return scan
    }

    /// Runs in-memory inputs (source name and bytes) through the pipeline in parallel, in input order.
    public func process(_ inputs: [(source: String, data: Data)]) -> LibraryScan {
        let results = Self.parallelMap(inputs) { input in articles(from: input.data, source: input.source) }
        var scan = LibraryScan()
        for result in results {
            switch result {
            case .success(let articles): scan.articles.append(contentsOf: articles)
            case .failure(let problem): scan.problems.append(problem)
            }
        }
        return scan
    }

    /// Reads one file and runs it through the pipeline; any failure becomes a problem.
    func load(_ path: String) -> Result<[Article], ScanProblem> {
        let url = URL(fileURLWithPath: path)
        do {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values.isRegularFile == false {
                return .failure(ScanProblem(path: path, reason: "not a regular file"))
            }
            if let size = values.fileSize, size > maximumFileSize {
                return .failure(ScanProblem(path: path, reason: "too large (\(size) bytes; the limit is \(maximumFileSize))"))
            }
        } catch {
            return .failure(ScanProblem(path: path, reason: Self.reason(for: error)))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(ScanProblem(path: path, reason: Self.reason(for: error)))
        }
        return articles(from: data, source: path)
    }

    private func articles(from data: Data, source: String) -> Result<[Article], ScanProblem> {
        do throws(ReadError) {
            return .success(try pipeline.articles(from: data, source: source))
        } catch {
            return .failure(ScanProblem(path: source, reason: error.reason))
        }
    }

    /// The files under `paths` in output order, and the paths that could not be listed.
    static func files(under paths: [String]) -> (files: [String], problems: [ScanProblem]) {
        var files: [String] = []
        var problems: [ScanProblem] = []
        var seen = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(ScanProblem(path: path, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                if seen.insert(path).inserted { files.append(path) }
                continue
            }
            var found: [String] = []
            walk(directory: path, into: &found, problems: &problems)
            for file in found.sorted() where seen.insert(file).inserted { files.append(file) }
        }
        return (files, problems)
    }

    /// Collects regular files below `directory`, skipping hidden entries; unreadable directories are problems.
    private static func walk(directory: String, into files: inout [String], problems: inout [ScanProblem]) {
        let manager = FileManager.default
        let entries: [String]
        do {
            entries = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            problems.append(ScanProblem(path: directory, reason: reason(for: error)))
            return
        }
        for name in entries.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }  // a dangling link
            if isDirectory.boolValue {
                // Symbolic links to directories are not followed: they can loop.
                let attributes = try? manager.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
                walk(directory: path, into: &files, problems: &problems)
            } else {
                files.append(path)
            }
        }
    }

    /// A short reason for a file-system error, without Foundation's wording about "the file".
    static func reason(for error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return "cannot read: " + String(cString: message).lowercased()
        }
        switch (nsError.domain, nsError.code) {
        case (NSCocoaErrorDomain, NSFileReadNoSuchFileError), (NSCocoaErrorDomain, NSFileNoSuchFileError):
            return "cannot read: the file vanished (no such file)"
        case (NSCocoaErrorDomain, NSFileReadNoPermissionError):
            return "cannot read: permission denied"
        default:
            return "cannot read: \(nsError.localizedDescription)"
        }
    }

    /// `transform` applied to every element on all cores, results in input order.
    static func parallelMap<Element: Sendable, Output: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        guard elements.count > 1 else { return elements.map(transform) }
        let slots = ResultSlots<Output>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.store(transform(elements[index]), at: index)
        }
        return slots.values()
    }
}

/// One slot per input, each written by exactly one iteration of `concurrentPerform`.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Output?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: Output, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Output] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
