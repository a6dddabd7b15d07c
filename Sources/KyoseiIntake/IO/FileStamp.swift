/// Size and modification time of a file, taken when it is opened and again at the end of a read.
/// The pipeline reads a file twice (hash and detect, then parse); if the file changed in between
/// (a transfer still running), the rows parsed would not be the bytes that were hashed.
struct FileStamp: Equatable, Sendable {
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
}
