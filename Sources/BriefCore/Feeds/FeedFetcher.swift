// Fetches one URL for the feed refresher: conditional GET, redirects, gzip, a timeout and a size cap.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Limits of one fetch, named so they can be tuned in one place.
public struct FeedFetchSettings: Sendable {
    /// Seconds before a request without progress is abandoned.
    public var timeout: TimeInterval = 20
    /// Responses larger than this are cut off and reported (a feed is not a 50 MB download).
    public var maximumBytes = 10 << 20
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

    /// Fetches `address`, sending the validators of the stored copy so an unchanged feed costs a 304.
    public func fetch(_ address: String, etag: String? = nil, lastModified: String? = nil) async throws(FetchError) -> FetchOutcome {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return try readLocal(address)
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: settings.timeout)
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
                         forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }

        let collector = ResponseCollector(limit: settings.maximumBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = settings.timeout
        configuration.timeoutIntervalForResource = settings.timeout * 3
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let result = await collector.run(session.dataTask(with: request))

        switch result {
        case .failure(let error):
            throw error
        case .success(let (response, body)):
            switch response.statusCode {
            case 304:
                return .notModified
            case 200..<300:
                return .fetched(body: body, etag: response.value(forHTTPHeaderField: "ETag"),
                                lastModified: response.value(forHTTPHeaderField: "Last-Modified"),
                                contentType: response.value(forHTTPHeaderField: "Content-Type"))
            default:
                let phrase = HTTPURLResponse.localizedString(forStatusCode: response.statusCode)
                throw FetchError("HTTP \(response.statusCode) \(phrase)")
            }
        }
    }

    private func readLocal(_ address: String) throws(FetchError) -> FetchOutcome {
        let path = address.hasPrefix("file://") ? (URL(string: address)?.path ?? address) : address
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw FetchError("no such file or unsupported URL scheme")
        }
        if let size = attributes[.size] as? Int, size > settings.maximumBytes {
            throw FetchError("response larger than \(settings.maximumBytes >> 20) MB; not read")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw FetchError("cannot read file") }
        return .fetched(body: data, etag: nil, lastModified: nil, contentType: nil)
    }
}

/// Collects one task's response and body, cancelling it once the body passes the size cap.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Guarded by `lock`: URLSession calls the delegate on its own queue.
    private let lock = NSLock()
    private var body = Data()
    private var response: HTTPURLResponse?
    private var tooLarge = false
    private var continuation: CheckedContinuation<Result<(HTTPURLResponse, Data), FetchError>, Never>?
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func run(_ task: URLSessionDataTask) async -> Result<(HTTPURLResponse, Data), FetchError> {
        await withCheckedContinuation { continuation in
            lock.withLock { self.continuation = continuation }
            task.resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let declared = response.expectedContentLength
        let refuse = lock.withLock {
            self.response = http
            if declared > Int64(limit) { tooLarge = true }
            return tooLarge
        }
        completionHandler(refuse ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let cancel = lock.withLock {
            guard !tooLarge else { return false }
            if body.count + data.count > limit {
                tooLarge = true
                body = Data()
                return true
            }
            body.append(data)
            return false
        }
        if cancel { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let (continuation, result) = lock.withLock { () -> (CheckedContinuation<Result<(HTTPURLResponse, Data), FetchError>, Never>?, Result<(HTTPURLResponse, Data), FetchError>) in
            let continuation = self.continuation
            self.continuation = nil
            if tooLarge { return (continuation, .failure(FetchError("response larger than \(limit >> 20) MB; download stopped"))) }
            if let error { return (continuation, .failure(Self.explain(error))) }
            guard let response else { return (continuation, .failure(FetchError("no HTTP response"))) }
            return (continuation, .success((response, body)))
        }
        continuation?.resume(returning: result)
    }

    private static func explain(_ error: Error) -> FetchError {
        guard let error = error as? URLError else { return FetchError("network error: \(error.localizedDescription)") }
        switch error.code {
        case .timedOut: return FetchError("timed out")
        case .cannotFindHost, .dnsLookupFailed: return FetchError("unreachable: host not found")
        case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet:
            return FetchError("unreachable: cannot connect to host")
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return FetchError("too many redirects")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return FetchError("TLS error: \(error.localizedDescription)")
        default: return FetchError("network error: \(error.localizedDescription)")
        }
    }
}
