// An article's kept text as the cache stores it: raw deflate, about 0.57 of the UTF-8 size.
import BriefCore
import CZlib
import Foundation
import GRDB

/// Settings of the stored text.
enum StoredTextSettings {
    /// zlib's level: 1 deflates news prose to 0.57 of its size, 6 (its default) to 0.55 at 1.4
    /// times the CPU; the parsing threads pay for it on every article of a cold index.
    static let compressionLevel: Int32 = 1
    /// No stored text inflates past this: a kept text is at most about its file, and files over
    /// `LibraryFileSettings.maximumFileSize` are never read. A row that would (a damaged cache, or
    /// a crafted one shared by another account) is refused rather than filling memory.
    static let maximumTextBytes = 2 * LibraryFileSettings.maximumFileSize
}

/// The `article.text` column: the paragraphs joined by `ArticleRow.paragraphSeparator`, deflated.
///
/// The text was the largest thing in the cache after the full-text index; stored deflated, a
/// 100,000-article cache is a fifth smaller. The full-text index no longer reads it (it keeps
/// no content), so SQL that needs the words (the delete trigger, indexing a batch) calls
/// `brief_text(text)`, registered on every connection to the cache.
enum StoredText {
    /// The SQL function that inflates a stored text back to the string.
    static let functionName = "brief_text"

    static func pack(_ text: String) -> Data {
        TextDeflater().pack(text)
    }

    /// The text of a stored value; nil when the bytes are not a deflated text (a damaged row)
    /// or would inflate past `limit` bytes.
    static func unpack(_ data: Data, limit: Int = StoredTextSettings.maximumTextBytes) -> String? {
        guard !data.isEmpty else { return "" }
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        // Prose deflates to about half; the buffer grows when a text deflated better.
        var output = [UInt8](repeating: 0, count: max(data.count * 3, 256))
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let written = Int(stream.total_out)
                status = output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress! + written
                    stream.avail_out = uInt(target.count - written)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                guard status == Z_OK, stream.avail_out == 0 else { break }
                guard output.count < limit else {
                    status = Z_BUF_ERROR
                    break
                }
                output += repeatElement(0, count: min(output.count, limit - output.count + 1))
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) <= limit else { return nil }
        return String(decoding: output[0..<Int(stream.total_out)], as: UTF8.self)
    }

    /// `brief_text(stored)`: the text of a stored value; an error names a value that is not one.
    static let function = DatabaseFunction(functionName, argumentCount: 1, pure: true) { values in
        guard let data = Data.fromDatabaseValue(values[0]) else { return nil }
        guard let text = unpack(data) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "an article's stored text is not deflated text")
        }
        return text
    }
}

/// Deflates texts into `StoredText`'s form, one after another with the same zlib stream.
///
/// Starting a stream allocates and clears about 256 KB of zlib state, which cost more than
/// deflating a 3 KB article; a reset stream deflates to the same bytes as a new one. A parsing
/// thread keeps one for all the articles it prepares (not shared: one thread at a time).
final class TextDeflater {
    // Allocated, not a stored property: zlib keeps the stream's address and checks it on every call.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init() {
        stream.initialize(to: z_stream())
        // Raw deflate (negative window bits): no zlib header or checksum, 6 bytes less a row.
        guard deflateInit2_(stream, StoredTextSettings.compressionLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib could not start a deflate stream")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func pack(_ text: String) -> Data {
        var input = Array(text.utf8)
        guard !input.isEmpty else { return Data() }
        guard deflateReset(stream) == Z_OK else { preconditionFailure("zlib could not reset a deflate stream") }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))))
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                return deflate(stream, Z_FINISH)
            }
        }
        // deflateBound is enough for Z_FINISH in one call.
        precondition(status == Z_STREAM_END, "zlib could not deflate into its own bound")
        return Data(output[0..<Int(stream.pointee.total_out)])
    }
}
