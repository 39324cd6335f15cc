// Incremental refresh: parse only new or changed files (in parallel), drop deleted ones, in committed batches.
import BriefCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What a refresh did.
public struct IndexReport: Sendable {
    /// Files parsed for the first time.
    public var added = 0
    /// Files whose content changed and were parsed again.
    public var changed = 0
    /// Files gone from disk, dropped with their articles.
    public var removed = 0
    /// Files that did not change (or were touched without changing).
    public var unchanged = 0
    /// Files that could not be read or parsed: path and reason. Includes unchanged bad files.
    public var badFiles: [FileProblem] = []
    public var bad: Int { badFiles.count }
    /// Articles in the cache afterwards.
    public var articles = 0
    public var seconds: Double = 0
    /// Of `seconds`: time spent writing batches to the database, and time the writer waited
    /// for parsing to finish a batch. They tell which of the two bounds a refresh.
    public var writeSeconds: Double = 0
    /// CPU time of the writing thread within `writeSeconds` (the rest is waiting for a core or the disk).
    public var writeCPUSeconds: Double = 0
    public var parseWaitSeconds: Double = 0
    /// Of `writeSeconds`: time spent finding new articles' stories (their features are computed while parsing).
    public var storySeconds: Double = 0
    /// CPU time of the writing thread within `storySeconds`.
    public var storyCPUSeconds: Double = 0
    /// CPU time the parsing threads spent computing what story grouping compares.
    public var storyFeatureCPUSeconds: Double = 0
    /// Of `seconds`: walking the paths and sorting the files out (new, changed, unchanged, gone).
    public var scanSeconds: Double = 0
    /// Of `seconds`: building the indexes a first index defers until its last batch.
    public var deferredIndexSeconds: Double = 0
    /// Time after the last batch: dropping entities no article mentions, `PRAGMA optimize`,
    /// handing free pages back to the file system, and saving the readers' snapshot.
    public var finishSeconds: Double = 0
}

/// Where a refresh stands, for progress bars.
public struct IndexProgress: Sendable {
    /// Files to parse in this run, and how many are done.
    public var total: Int
    public var done: Int
}

/// Settings of the indexer.
public enum IndexerSettings {
    /// Files parsed and handed to the writer together: memory holds a few batches of parsed
    /// articles, and each batch adds one full-text segment, so larger batches merge less; much
    /// larger ones leave the cores idle while the first batch parses and the last writes.
    public static let batchSize = 512
    /// Batches committed together. A commit writes every page its batches dirtied, and each batch
    /// adds a row at the end of most entities' mentions (their last page): committed alone, every
    /// batch rewrote those pages, and at 1,000,000 articles the indexer wrote 185 GB for a 6.3 GB
    /// cache. Eight batches share one write of them; a killed process loses at most these.
    public static let batchesPerTransaction = 8
    /// Fewest batches a refresh is cut into, down to `smallestBatch` files each: the writer waits
    /// for the first batch to be parsed whole, so a re-index of 1,000 files in two batches of 512
    /// left it idle for the first half (at 100,000 files, batches stay at `batchSize`).
    public static let fewestBatches = 8
    public static let smallestBatch = 64
    /// Articles deleted by one statement (SQLite allows 32,766 bound values).
    public static let deletedPerStatement = 4_096
    /// Parsing threads (this machine has two cores).
    public static let workers = 2
    /// Files the parsing threads may get ahead of the batch being written (64 batches, about
    /// half a minute of parsing on one core). A commit held the writer about that long a third
    /// of the way into a first index of 1,000,000 articles (by its place, a full-text merge of
    /// the largest segments): eight batches ahead, the parsing threads stopped after two
    /// seconds and left a core idle for the rest.
    public static let parseLookahead = 64 * batchSize
    /// Files past the one a parsing thread takes whose reading it asks the kernel to start.
    public static let readAheadFiles = 256
    /// Niceness of the parsing threads (Linux, per thread): they yield a core to the writer and to
    /// the UI when both want one, and use it all when nobody else does.
    public static let parseNiceness: Int32 = 5
    /// WAL pages after which a commit of the indexer checkpoints (SQLite's default is 1,000).
    /// Index pages that every batch touches are then copied to the database once per
    /// checkpoint rather than once every few batches. At 128 MB of WAL (4 KB pages) a 100,000
    /// article index spent ~2 CPU-s less writing than at 32 MB; the WAL goes when the refresh
    /// ends and the last connection closes. 256 MB of 16 KB pages.
    public static let walAutocheckpointPages = 16_384
    /// Page cache of the writer connection while it indexes, in KiB (other times
    /// `DatabaseSettings.cacheKiB`). A batch inserts into every index of the cache at scattered
    /// places (entity mentions by entity, articles by id, title and source): at 100,000 articles
    /// those indexes outgrow 16 MB, and each batch read its pages again and spilled dirty ones
    /// to the WAL before its commit. 256 MB, to hold what a transaction of
    /// `batchesPerTransaction` batches dirties besides the index pages it reads.
    public static let writerCacheKiB = 262_144
}

