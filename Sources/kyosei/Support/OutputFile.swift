import Foundation
import KyoseiServices
import KyoseiStore

/// A file a command writes for someone to take away (a report, an Alliance file, the night's
/// summary). It is created, never reused: `O_EXCL|O_NOFOLLOW` with its mode set before the first
/// byte, so a file or a link already at the name (one another user planted) is refused with a
/// clear message instead of being overwritten or followed.
struct OutputFile {
    private let handle: FileHandle

    init(_ path: String, mode: PrivateFileMode = .ownerOnly) throws {
        do {
            handle = try mode.createForWriting(path)
        } catch let error as PrivateFileError {
            throw ServiceError.usage(error.description)
        }
    }

    func write(_ bytes: Data) throws {
        try handle.write(contentsOf: bytes)
        try handle.close()
    }
}
