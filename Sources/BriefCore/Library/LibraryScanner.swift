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
/// Files come out in the order the paths were given, each directory depth-first in name order,
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
        let entries = Self.entries(under: paths)
        let results = Self.parallelMap(entries) { entry -> Result<[Article], ScanProblem> in
            switch entry {
            case .file(let path): load(path)
            case .problem(let problem): .failure(problem)
            }
        }
        var scan = LibraryScan()
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
        // A link to an article is read as the article; the checks apply to what it points at.
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
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

    /// One step of a scan, in output order: a file to load, or a path that could not be listed.
    enum Entry: Hashable, Sendable {
        case file(String)
        case problem(ScanProblem)
    }

    /// The files under `paths` in output order.
    static func files(under paths: [String]) -> [String] {
        entries(under: paths).compactMap { entry in
            if case .file(let path) = entry { return path }
            return nil
        }
    }

    /// The files under `paths` and the paths that could not be listed, in output order.
    static func entries(under paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        var seen = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                entries.append(.problem(ScanProblem(path: path, reason: "no such file or directory")))
                continue
            }
            guard isDirectory.boolValue else {
                if seen.insert(path).inserted { entries.append(.file(path)) }
                continue
            }
            var found: [Entry] = []
            walk(directory: path, into: &found)
            for entry in found {
                if case .file(let file) = entry, !seen.insert(file).inserted { continue }
                entries.append(entry)
            }
        }
        return entries
    }

    /// Collects the files below `directory` depth-first in name order, skipping hidden entries;
    /// unreadable directories become problems.
    private static func walk(directory: String, into entries: inout [Entry]) {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            entries.append(.problem(ScanProblem(path: directory, reason: reason(for: error))))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                entries.append(.problem(ScanProblem(path: path, reason: "cannot read: a dangling symbolic link")))
                continue
            }
            if isDirectory.boolValue {
                // Symbolic links to directories are not followed: they can loop.
                let attributes = try? manager.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
                walk(directory: path, into: &entries)
            } else {
                entries.append(.file(path))
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
