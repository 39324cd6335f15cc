// Fetches one URL for the feed refresher: conditional GET, redirects (http and https only),
// compression, an idle timeout, a total deadline and a cap on the decoded size.
//
// Over libcurl's easy interface rather than URLSession: on Linux, URLSession hands each decoded
// chunk to its delegate through an operation queue while libcurl goes on decoding, so a cancel
// lands only after the whole response is in memory (a 1 MB gzip of zeros took 1.17 GB).
// libcurl's write callback runs inside the transfer, and returning short stops it there.
import BriefCore
import CCurl
import Foundation

/// Limits of one fetch, named so they can be tuned in one place (`[fetch]` in config.toml).
public struct FeedFetchSettings: Sendable, Equatable {
    /// Seconds without a byte received before a request is abandoned (`timeout`).
    public var timeout: TimeInterval = 20
    /// Seconds one feed may take in all, however slowly its server trickles; for `full = true`
    /// feeds the linked pages count too (`deadline`).
    public var deadline: TimeInterval = 30
    /// Responses whose decoded body is larger than this are stopped and reported
    /// (`max_feed_size_mb`; a full-text feed of 5,000 items is about 15 MB).
    public var maximumBytes = 50 << 20
    /// How many feeds are fetched at once.
    public var parallelFeeds = 4
    public var userAgent = "brief/0.1 (+terminal news reader)"

    public init() {}
}

/// What came back from one request.
public enum FetchOutcome: Sendable {
    /// 304: the stored copy is current.
    case notModified
    case fetched(body: Data, etag: String?, lastModified: String?, contentType: String?)
}

/// Why a fetch failed, in words for the status line.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Fetches URLs (and local paths, for offline feeds) with the limits in `settings`.
public struct FeedFetcher: Sendable {
    public var settings: FeedFetchSettings

    public init(settings: FeedFetchSettings = FeedFetchSettings()) { self.settings = settings }

    /// Fetches a subscription's `address` (from the user's own config: a local path or `file:`
    /// URL is read from disk), sending the validators of the stored copy so an unchanged feed
    /// costs a 304.
    public func fetch(_ address: String, etag: String? = nil, lastModified: String? = nil) async throws(FetchError) -> FetchOutcome {
        guard FeedSubscription.isWeb(address) else { return try readLocal(address) }
        return try await download(address, etag: etag, lastModified: lastModified, deadline: settings.deadline)
    }

    /// Fetches a URL that came from feed data (an item's link): only `http` and `https`, also
    /// after redirects; anything else is refused with a reason and never read.
    public func fetchLink(_ link: String, deadline: TimeInterval? = nil) async throws(FetchError) -> FetchOutcome {
        guard FeedSubscription.isWeb(link) else { throw FetchError("refused: not an http or https link") }
        return try await download(link, etag: nil, lastModified: nil, deadline: min(deadline ?? settings.deadline, settings.deadline))
    }