extension LibraryStore {
    /// Brings the cache in line with the files under `paths`.
    ///
    /// Unchanged files (same size and mtime, or same content hash) are not parsed again; files
    /// deleted under a scanned path are dropped. Batches are committed a few at a time
    /// (`IndexerSettings.batchesPerTransaction`), so a process killed mid-way leaves a consistent
    /// cache that the next refresh completes.
    public func refresh(paths: [String], pipeline: ArticlePipeline = ArticlePipeline(),
                        progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexReport {
        try refresh(paths: paths, parse: { data, source throws(ReadError) in try pipeline.articles(from: data, source: source) },
                    progress: progress)
    }

    /// A file's bytes and path in, its articles out: the pipeline, or the pipeline and more.
    public typealias Parser = @Sendable (Data, String) throws(ReadError) -> [Article]

    /// Refreshes with any parser (benchmarks wrap the pipeline to add annotations it lacks).
    public func refresh(paths: [String], parse: @escaping Parser,
                        progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexReport {
        try refresh(paths: paths, parse: parse, parsing: ParsingLayout(), progress: progress)
    }

    /// How many threads parse, and in what batches files are handed to the writer: the settings,
    /// or (tests) one thread and batches of one file, the serial order the parallel one must match.
    struct ParsingLayout {
        var workers = IndexerSettings.workers
        var batchSize = IndexerSettings.batchSize
        var lookahead = IndexerSettings.parseLookahead
    }

    /// Sorts the files out (unchanged, gone, to parse), then parses and writes in batches with
    /// the indexing pragmas on, then drops what no article needs and gives pages back.
    func refresh(paths: [String], parse: @escaping Parser, parsing layout: ParsingLayout,
                 progress: (@Sendable (IndexProgress) -> Void)?) throws -> IndexReport {
        guard access == .owner else {
            throw StoreError(path: path, kind: .readOnly, reason: "opened read-only as a shared cache; the account that runs `brief index` keeps it up to date")
        }
        let clock = ContinuousClock.now
        var report = IndexReport()
        let toParse = try sortOut(FileScanner.scan(paths), &report)
        report.scanSeconds = Self.seconds(since: clock)
        try withIndexingPragmas {
            report.deferredIndexSeconds = try withDeferredIndexes(deferring: !toParse.isEmpty && isEmpty()) {
                try writeBatches(toParse, parse: parse, layout: layout, progress: progress, &report)
            }
        }
        try finish(&report)
        report.badFiles.sort { $0.path < $1.path }
        report.articles = try articleCount()
        report.seconds = Self.seconds(since: clock)
        return report
    }

    /// The files to parse (new, or changed in size or time) with what the cache knew of them;
    /// counts the unchanged, reports the bad ones again, and deletes the files gone from a
    /// root that was scanned completely.
    private func sortOut(_ scan: FileScanner.Result, _ report: inout IndexReport) throws -> [(ScannedFile, KnownFile?)] {
        report.badFiles.append(contentsOf: scan.problems)
        try remember(roots: scan.scannedRoots)
        let known = try read { db in try KnownFile.fetchAll(db) }
        let onDisk = Set(scan.files.map(\.path))
        var toParse: [(ScannedFile, KnownFile?)] = []
        for file in scan.files {
            let old = known[file.path]
            if let old, old.size == file.size, old.mtime == file.mtime {
                if let error = old.error { report.badFiles.append(FileProblem(path: file.path, reason: error)) } else { report.unchanged += 1 }
            } else {
                toParse.append((file, old))
            }
        }
        let gone = known.keys.filter { path in
            !onDisk.contains(path) && scan.scannedRoots.contains { root in path == root || path.hasPrefix(root + "/") }
        }
        if !gone.isEmpty {
            try write { db in
                let statement = try db.cachedStatement(sql: "DELETE FROM file WHERE path = ?")
                for path in gone { try statement.execute(arguments: [path]) }
            }
            report.removed = gone.count
        }
        return toParse
    }

    /// Runs `body` with the writer connection set for indexing, and sets it back after.
    ///
    /// While indexing, the writer connection checkpoints less often, and reads pages into its
    /// bounded page cache (a larger one, `IndexerSettings.writerCacheKiB`) rather than through
    /// the memory map: every page the writer touches would otherwise stay mapped, and count in
    /// the process's memory, up to the map's size.
    /// Foreign keys are not checked: the writer makes every parent row before its children
    /// and deletes children itself (each check was a B-tree search per mention and topic row).
    private func withIndexingPragmas(_ body: () throws -> Void) throws {
        try withStoreErrors(path: path) {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(IndexerSettings.walAutocheckpointPages)")
                try db.execute(sql: "PRAGMA mmap_size = 0")
                try db.execute(sql: "PRAGMA cache_size = -\(IndexerSettings.writerCacheKiB)")
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
            }
        }
        defer {
            try? pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                try db.execute(sql: "PRAGMA mmap_size = \(DatabaseSettings.mmapSize)")
                try db.execute(sql: "PRAGMA cache_size = -\(DatabaseSettings.cacheKiB)")
                try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
        }
        try body()
    }

    /// Runs `body` (the batches) without the indexes `LibrarySchema.deferredIndexes` names when
    /// `deferring` (a first index, of an empty cache), and builds whichever of them are missing
    /// afterwards. Each batch inserted into them at scattered places (by title, source, day, story),
    /// and every commit wrote a page per row again once they outgrew the batch; `CREATE INDEX`
    /// sorts once and writes each page once. A refresh killed before the end leaves them missing
    /// (queries still answer, by scanning the tables) until the next refresh builds them.
    /// Returns the seconds the indexes took to build.
    private func withDeferredIndexes(deferring: Bool, _ body: () throws -> Void) throws -> Double {
        if deferring {
            try write { db in
                for index in LibrarySchema.deferredIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
            }
        }
        try body()
        let buildStart = ContinuousClock.now
        try write { db in
            let present = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index'"))
            for index in LibrarySchema.deferredIndexes where !present.contains(index.name) { try db.execute(sql: index.sql) }
        }
        return Self.seconds(since: buildStart)
    }

    private func isEmpty() throws -> Bool {
        try read { db in try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM article)")! }
    }

    /// Parsing runs ahead on the other threads while each batch is written (the writer needs one
    /// core, parsing both); each batch's articles are written, then given their stories, and
    /// `IndexerSettings.batchesPerTransaction` batches are committed together.
    private func writeBatches(_ toParse: [(ScannedFile, KnownFile?)], parse: @escaping Parser, layout: ParsingLayout,
                              progress: (@Sendable (IndexProgress) -> Void)?, _ report: inout IndexReport) throws {
        let writer = BatchWriter()
        let stories = StoryAssigner(settings: storySettings)
        progress?(IndexProgress(total: toParse.count, done: 0))
        let batchSize = min(layout.batchSize, max(IndexerSettings.smallestBatch, toParse.count / IndexerSettings.fewestBatches))
        let parsing = ParsePipeline(toParse, workers: layout.workers, batchSize: batchSize,
                                    lookahead: layout.lookahead, parse: parse)
        defer { parsing.stop() }
        var done = 0
        var first = 0
        while first < parsing.batchCount {
            let batches = first..<min(first + IndexerSettings.batchesPerTransaction, parsing.batchCount)
            // The commit is writing time too: from the end of the last batch's statements on.
            var commitStart = (clock: ContinuousClock.now, cpu: 0.0)
            try write { db in
                for index in batches {
                    let waitStart = ContinuousClock.now
                    let parsed = parsing.batch(index)
                    report.parseWaitSeconds += Self.seconds(since: waitStart)
                    let writeStart = ContinuousClock.now
                    let writeCPUStart = Self.threadCPUSeconds()
                    try writer.write(parsed, db)
                    let storyStart = ContinuousClock.now
                    let storyCPUStart = Self.threadCPUSeconds()
                    try stories.assign(writer.takeInserted(), db)
                    report.storySeconds += Self.seconds(since: storyStart)
                    report.storyCPUSeconds += Self.threadCPUSeconds() - storyCPUStart
                    report.writeSeconds += Self.seconds(since: writeStart)
                    report.writeCPUSeconds += Self.threadCPUSeconds() - writeCPUStart
                    Self.count(parsed, &report)
                    done += parsed.count
                    progress?(IndexProgress(total: toParse.count, done: done))
                }
                commitStart = (ContinuousClock.now, Self.threadCPUSeconds())
            }
            report.writeSeconds += Self.seconds(since: commitStart.clock)
            report.writeCPUSeconds += Self.threadCPUSeconds() - commitStart.cpu
            first = batches.upperBound
        }
    }

    /// Adds a batch's outcomes to the report's counts.
    private static func count(_ parsed: [ParsedFile], _ report: inout IndexReport) {
        for outcome in parsed {
            switch outcome.kind {
            case .touched: report.unchanged += 1
            case .failed(let reason): report.badFiles.append(FileProblem(path: outcome.file.path, reason: reason))
            case .parsed(let articles):
                if outcome.previous == nil { report.added += 1 } else { report.changed += 1 }
                report.storyFeatureCPUSeconds += articles.reduce(0) { $0 + $1.storyCPUSeconds }
            }
        }
    }

    /// After the batches: entities no article mentions go, and when anything changed, the pages
    /// full-text merges and deleted rows freed go back to the file system (a cache made before
    /// v7 has no list of them, and keeps them for later writes).
    private func finish(_ report: inout IndexReport) throws {
        let finishStart = ContinuousClock.now
        if report.removed > 0 || report.changed > 0 {
            try write { db in
                try db.execute(sql: "DELETE FROM entity WHERE NOT EXISTS (SELECT 1 FROM article_entity WHERE entity = entity.id)")
            }
        }
        if report.added + report.changed + report.removed > 0 {
            try write { db in
                try db.execute(sql: "PRAGMA optimize")
                try db.execute(sql: "PRAGMA incremental_vacuum")
            }
        }
        try write { db in _ = try ReaderSnapshot.save(db) }
        report.finishSeconds = Self.seconds(since: finishStart)
    }

    /// CPU time of the calling thread (GRDB runs a write's body on the thread that asks for it).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The paths refreshed so far: `brief index` with no path refreshes these.
    public func roots() throws -> [String] {
        try read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'roots'") else { return [] }
            return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        }
    }

