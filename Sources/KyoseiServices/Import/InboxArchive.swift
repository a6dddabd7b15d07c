import Foundation

/// Where an inbox run puts the files it applied: into the archive folder. A file of the same name
/// already there is never replaced (it is the record of what was applied, perhaps different
/// bytes under a reused name): the newcomer gets a numbered name beside it, and both are kept.
enum InboxArchive {
    static func move(_ paths: [String], to archive: String) throws {
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        let suffix = freeSuffix(for: paths.map { ($0 as NSString).lastPathComponent }, in: archive)
        for file in paths {
            let name = (file as NSString).lastPathComponent
            try FileManager.default.moveItem(atPath: file, toPath: (archive as NSString).appendingPathComponent(numbered(name, suffix)))
        }
    }

    /// The first suffix ("", "-2", "-3", …) under which none of the names is taken, so a file and
    /// its manifest keep the same one.
    private static func freeSuffix(for names: [String], in archive: String) -> String {
        var n = 1
        while true {
            let suffix = n == 1 ? "" : "-\(n)"
            // attributesOfItem does not follow a link: a dangling one still takes the name.
            let taken = names.contains { name in
                (try? FileManager.default.attributesOfItem(atPath: (archive as NSString).appendingPathComponent(numbered(name, suffix)))) != nil
            }
            if !taken { return suffix }
            n += 1
        }
    }

    /// `REG-221309-000012.csv` with `-2` is `REG-221309-000012-2.csv`; a manifest keeps its
    /// `.manifest.json` after the suffix, so it still sits beside its file.
    static func numbered(_ name: String, _ suffix: String) -> String {
        guard !suffix.isEmpty else { return name }
        for ending in [".manifest.json", ".csv"] where name.hasSuffix(ending) {
            return String(name.dropLast(ending.count)) + suffix + ending
        }
        return name + suffix
    }
}
