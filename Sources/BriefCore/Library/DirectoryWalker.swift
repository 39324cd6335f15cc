// The one directory walker of the program: the reader, the CLI and the cache find files the same way.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Limits on the files a library is read from.
public enum LibraryFileSettings {
    /// Files larger than this are reported rather than read: no article is tens of megabytes,
    /// and reading a multi-gigabyte file would take as much memory.
    public static let maximumFileSize = 64 << 20
}

/// A file found under a library path, with what tells a changed file from an unchanged one.
public struct WalkedFile: Hashable, Sendable {
    /// The path as shown and stored: bytes of a name that are not UTF-8 appear as `\xNN`.
    /// Constant, as `systemPath` is: the two name one file.
    public let path: String
    /// The path's bytes as the file system has them, which is what opening the file needs.
    public let systemPath: [UInt8]
    public var size: Int64
    /// Modification time, seconds since 1970.
    public var mtime: Double

    public init(path: String, systemPath: [UInt8]? = nil, size: Int64, mtime: Double) {
        self.path = path
        self.systemPath = systemPath ?? Array(path.utf8)
        self.size = size
        self.mtime = mtime
    }
}

/// What a walk found, in order: files to read and paths that could not be read.
public struct DirectoryWalk: Sendable {
    public enum Entry: Hashable, Sendable {
        case file(WalkedFile)
        case problem(FileProblem)
    }
    public var entries: [Entry] = []
    /// Roots listed completely: a file missing under one of them is gone, not merely unreadable.
    public var completeRoots: [String] = []

    public var files: [WalkedFile] {
        entries.compactMap { if case .file(let file) = $0 { file } else { nil } }
    }
    public var problems: [FileProblem] {
        entries.compactMap { if case .problem(let problem) = $0 { problem } else { nil } }
    }
}

/// Finds the files under library paths.
///
/// Directories are read depth-first in byte order of the names, skipping hidden entries (a
/// leading `.`). Symbolic links are followed, to files and to directories alike, and each
/// directory is entered once, known by its device and inode: a link to `.`, to a parent or to a
/// sibling cannot loop or repeat articles. A path given twice, or a file reached twice, comes
/// out once. Dangling links, special files (pipes, devices) and files over the size limit are
/// problems with a reason; none of them is opened.
public enum DirectoryWalker {
    public static func walk(_ roots: [String], maximumFileSize: Int = LibraryFileSettings.maximumFileSize) -> DirectoryWalk {
        var walker = Walker(maximumFileSize: maximumFileSize)
        for root in roots {
            if walker.walkRoot(root) { walker.result.completeRoots.append(root) }
        }
        return walker.result
    }