    private func remember(roots new: [String]) throws {
        let known = try roots()
        let merged = known + new.filter { !known.contains($0) }
        guard merged != known else { return }
        let json = String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('roots', ?)", arguments: [json])
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try withStoreErrors(path: path) { try pool.write(body) }
    }
}

/// A file row as the cache remembers it.
struct KnownFile: Sendable {
    var id: Int64
    var size: Int64
    var mtime: Double
    var hash: String
    var error: String?

    static func fetchAll(_ db: Database) throws -> [String: KnownFile] {
        var result: [String: KnownFile] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, id, size, mtime, hash, error FROM file")
        while let row = try rows.next() {
            result[row[0]] = KnownFile(id: row[1], size: row[2], mtime: row[3], hash: row[4], error: row[5])
        }
        return result
    }
}

/// The outcome of reading one file.
struct ParsedFile: Sendable {
    enum Kind: Sendable {
        /// Same bytes as cached: only size and mtime need updating.
        case touched
        case parsed([PreparedArticle])
        case failed(String)
    }
    var file: ScannedFile
    var previous: KnownFile?
    var hash: String
    var kind: Kind

    static func parse(_ file: ScannedFile, previous: KnownFile?, parse: LibraryStore.Parser, deflater: TextDeflater) -> ParsedFile {
        let data: Data
        switch FileContents.read(file.systemPath) {
        case .success(let contents): data = contents
        case .failure(let failure): return ParsedFile(file: file, previous: previous, hash: "", kind: .failed(failure.reason))
        }
        let hash = ContentHash.of(data)
        if let previous, previous.hash == hash, previous.error == nil {
            return ParsedFile(file: file, previous: previous, hash: hash, kind: .touched)
        }
        do {
            let articles = try parse(data, file.path)
            if articles.isEmpty {
                return ParsedFile(file: file, previous: previous, hash: hash, kind: .failed("no article found"))
            }
            return ParsedFile(file: file, previous: previous, hash: hash, kind: .parsed(prepare(articles, deflater: deflater)))
        } catch {
            return ParsedFile(file: file, previous: previous, hash: hash, kind: .failed(error.reason))
        }
    }

