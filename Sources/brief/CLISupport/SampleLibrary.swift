// The sample library bundled with the executable, used when a command is given no path.
import Foundation

enum SampleLibrary {
    /// The bundled folder of sample articles, or nil when the resource bundle is missing.
    static var path: String? {
        Bundle.module.url(forResource: "SampleLibrary", withExtension: nil)?.path
    }
}