    /// `bytes` of a file name as text: UTF-8 as it is, any other byte as `\xNN`.
    public static func displayName(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let bytes = Array(bytes)
        var text = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = switch lead {
            case 0..<0x80: 1
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
            if length > 0, index + length <= bytes.count,
               let character = String(validating: bytes[index..<index + length], as: UTF8.self) {
                text += character
                index += length
            } else {
                text += "\\x" + String(lead, radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// The bytes a path shown by `displayName` stands for: each `\xNN` one byte.
    public static func systemPath(shown path: String) -> [UInt8] {
        let bytes = Array(path.utf8)
        guard path.contains("\\x") else { return bytes }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
               let value = UInt8(String(decoding: bytes[index + 2...index + 3], as: UTF8.self), radix: 16) {
                result.append(value)
                index += 4
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The reason the system gives for `code`, lowercased to follow "cannot read: ".
    static func reason(errno code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

private struct DirectoryIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

private struct Walker {
    let maximumFileSize: Int
    var result = DirectoryWalk()
    var visitedDirectories = Set<DirectoryIdentity>()
    var seenFiles = Set<String>()

    init(maximumFileSize: Int) {
        self.maximumFileSize = maximumFileSize
    }

    /// Walks one root; false when part of it could not be listed.
    mutating func walkRoot(_ root: String) -> Bool {
        var systemPath = Array(root.utf8)
        var info = Glibc.stat()
        // A path typed with `\xNN` for bytes that are not UTF-8 (as messages show them).
        if !Self.statFollowingLinks(systemPath, &info), errno == ENOENT {
            let unescaped = DirectoryWalker.systemPath(shown: root)
            if unescaped != systemPath, Self.statFollowingLinks(unescaped, &info) { systemPath = unescaped }
        }
        guard Self.statFollowingLinks(systemPath, &info) else {
            let code = errno
            problem(root, code == ENOENT ? (Self.isLink(systemPath) ? "cannot read: a dangling symbolic link" : "no such file or directory")
                                         : "cannot read: " + DirectoryWalker.reason(errno: code))
            return false
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard visitedDirectories.insert(DirectoryIdentity(info)).inserted else { return true }
            // Children are joined to the root with one slash, however the root ends.
            var shownRoot = root
            var systemRoot = systemPath
            while shownRoot.count > 1, shownRoot.hasSuffix("/") {
                shownRoot.removeLast()
                systemRoot.removeLast()
            }
            return walkDirectory(path: shownRoot, systemPath: systemRoot)
        }
        add(path: root, systemPath: systemPath, info)
        return true
    }

    /// Walks the directory's entries in byte order of their names; false when part could not be listed.
    private mutating func walkDirectory(path: String, systemPath: [UInt8]) -> Bool {
        guard let children = Self.children(of: systemPath) else {
            problem(path, "cannot list: " + DirectoryWalker.reason(errno: errno))
            return false
        }
        var complete = true
        let separator: [UInt8] = systemPath == [UInt8(ascii: "/")] ? [] : [UInt8(ascii: "/")]
        let parentPath = path == "/" ? "/" : path + "/"
        for child in children {
            let childSystemPath = systemPath + separator + child.name
            let childPath = parentPath + DirectoryWalker.displayName(child.name)
            guard case .found(let info) = child.status else {
                if case .failed(let code, let isLink) = child.status {
                    if code == ENOENT, isLink {
                        problem(childPath, "cannot read: a dangling symbolic link")
                    } else if code != ENOENT {
                        // A file removed while the walk runs is simply not there.
                        problem(childPath, "cannot read: " + DirectoryWalker.reason(errno: code))
                    }
                }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                // Entered once: a second way in (a link to `.`, a parent or a sibling) adds nothing.
                guard visitedDirectories.insert(DirectoryIdentity(info)).inserted else { continue }
                if !walkDirectory(path: childPath, systemPath: childSystemPath) { complete = false }
            } else {
                add(path: childPath, systemPath: childSystemPath, info)
            }
        }
        return complete
    }

    private mutating func add(path: String, systemPath: [UInt8], _ info: stat) {
        guard seenFiles.insert(path).inserted else { return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            problem(path, "not a regular file")
            return
        }
        let size = Int64(info.st_size)
        guard size <= maximumFileSize else {
            problem(path, "too large (\(size) bytes; the limit is \(maximumFileSize))")
            return
        }
        result.entries.append(.file(WalkedFile(
            path: path, systemPath: systemPath, size: size,
            mtime: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)))
    }

    private mutating func problem(_ path: String, _ reason: String) {
        result.entries.append(.problem(FileProblem(path: path, reason: reason)))
    }

    /// An entry of a directory: its name, and what `stat` (following links) found.
    private struct Child {
        enum Status {
            case found(stat)
            /// `stat` failed with `code`; `isLink` when the entry itself is a symbolic link.
            case failed(code: Int32, isLink: Bool)
        }
        var name: [UInt8]
        var status: Status
    }

    /// The entries of a directory, hidden ones (and `.`, `..`) left out, in byte order of their
    /// names, each stat'ed; nil when it cannot be opened. POSIX calls: Foundation's enumerator
    /// costs ~0.3 ms a file on Linux. Each entry is stat'ed relative to the open directory, so the
    /// kernel resolves one name rather than the whole path; the directory is closed before the
    /// walk enters its subdirectories, so a deep tree holds one descriptor at a time.
    private static func children(of systemPath: [UInt8]) -> [Child]? {
        guard let handle = withCString(systemPath, { opendir($0) }) else { return nil }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            // The name is read where it lies: `entry.pointee.d_name` would copy all 256 bytes
            // of the field, and the last entry of readdir's buffer may end (and its page with
            // it) right after the name's NUL.
            let start = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = Array(UnsafeRawBufferPointer(start: start, count: strlen(start.assumingMemoryBound(to: CChar.self))))
            if name.first == UInt8(ascii: ".") { continue }
            names.append(name)
        }
        names.sort(by: precedes)
        let directory = dirfd(handle)
        return names.map { name in
            var info = Glibc.stat()
            if withCString(name, { fstatat(directory, $0, &info, 0) }) == 0 { return Child(name: name, status: .found(info)) }
            let code = errno
            var linkInfo = Glibc.stat()
            let isLink = code == ENOENT && withCString(name, { fstatat(directory, $0, &linkInfo, AT_SYMLINK_NOFOLLOW) }) == 0
                && linkInfo.st_mode & S_IFMT == S_IFLNK
            return Child(name: name, status: .failed(code: code, isLink: isLink))
        }
    }

    /// Byte order of two names with `memcmp`: the generic comparison made sorting most of the
    /// time an unchanged library's refresh took.
    private static func precedes(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        let common = min(first.count, second.count)
        let order = common == 0 ? 0 : first.withUnsafeBufferPointer { one in
            second.withUnsafeBufferPointer { other in memcmp(one.baseAddress!, other.baseAddress!, common) }
        }
        return order != 0 ? order < 0 : first.count < second.count
    }

    /// `stat(2)`, which follows links; false with `errno` set when it fails.
    private static func statFollowingLinks(_ systemPath: [UInt8], _ info: inout stat) -> Bool {
        withCString(systemPath) { stat($0, &info) } == 0
    }

    private static func isLink(_ systemPath: [UInt8]) -> Bool {
        var info = Glibc.stat()
        return withCString(systemPath) { lstat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}

/// Calls `body` with `bytes` as a NUL-terminated C string.
func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
    (bytes + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