    static func prepare(_ articles: [Article], deflater: TextDeflater = TextDeflater()) -> [PreparedArticle] {
        articles.map { PreparedArticle($0, deflater: deflater) }
    }
}

/// Files parsed on background threads, ahead of the writer, handed over a batch at a time.
///
/// The workers live for the whole refresh and may run up to `lookahead` files past the batch
/// being written: a batch whose write takes long (a full-text merge, a checkpoint) then does
/// not leave a core idle, and a batch that parses slowly does not stall the writer for long.
/// The bound keeps memory to that many parsed files: 64 batches rather than 8 raised the peak
/// memory of a first index of 1,000,000 articles by 138 MB.
final class ParsePipeline: @unchecked Sendable {
    private let files: [(ScannedFile, KnownFile?)]
    private let parse: LibraryStore.Parser
    private let batchSize: Int
    private let lookahead: Int
    let batchCount: Int
    // Each slot is written by one worker, then read by the writer after the condition says the
    // slot's batch is complete; the lock around both orders the accesses.
    private let slots: UnsafeMutableBufferPointer<ParsedFile?>
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var nextFile = 0
    private var handedOver = 0
    private var finishedPerBatch: [Int]
    private var stopped = false

    init(_ files: [(ScannedFile, KnownFile?)], workers: Int = IndexerSettings.workers, batchSize: Int = IndexerSettings.batchSize,
         lookahead: Int = IndexerSettings.parseLookahead, parse: @escaping LibraryStore.Parser) {
        self.files = files
        self.parse = parse
        self.batchSize = batchSize
        self.lookahead = lookahead
        slots = .allocate(capacity: files.count)
        slots.initialize(repeating: nil)
        batchCount = (files.count + batchSize - 1) / batchSize
        finishedPerBatch = Array(repeating: 0, count: batchCount)
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }


