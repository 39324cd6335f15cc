// The articles bundled with Brief, opened when there is no library configured.
import Foundation

enum SampleLibrary {
    static var path: String {
        Bundle.module.url(forResource: "SampleLibrary", withExtension: nil)?.path
            ?? Bundle.module.bundlePath + "/SampleLibrary"
    }
}
