#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file a chunk at a time with read(2), so memory stays flat however long the file is.
/// Only a regular file is read: a link is not followed (a link in an inbox could point at the
/// audit signing key, whose bytes a refusal would then quote), and a FIFO or a device is refused
/// at once instead of blocking the night on a read that never ends.
final class FileChunkReader {
    private let descriptor: Int32
    private let fileName: String

    init(path: String, fileName: String) throws(IntakeError) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ELOOP
                ? "is a symbolic link; only a regular file is read, never what a link points at"
                : "cannot be opened: \(String(cString: strerror(errno)))"
            throw IntakeError(file: fileName, reason: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            let kind = switch info.st_mode & S_IFMT {
            case S_IFIFO: "a FIFO"
            case S_IFDIR: "a folder"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: "not a regular file"
            }
            close(fd)
            throw IntakeError(file: fileName, reason: "is \(kind), not a regular file; only a regular file is read")
        }
        descriptor = fd
        self.fileName = fileName
    }

    deinit { close(descriptor) }

    /// The next bytes of the file, at most `count`; empty at the end of the file.
    func read(upTo count: Int) throws(IntakeError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while true {
                let n = systemRead(descriptor, buffer.baseAddress, count)
                if n >= 0 {
                    initialized = n
                    return
                }
                if errno != EINTR {
                    failure = errno
                    initialized = 0
                    return
                }
            }
        }
        if failure != 0 {
            throw IntakeError(file: fileName, reason: "cannot be read: \(String(cString: strerror(failure)))")
        }
        return bytes
    }

    func stamp() -> FileStamp {
        var info = stat()
        fstat(descriptor, &info)
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return FileStamp(size: Int(info.st_size), modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
    }
}

/// read(2) under a name that does not collide with the class's own `read(upTo:)`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