    /// The parsed files of batch `index`, waiting for them if need be. Batches are taken in order.
    func batch(_ index: Int) -> [ParsedFile] {
        let range = batchRange(index)
        condition.lock()
        while finishedPerBatch[index] < range.count { condition.wait() }
        condition.unlock()
        var parsed: [ParsedFile] = []
        parsed.reserveCapacity(range.count)
        for slot in range {
            parsed.append(slots[slot]!)
            slots[slot] = nil
        }
        condition.lock()
        handedOver = range.upperBound
        condition.broadcast()
        condition.unlock()
        return parsed
    }

    /// Lets the workers finish the file in hand and exit (the writer failed, or is done).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func batchRange(_ index: Int) -> Range<Int> {
        index * batchSize..<min((index + 1) * batchSize, files.count)
    }

    private func work() {
        #if os(Linux)
        // Behind the writer and the reader's UI thread in the queue for a core: the writer is the
        // one thread a refresh cannot do without, and a keystroke must not wait for a parse.
        // On Linux a nice value belongs to a thread, and `who` 0 names the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, IndexerSettings.parseNiceness)
        #endif
        let deflater = TextDeflater()
        while let index = take() {
            readAhead(index + IndexerSettings.readAheadFiles)
            let parsed = ParsedFile.parse(files[index].0, previous: files[index].1, parse: parse, deflater: deflater)
            condition.lock()
            slots[index] = parsed
            finishedPerBatch[index / batchSize] += 1
            if finishedPerBatch[index / batchSize] == batchRange(index / batchSize).count { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Starts the kernel reading a file the workers will parse soon. Files not in the page cache
    /// (a cold index of a library larger than what the cache keeps, files just copied in)
    /// otherwise stalled a worker on each read, its core idle.
    private func readAhead(_ index: Int) {
        guard index < files.count else { return }
        FileContents.readAhead(files[index].0.systemPath)
    }

    /// The next file to parse, once the writer is close enough behind; nil when there is none.
    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, nextFile < files.count, nextFile >= handedOver + lookahead { condition.wait() }
        guard !stopped, nextFile < files.count else { return nil }
        defer { nextFile += 1 }
        return nextFile
    }
}

extension LibraryStore {
    /// Stores articles as if parsed from `path` (tests and generators that build `Article` values).
    package func insert(_ articles: [Article], path: String) throws {
        let file = ScannedFile(path: path, size: 0, mtime: 0)
        let parsed = ParsedFile(file: file, previous: nil, hash: ContentHash.of(Array(path.utf8)), kind: .parsed(ParsedFile.prepare(articles)))
        try write { db in
            let writer = BatchWriter()
            try writer.write([parsed], db)
            try StoryAssigner(settings: storySettings).assign(writer.takeInserted(), db)
        }
    }
}