    /// An absolute http or https URL with a host.
    private func download(_ address: String, etag: String?, lastModified: String?, deadline: TimeInterval) async throws(FetchError) -> FetchOutcome {
        var headers = ["Accept: application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"]
        if let etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        let transfer = CurlTransfer(limit: settings.maximumBytes, idleTimeout: settings.timeout, deadline: deadline)
        let requestHeaders = headers
        let userAgent = settings.userAgent
        // libcurl blocks in poll(2) while it waits, so the transfer gets a thread of its own
        // instead of holding one of the few threads Swift's concurrency runs on.
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread {
                    continuation.resume(returning: transfer.perform(address, headers: requestHeaders, userAgent: userAgent))
                }.start()
            }
        } onCancel: {
            transfer.cancel()
        }
        let response = try result.get()
        switch response.status {
        case 304:
            return .notModified
        case 200..<300:
            return .fetched(body: response.body, etag: response.header("etag"), lastModified: response.header("last-modified"),
                            contentType: response.header("content-type"))
        default:
            throw FetchError("HTTP \(response.status) \(Self.reason(forStatus: response.status))")
        }
    }

    /// What an HTTP status means, in the words of RFC 9110 (FoundationNetworking has a table
    /// too, but linking it loads libcurl and its ~30 libraries into every process).
    static func reason(forStatus status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 402: "payment required"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 406: "not acceptable"
        case 407: "proxy authentication required"
        case 408: "request timeout"
        case 409: "conflict"
        case 410: "gone"
        case 411: "length required"
        case 412: "precondition failed"
        case 413: "content too large"
        case 414: "URI too long"
        case 415: "unsupported media type"
        case 416: "range not satisfiable"
        case 421: "misdirected request"
        case 429: "too many requests"
        case 451: "unavailable for legal reasons"
        case 500: "internal server error"
        case 501: "not implemented"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        case 505: "HTTP version not supported"
        case 300..<400: "redirection"
        case 400..<500: "client error"
        case 500..<600: "server error"
        default: "unexpected status"
        }
    }

    private func readLocal(_ address: String) throws(FetchError) -> FetchOutcome {
        let path = address.hasPrefix("file://") ? (URL(string: address)?.path ?? address) : address
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw FetchError("no such file or unsupported URL scheme")
        }
        // A FIFO or a device would block the refresh, past any deadline.
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw FetchError("not a regular file; not read") }
        if let size = attributes[.size] as? Int, size > settings.maximumBytes {
            throw FetchError("file larger than \(CurlTransfer.describe(bytes: settings.maximumBytes)); not read "
                + "(set \(SubscriptionConfig.sizeSetting) in config.toml to allow more)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw FetchError("cannot read file") }
        return .fetched(body: data, etag: nil, lastModified: nil, contentType: nil)
    }
}

/// One response: the final one after redirects.
private struct CurlResponse: Sendable {
    var status: Int
    var body: Data
    /// Header names lowercased, in the order received.
    var headers: [(name: String, value: String)]

    func header(_ name: String) -> String? { headers.last { $0.name == name }?.value }
}

/// One libcurl transfer and what its callbacks collect.
private final class CurlTransfer: @unchecked Sendable {
    enum Stop { case tooLarge, idle, deadline, cancelled }

    private static let curlReady = brief_curl_global_init() == CURLE_OK
    /// Headers kept per response: enough for any real server, a bound for a hostile one.
    private static let maximumHeaders = 256

    private let limit: Int
    private let idleTimeout: TimeInterval
    private let deadline: TimeInterval
    // Touched only by the transfer's thread: by `perform` and the callbacks it runs.
    private var body = Data()
    private var headers: [(name: String, value: String)] = []
    private var stop: Stop?
    private var started = ContinuousClock.now
    private var lastProgress = ContinuousClock.now
    private var lastReceived = -1
    /// Header bytes so far: a server sending its headers is making progress too.
    private var headerBytes = 0
    // Set from the cancelling task, read by the transfer's thread.
    private let lock = NSLock()
    private var cancelled = false

    init(limit: Int, idleTimeout: TimeInterval, deadline: TimeInterval) {
        self.limit = limit
        self.idleTimeout = idleTimeout
        self.deadline = deadline
    }

    func cancel() { lock.withLock { cancelled = true } }

