// What story grouping compares of an article: a MinHash signature of its kept text's word
// shingles, its title words, its named people, places and organizations, its day and length.
import Foundation

/// The comparable features of one article, computed once (on a parsing thread when indexing).
public struct StoryFeatures: Hashable, Sendable {
    /// The minimum of each MinHash function over the text's shingles, its low 16 bits
    /// (`MinHash.storedBits`); empty when the text has too few shingles to compare.
    public var signature: [UInt32]
    /// Hashes of the title's words, function words left out; sorted, distinct. Hashes here are
    /// 32 bits wide (`storedHash`).
    public var titleTerms: [UInt64]
    /// Hashes of the people, places and organizations the body names (canonical names, folded);
    /// sorted, distinct. Names only in the headline are left out: they are the headline's
    /// evidence, which the title words already carry, and two texts under one reused headline
    /// would otherwise share them whatever their bodies say.
    public var entities: [UInt64]
    /// Days since 1970-01-01, when the article is dated.
    public var day: Int?
    /// Length of the kept text in Unicode scalars: the best version of a story is the longest.
    public var length: Int

    public init(signature: [UInt32], titleTerms: [UInt64], entities: [UInt64], day: Int?, length: Int) {
        self.signature = signature
        self.titleTerms = titleTerms
        self.entities = entities
        self.day = day
        self.length = length
    }

    public init(_ article: Article, settings: StorySettings = .standard) {
        let shingles = Shingles.hashes(of: article.paragraphs, words: settings.shingleWords)
        signature = shingles.count >= settings.minShingles ? MinHash.signature(of: shingles) : []
        titleTerms = Self.titleTerms(article.title)
        var names = Set<UInt64>()
        for span in article.entities where span.paragraph >= 0
            && (span.type == .person || span.type == .place || span.type == .organization) {
            var hash = ContentHash()
            hash.update(byte: UInt8(truncatingIfNeeded: span.type.rawValue.utf8.first ?? 0))
            for word in FoldedWordTokenizer.tokens(span.canonical) {
                hash.update(byte: 0x20)
                hash.update(word.utf8)
            }
            names.insert(Self.storedHash(hash.value))
        }
        entities = names.sorted()
        day = article.date?.daysSinceEpoch
        length = article.paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }
    }

    /// The hashed words of a title that say which story it tells.
    package static func titleTerms(_ title: String) -> [UInt64] {
        var terms = Set<UInt64>()
        FoldedWordTokenizer.forEachToken(in: title) { word in
            guard word.unicodeScalars.count >= 2, !TitleStopwords.words.contains(word) else { return }
            terms.insert(storedHash(ContentHash.value(of: word.utf8)))
        }
        return terms.sorted()
    }

    /// A title word's or a name's hash as compared and stored: its low 32 bits. Two words of one
    /// title, or two names, would share one by chance once in billions of pairs, and at
    /// 1,000,000 articles the full 64 bits cost 90 MB of the cache.
    static func storedHash(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF }

    /// The MinHash estimate of the Jaccard similarity of the two texts' shingle sets (0 when
    /// either text is too short to compare).
    public func estimatedJaccard(_ other: StoryFeatures) -> Double {
        guard !signature.isEmpty, signature.count == other.signature.count else { return 0 }
        var equal = 0
        for index in signature.indices where signature[index] == other.signature[index] { equal += 1 }
        return Double(equal) / Double(signature.count)
    }

    // MARK: Stored form

    /// Little-endian: the counts of signature values, title terms and entities (UInt32 each),
    /// then the signature's values (UInt16 each: `MinHash.storedBits`) and the hashes (UInt32
    /// each: they are 32 bits wide); day and length are columns of their own in the cache.
    public var encoded: Data {
        var data = Data(capacity: 12 + signature.count * 2 + (titleTerms.count + entities.count) * 4)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        append(UInt32(signature.count))
        append(UInt32(titleTerms.count))
        append(UInt32(entities.count))
        for value in signature { append(UInt16(truncatingIfNeeded: value)) }
        for value in titleTerms { append(UInt32(truncatingIfNeeded: value)) }
        for value in entities { append(UInt32(truncatingIfNeeded: value)) }
        return data
    }

    /// Decodes `encoded`; nil when the bytes are not of that form.
    public init?(encoded data: Data, day: Int?, length: Int) {
        // Read in place: a re-index decodes every cached article's features.
        guard let (signature, titleTerms, entities) = data.withUnsafeBytes({ Self.decode($0) }) else { return nil }
        self.init(signature: signature, titleTerms: titleTerms, entities: entities, day: day, length: length)
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer) -> ([UInt32], [UInt64], [UInt64])? {
        func read<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        func values<T: FixedWidthInteger>(_: T.Type, count: Int, at offset: Int) -> [T] {
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count { buffer[index] = read(T.self, at: offset + index * MemoryLayout<T>.size) }
                initialized = count
            }
        }
        guard bytes.count >= 12 else { return nil }
        let signatureCount = Int(read(UInt32.self, at: 0)), termCount = Int(read(UInt32.self, at: 4))
        let entityCount = Int(read(UInt32.self, at: 8))
        guard signatureCount * 2 + (termCount + entityCount) * 4 == bytes.count - 12 else { return nil }
        let termsStart = 12 + signatureCount * 2, entitiesStart = termsStart + termCount * 4
        return (values(UInt16.self, count: signatureCount, at: 12).map(UInt32.init),
                values(UInt32.self, count: termCount, at: termsStart).map(UInt64.init),
                values(UInt32.self, count: entityCount, at: entitiesStart).map(UInt64.init))
    }
}

