import Foundation
import PackagePlugin

/// Embeds the package's top-level `Schema/*.sql` (into KyoseiStore), `Config/*.json` (into
/// KyoseiServices) and the API's `openapi.yaml` (into KyoseiAPI, which serves it), so the
/// migrations, the default configuration and the API's contract travel inside the binary.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, ext, enumName): (String, String, String)
        var only: String?
        switch target.name {
        case "KyoseiStore": (folder, ext, enumName) = ("Schema", "sql", "EmbeddedSchema")
        case "KyoseiServices": (folder, ext, enumName) = ("Config", "json", "EmbeddedConfig")
        case "KyoseiAPI": (folder, ext, enumName, only) = ("Sources/KyoseiAPI", "yaml", "EmbeddedDocument", "openapi.yaml")
        default: return []
        }
        let directory = context.package.directoryURL.appending(path: folder)
        let inputs = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == ext && (only == nil || $0.lastPathComponent == only) }
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