    /// Runs the transfer to its end on the calling thread.
    func perform(_ address: String, headers requestHeaders: [String], userAgent: String) -> Result<CurlResponse, FetchError> {
        guard Self.curlReady else {
            let reason = brief_curl_load_error().map { String(cString: $0) } ?? "curl_global_init failed"
            return .failure(FetchError("network error: libcurl did not start (\(reason))"))
        }
        guard let handle = brief_curl_easy_init() else { return .failure(FetchError("network error: libcurl did not start")) }
        defer { brief_curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in requestHeaders { list = brief_curl_slist_append(list, header) }
        defer { brief_curl_slist_free_all(list) }
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorText.deallocate() }
        let context = Unmanaged.passUnretained(self).toOpaque()

        _ = brief_curl_set_string(handle, CURLOPT_URL, address)
        // Feeds and their links are web pages: no file:, ftp: or other scheme, not even by redirect.
        _ = brief_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = brief_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = brief_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = brief_curl_set_long(handle, CURLOPT_MAXREDIRS, 10)
        // Every encoding this libcurl can decode; the write callback sees decoded bytes.
        _ = brief_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = brief_curl_set_string(handle, CURLOPT_USERAGENT, userAgent)
        _ = brief_curl_set_pointer(handle, CURLOPT_HTTPHEADER, list)
        _ = brief_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = brief_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText)
        _ = brief_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(idleTimeout))
        // The progress callback enforces the deadline with a clear reason; this is the backstop
        // should libcurl not call it.
        _ = brief_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(deadline + 5))
        // A declared length over the cap is refused before any byte of the body is read.
        _ = brief_curl_set_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit))
        _ = brief_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = brief_curl_set_data_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().receive(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        _ = brief_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = brief_curl_set_data_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().header(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        _ = brief_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = brief_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
        _ = brief_curl_set_progress_function(handle) { context, _, received, _, _ in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().progress(received: Int(received)) ? 0 : 1
        }

        started = ContinuousClock.now
        lastProgress = started
        let code = brief_curl_easy_perform(handle)
        guard code == CURLE_OK else { return .failure(explain(code, detail: String(cString: errorText))) }
        return .success(CurlResponse(status: brief_curl_response_code(handle), body: body, headers: headers))
    }

    /// Decoded body bytes; returning less than given stops the transfer.
    private func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= limit else {
            stop = .tooLarge
            body = Data()
            return 0
        }
        if let start = bytes.baseAddress { body.append(start.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        return bytes.count
    }

    /// One header line; a status line starts a new response (after a redirect or a 100 Continue).
    private func header(_ bytes: UnsafeRawBufferPointer) -> Int {
        headerBytes += bytes.count
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = []
            body = Data()
        } else if let colon = line.firstIndex(of: ":"), headers.count < Self.maximumHeaders {
            headers.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return bytes.count
    }

    /// Called by libcurl while it works (about once a second when nothing arrives); false stops it.
    private func progress(received: Int) -> Bool {
        let now = ContinuousClock.now
        if lock.withLock({ cancelled }) {
            stop = .cancelled
        } else if started.duration(to: now) > .seconds(deadline) {
            stop = .deadline
        } else if received + headerBytes != lastReceived {
            lastReceived = received + headerBytes
            lastProgress = now
        } else if lastProgress.duration(to: now) > .seconds(idleTimeout) {
            stop = .idle
        }
        return stop == nil
    }

    private func explain(_ code: CURLcode, detail: String) -> FetchError {
        switch stop {
        case .tooLarge:
            return tooLarge
        case .idle:
            return FetchError("timed out: nothing received for \(Self.describe(seconds: idleTimeout)) "
                + "(set \(SubscriptionConfig.timeoutSetting) in config.toml to wait longer)")
        case .deadline:
            return pastDeadline
        case .cancelled:
            return FetchError("cancelled")
        case nil:
            break
        }
        let detail = detail.isEmpty ? String(cString: brief_curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_FILESIZE_EXCEEDED:
            return tooLarge
        case CURLE_UNSUPPORTED_PROTOCOL:
            // The first URL is http(s) (checked before): only a redirect leads elsewhere.
            return FetchError("refused: redirected to a URL that is not http or https")
        case CURLE_OPERATION_TIMEDOUT:
            if started.duration(to: .now) >= .seconds(deadline) { return pastDeadline }
            return FetchError("timed out: no connection within \(Self.describe(seconds: idleTimeout))")
        case CURLE_COULDNT_RESOLVE_HOST:
            return FetchError("unreachable: host not found")
        case CURLE_COULDNT_CONNECT:
            return FetchError("unreachable: cannot connect to host")
        case CURLE_TOO_MANY_REDIRECTS:
            return FetchError("too many redirects")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            return FetchError("TLS error: \(detail)")
        case CURLE_BAD_CONTENT_ENCODING:
            return FetchError("bad compressed response: \(detail)")
        default:
            return FetchError("network error: \(detail)")
        }
    }

    private var tooLarge: FetchError {
        FetchError("response larger than \(Self.describe(bytes: limit)); download stopped "
            + "(set \(SubscriptionConfig.sizeSetting) in config.toml to allow more)")
    }

    private var pastDeadline: FetchError {
        FetchError("timed out: not finished within the \(Self.describe(seconds: deadline)) deadline "
            + "(set \(SubscriptionConfig.deadlineSetting) in config.toml to allow more)")
    }

    static func describe(bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(max(1, bytes >> 10)) KB" }

    static func describe(seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int { Int((max(0.001, seconds) * 1000).rounded(.up)) }
}