/// Word shingles of a text: every run of `words` consecutive words, hashed. Words are the
/// filter language's (case-folded, punctuation ignored), so re-wrapping, a changed line break
/// or curly quotes leave the shingles as they were.
package enum Shingles {
    package static func hashes(of paragraphs: [String], words: Int) -> [UInt64] {
        var tokens: [UInt64] = []
        for paragraph in paragraphs {
            FoldedWordTokenizer.forEachTokenBytes(in: paragraph) { token, _ in
                tokens.append(ContentHash.value(of: token))
            }
        }
        guard tokens.count >= words else { return tokens.isEmpty ? [] : [chain(tokens[...])] }
        // A repeated shingle changes no minimum, so they are not made distinct (a set cost more than the repeats).
        return (0...(tokens.count - words)).map { chain(tokens[$0..<$0 + words]) }
    }

    /// One hash for a run of word hashes (FNV-1a over their bytes).
    private static func chain(_ words: ArraySlice<UInt64>) -> UInt64 {
        var hash = ContentHash()
        for word in words { withUnsafeBytes(of: word.littleEndian) { hash.update($0) } }
        return hash.value
    }
}

/// MinHash: for each of `MinHashShape.hashes` hash functions, the least value over a set.
/// The share of functions on which two sets agree estimates their Jaccard similarity.
package enum MinHash {
    /// Per-pair-of-functions seeds (fixed: signatures are stored in the cache and compared across
    /// runs). One 64-bit mix gives two functions, its high and its low half: half the work per shingle.
    static let seeds: [UInt64] = {
        var state: UInt64 = 0x5eed_0f_5709
        return (0..<(MinHashShape.hashes + 1) / 2).map { _ in
            state &+= 0x9e37_79b9_7f4a_7c15
            return mix(state)
        }
    }()

    /// Bits of each minimum kept: b-bit MinHash (Li and König). Two different minima agree on
    /// their low 16 bits once in 65,536 functions, which moves a similarity estimate by less
    /// than a thousandth; the full 32 bits cost 128 MB of the cache at 1,000,000 articles.
    static let storedBits: UInt32 = 16

    package static func signature(of shingles: [UInt64]) -> [UInt32] {
        var minimum = [UInt32](repeating: .max, count: seeds.count * 2)
        seeds.withUnsafeBufferPointer { seeds in
            minimum.withUnsafeMutableBufferPointer { minimum in
                for shingle in shingles {
                    for index in 0..<seeds.count {
                        let mixed = mix(shingle ^ seeds[index])
                        let high = UInt32(truncatingIfNeeded: mixed >> 32), low = UInt32(truncatingIfNeeded: mixed)
                        if high < minimum[2 * index] { minimum[2 * index] = high }
                        if low < minimum[2 * index + 1] { minimum[2 * index + 1] = low }
                    }
                }
            }
        }
        // The low bits: a minimum over hundreds of shingles is small, so its high bits are mostly zero.
        return minimum.prefix(MinHashShape.hashes).map { $0 & ((1 << storedBits) - 1) }
    }

    /// A 64-bit finalizer (splitmix64's): FNV's low bits are poor alone, and each seed must give
    /// an independent-looking permutation.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The key of band `band` of a signature, for the LSH buckets.
    package static func bandKey(_ signature: [UInt32], band: Int) -> UInt64 {
        var hash = ContentHash()
        hash.update(byte: UInt8(band))
        for row in 0..<MinHashShape.rowsPerBand {
            withUnsafeBytes(of: signature[band * MinHashShape.rowsPerBand + row].littleEndian) { hash.update($0) }
        }
        return hash.value
    }
}

/// Title words that name no story (`story-title-stopwords.txt`).
enum TitleStopwords {
    static let words: Set<String> = Set(DataFileLines.lines(BundledData.text("story-title-stopwords.txt")).map(String.init))
}
