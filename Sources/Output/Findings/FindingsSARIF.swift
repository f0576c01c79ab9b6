import Foundation
import PlanModel
import Policy

/// The `sarif` findings format: a SARIF 2.1.0 log for code-scanning tools (GitHub code scanning, Azure DevOps),
/// valid against the OASIS schema (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html).
///
/// One run; `tool.driver.rules` lists every rule of ``RuleCatalog/all`` (id, `name`, `shortDescription` = when
/// it fires, `fullDescription` = why it matters, `help` = how to fix, `helpUri` = its first source,
/// `defaultConfiguration.level`). Each remaining finding is a result with `ruleId`, `ruleIndex`, `level`
/// (`error`/`warning`), `message.text`, one `locations[].physicalLocation` (`artifactLocation.uri`: the path
/// prefixed by the tenant directory, percent-encoded; `region.startLine`/`startColumn`, 1-based), notes as
/// `relatedLocations`, and `properties.organization`. Findings covered by an exception are results with
/// `suppressions: [{kind: external, justification: reason}]`. Policy settings problems are
/// `invocations[0].toolConfigurationNotifications`; `executionSuccessful` is false when one is an error.
public enum FindingsSARIF {
    /// The schema URI written into `$schema`.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// Renders `report`.
    /// - Parameters:
    ///   - report: The policy report.
    ///   - directory: The tenant directory argument, put in front of every path.
    ///   - rules: The rule metadata to list (normally ``RuleCatalog/all``).
    /// - Returns: Pretty-printed JSON with sorted keys, ending in a newline.
    public static func render(_ report: PolicyReport, directory: String, rules: [any Rule] = RuleCatalog.all)
        -> String
    {
        let descriptors = rules.map { rule in
            ReportingDescriptor(
                id: rule.id, name: pascalCase(rule.id), shortDescription: Text(text: rule.title),
                fullDescription: Text(text: rule.whyItMatters),
                help: MultiformatText(
                    text: rule.howToFix,
                    markdown: "**Why it matters.** \(rule.whyItMatters)\n\n**How to fix.** \(rule.howToFix)"),
                helpUri: rule.references.first,
                defaultConfiguration: Configuration(level: rule.defaultSeverity.rawValue),
                properties: RuleProperties(severity: rule.severitySummary))
        }
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        func physical(_ location: SourceLocation?) -> Location? {
            guard let location else { return nil }
            let prefixed = location.prefixed(by: directory)
            let uri = prefixed.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? prefixed.file
            let region = prefixed.line > 0
                ? Region(startLine: prefixed.line, startColumn: prefixed.column > 0 ? prefixed.column : nil) : nil
            return Location(
                physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri), region: region),
                message: nil)
        }
        func result(_ diagnostic: Diagnostic, organization: String?, suppression: Suppression?) -> Result {
            let related = diagnostic.notes.compactMap { note -> Location? in
                guard let base = physical(note.location) else { return nil }
                return Location(physicalLocation: base.physicalLocation, message: Text(text: note.message))
            }
            let ruleID = diagnostic.ruleID ?? ""
            return Result(
                ruleId: ruleID, ruleIndex: index[ruleID], level: diagnostic.severity.rawValue,
                message: Text(text: diagnostic.message), locations: physical(diagnostic.location).map { [$0] } ?? [],
                relatedLocations: related.isEmpty ? nil : related,
                suppressions: suppression.map { [$0] },
                properties: organization.map { ResultProperties(organization: $0) })
        }

        var results = report.entries.map { result($0.diagnostic, organization: $0.organization, suppression: nil) }
        results += report.suppressed.map {
            result(
                $0.diagnostic, organization: $0.organization,
                suppression: Suppression(kind: "external", justification: $0.reason))
        }
        let notifications = report.settingsDiagnostics.map {
            Notification(
                level: $0.severity.rawValue, message: Text(text: $0.message),
                locations: physical($0.location).map { [$0] })
        }
        let log = Log(
            schema: schemaURI, version: "2.1.0",
            runs: [
                Run(
                    tool: Tool(
                        driver: Driver(
                            name: ToolIdentity.name,
                            version: ToolIdentity.version,
                            informationUri: nil,
                            rules: descriptors)),
                    invocations: [
                        Invocation(
                            executionSuccessful: !report.hasSettingsErrors,
                            toolConfigurationNotifications: notifications.isEmpty ? nil : notifications)
                    ],
                    results: results)
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `sso-only-password-connection` → `SsoOnlyPasswordConnection` (SARIF's `reportingDescriptor.name`).
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String?
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: MultiformatText
        let helpUri: String?
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct RuleProperties: Encodable {
        let severity: String
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct Text: Encodable {
        let text: String
    }

    struct MultiformatText: Encodable {
        let text: String
        let markdown: String
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolConfigurationNotifications: [Notification]?
    }

    struct Notification: Encodable {
        let level: String
        let message: Text
        let locations: [Location]?
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Text
        let locations: [Location]
        let relatedLocations: [Location]?
        let suppressions: [Suppression]?
        let properties: ResultProperties?
    }

    struct ResultProperties: Encodable {
        let organization: String
    }

    struct Suppression: Encodable {
        let kind: String
        let justification: String
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let message: Text?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int?
    }
}

extension FindingsSARIF: FindingsRenderer {
    /// The `sarif` entry of ``FindingsFormat``.
    public static func render(_ report: PolicyReport, context: FindingsRenderContext) -> String {
        render(report, directory: context.directory)
    }
}
