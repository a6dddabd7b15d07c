import Foundation
import PackagePlugin

/// Embeds the package's top-level `Schema/*.sql` (into KyoseiStore) and `Config/*.json` (into
/// KyoseiServices), so the migrations and the default configuration travel inside the binary.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, ext, enumName): (String, String, String)
        switch target.name {
        case "KyoseiStore": (folder, ext, enumName) = ("Schema", "sql", "EmbeddedSchema")
        case "KyoseiServices": (folder, ext, enumName) = ("Config", "json", "EmbeddedConfig")
        default: return []
        }
        let directory = context.package.directoryURL.appending(path: folder)
        let inputs = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == ext }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/*.\(ext) into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path(), enumName] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
