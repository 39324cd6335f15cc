// `brief import-opml FILE`: add the feeds of an OPML export to config.toml, keeping what is there.
import ArgumentParser
import BriefConfig
import BriefCore
import BriefFeeds
import BriefUI
import Foundation

struct ImportOPMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-opml",
        abstract: "Append the feeds of an OPML file (newsboat, Feedly…) to config.toml.")

    @Argument(help: "The OPML file.")
    var file: String

    func run() async throws {
        let configFile = BriefDirectories.current.configFile
        do throws(ReadError) {
            let data: Data
            switch FileContents.read(Array(file.utf8)) {
            case .success(let contents): data = contents
            case .failure(let failure): throw ReadError(.inaccessible, "\(file): \(failure.reason)")
            }
            let contents: OPMLReader.Contents
            do {
                contents = try OPMLReader.read(data)
            } catch {
                throw ReadError(error.kind, "\(file): \(error.reason)")
            }
            for address in contents.refused {
                StandardStreams.message("\(file): skipped \(address): not an http or https feed address")
            }
            let subscriptions = contents.subscriptions
            let config = ReaderConfig(file: configFile)
            if let problem = config.feedProblems.first {
                // Appending to a file whose feeds cannot be read could repeat or break them.
                throw ReadError(.malformed, problem)
            }
            let added = try SubscriptionConfig.append(subscriptions, to: configFile, existing: config.feeds)
            StandardStreams.output("\(added.count) feeds added to \(TerminalSafeText.clean(configFile.path)) (\(subscriptions.count - added.count) already there)")
        } catch {
            StandardStreams.message(error.reason)
            throw ExitCode(1)
        }
    }
}
