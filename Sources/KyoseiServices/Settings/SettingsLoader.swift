import Configuration
import Foundation
import KyoseiDomain

/// Loads the one `Settings` value. Precedence, highest first: environment variables
/// (`KYOSEI_` + the key in upper case with `_`, e.g. `KYOSEI_RULES_STAY_EXPIRY_WINDOW_DAYS`),
/// the city's configuration file (`--config` or `KYOSEI_CONFIG`), then the defaults in
/// `Config/kyosei.json`, which are built into the binary. Only the process that owns the data
/// loads them (the server, or its owner working in-process), so the environment that counts is
/// the service account's; a client reads `locations` alone. The suppression minimum is refused
/// below `Settings.leastSuppressionMinimum` wherever it comes from.
public enum SettingsLoader {
    public static func load(configFile: String?) async throws -> Settings {
        let read = try await reader(configFile: configFile)

        let code = try read.string("municipality.code")
        let municipality: MunicipalityCode
        do {
            municipality = try MunicipalityCode(code)
        } catch let error as ValidationError {
            throw ServiceError.invalid(ValidationError(field: "configuration municipality.code", value: code, reason: error.reason))
        }
        let path = try read.string("database.path")
        let completion = try read.int("language.completion_percent", atLeast: 1)
        do {
            _ = try CourseCompletion(percent: completion)
        } catch let error as ValidationError {
            throw ServiceError.invalid(ValidationError(field: "configuration language.completion_percent", value: String(completion), reason: error.reason))
        }
        let priority: [WaitlistGroup]
        do {
            priority = try read.strings("language.waitlist_priority").map { try WaitlistGroup(code: $0) }
        } catch let error as ValidationError {
            throw ServiceError.invalid(ValidationError(field: "configuration language.waitlist_priority", value: error.value, reason: error.reason))
        }
        return Settings(
            municipalityCode: municipality,
            databasePath: path.isEmpty ? nil : path,
            busyTimeoutMilliseconds: try read.int("database.busy_timeout_ms", atLeast: 0),
            stayExpiryWindowDays: try read.int("rules.stay_expiry_window_days", atLeast: 0),
            suppressionMinimum: try read.int("reports.suppression_minimum", atLeast: Settings.leastSuppressionMinimum),
            inboxDirectory: try read.string("inbox.directory"),
            archiveDirectory: try read.string("inbox.archive"),
            maxEndedEnrollmentsPercent: try read.int("inbox.max_ended_enrollments_percent", atLeast: 0),
            maxLeftRegisterPercent: try read.int("inbox.max_left_register_percent", atLeast: 0),
            law: try LegalThresholdSettings.load(read.strings),
            caseDefaultTeam: try read.string("cases.default_team"),
            districtTeams: try read.pairs("cases.district_teams"),
            autoResolveRules: Set(try read.strings("rules.auto_resolve")),
            staffGroup: try read.string("files.staff_group"),
            backupDirectory: try read.string("backup.directory"),
            backupGenerations: try read.int("backup.generations", atLeast: 1),
            auditSigningKeyFile: try read.string("audit.signing_key_file"),
            languageCompletionPercent: completion,
            languageNewcomerWindowDays: try read.int("language.newcomer_window_days", atLeast: 0),
            languageWaitlistPriority: priority,
            serverSocket: try read.string("server.socket"),
            serverSocketGroup: try read.string("server.socket_group"),
            serverMaxBodyBytes: try read.int("server.max_body_bytes", atLeast: 1024),
            serverThreads: try read.int("server.threads", atLeast: 2),
            serverIdleTimeoutSeconds: try read.int("server.idle_timeout_seconds", atLeast: 1))
    }

    /// Only where the database and the server's socket are, for a command that will be a client
    /// of the server: the city's policy is the server's, so a client never reads (nor trips over)
    /// policy values in its own environment.
    public static func locations(configFile: String?) async throws -> (databasePath: String?, serverSocket: String) {
        let read = try await reader(configFile: configFile)
        let path = try read.string("database.path")
        return (path.isEmpty ? nil : path, try read.string("server.socket"))
    }

    private static func reader(configFile: String?) async throws -> SettingReader {
        let bytes = Array(EmbeddedConfig.files.first { $0.name == "kyosei.json" }!.text.utf8)
        let defaults = try JSONSnapshot(data: bytes.span.bytes, providerName: "Config/kyosei.json", parsingOptions: .default)
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider().prefixKeys(with: ["kyosei"])]
        if let configFile, !configFile.isEmpty {
            guard FileManager.default.fileExists(atPath: configFile) else {
                throw ServiceError.usage("The configuration file \(configFile) does not exist.")
            }
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: .init(configFile)))
            } catch {
                throw ServiceError.usage("The configuration file \(configFile) could not be read: \(error).")
            }
        }
        return SettingReader(providers: providers, defaults: defaults)
    }
}

/// Reads one key from the first provider that has it, then from the built-in defaults. A value
/// that is present but of the wrong type is an error naming the key, never silently replaced.
private struct SettingReader {
    let providers: [any ConfigProvider]
    let defaults: JSONSnapshot

    private func lookup(_ key: String, _ type: ConfigType) throws -> ConfigContent {
        let absolute = AbsoluteConfigKey(key.split(separator: ".").map(String.init))
        for provider in providers {
            let found: ConfigValue?
            do {
                found = try provider.value(forKey: absolute, type: type).value
            } catch {
                throw ServiceError.invalid(ValidationError(
                    field: "configuration \(key)", value: "", reason: "must be a \(type) (\(provider.providerName))"))
            }
            if let found { return found.content }
        }
        guard let content = try defaults.value(forKey: absolute, type: type).value?.content else {
            throw ServiceError.internalFailure("Config/kyosei.json has no default for \(key).")
        }
        return content
    }

    func string(_ key: String) throws -> String {
        guard case .string(let value) = try lookup(key, .string) else { throw wrongType(key) }
        return value
    }

    func int(_ key: String, atLeast minimum: Int) throws -> Int {
        guard case .int(let value) = try lookup(key, .int) else { throw wrongType(key) }
        guard value >= minimum else {
            throw ServiceError.invalid(ValidationError(field: "configuration \(key)", value: String(value), reason: "must be at least \(minimum)"))
        }
        return value
    }

    func strings(_ key: String) throws -> [String] {
        guard case .stringArray(let values) = try lookup(key, .stringArray) else { throw wrongType(key) }
        return values
    }

    /// A list of `KEY=VALUE` strings as a dictionary (`["D01=east", "D02=east"]`).
    func pairs(_ key: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for item in try strings(key) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ServiceError.invalid(ValidationError(field: "configuration \(key)", value: item, reason: "must be KEY=VALUE"))
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    private func wrongType(_ key: String) -> ServiceError {
        .internalFailure("The configuration value for \(key) is of the wrong type.")
    }
}
