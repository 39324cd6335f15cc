// `brief import-opml FILE`: add the feeds of an OPML export to config.toml, keeping what is there.
import ArgumentParser
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
            case .failure(let failure): throw ReadError(failure.reason)
            }
            let contents: OPMLReader.Contents
            do {
                contents = try OPMLReader.read(data)
            } catch {
                throw ReadError("\(file): \(error.reason)")
            }
            for address in contents.refused {
                StandardStreams.message("\(file): skipped \(address): not an http or https feed address")
            }
            let subscriptions = contents.subscriptions
            let added = try SubscriptionConfig.append(subscriptions, to: configFile)
            StandardStreams.output("\(added.count) feeds added to \(TerminalSafeText.clean(configFile.path)) (\(subscriptions.count - added.count) already there)")
        } catch {
            let message = error.reason.hasPrefix(file) ? error.reason : "\(file): \(error.reason)"
            StandardStreams.message(message)
            throw ExitCode(1)
        }
    }
}
