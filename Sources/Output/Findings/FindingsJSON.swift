import Foundation
import PlanModel
import Policy

/// The `json` findings format: a stable, versioned document for scripts.
///
/// Shape (`format_version` 1; keys sorted; an absent optional key is left out):
/// ```json
/// {
///   "format_version": 1,
///   "tool": { "name": "tenantplan", "version": "0.1.0" },
///   "findings": [
///     { "rule_id": "sso-only-password-connection", "severity": "error", "organization": "acme",
///       "message": "…", "location": { "file": "tenants/prod/customers/acme.yaml", "line": 14, "column": 7 },
///       "notes": [ { "message": "…", "location": { … } } ] }
///   ],
///   "suppressed": [ { …as a finding…, "exception": { "reason": "…", "expires": "2027-01-31",
///                                                    "location": { … } } } ],
///   "settings_diagnostics": [ { "severity": "warning", "message": "…", "location": { … } } ],
///   "summary": { "errors": 1, "warnings": 0, "suppressed": 1, "settings_errors": 0 }
/// }
/// ```
/// `organization` is absent for tenant-wide findings; `location.file` is prefixed by the tenant directory
/// argument; `line`/`column` are 1-based (0 means the whole file). A new field may be added within version 1;
/// a field is never removed or changed in meaning without raising `format_version`.
public enum FindingsJSON {
    /// The version of this format.
    public static let formatVersion = 1

    /// Renders `report`.
    /// - Parameters:
    ///   - report: The policy report.
    ///   - directory: The tenant directory argument, put in front of every path.
    /// - Returns: Pretty-printed JSON with sorted keys, ending in a newline.
    public static func render(_ report: PolicyReport, directory: String) -> String {
        func location(_ value: SourceLocation?) -> Location? {
            value.map {
                let prefixed = $0.prefixed(by: directory)
                return Location(file: prefixed.file, line: prefixed.line, column: prefixed.column)
            }
        }
        func finding(_ diagnostic: Diagnostic, organization: String?, exception: Exception?) -> Finding {
            Finding(
                ruleID: diagnostic.ruleID ?? "", severity: diagnostic.severity.rawValue, organization: organization,
                message: diagnostic.message, location: location(diagnostic.location),
                notes: diagnostic.notes.isEmpty
                    ? nil : diagnostic.notes.map { Note(message: $0.message, location: location($0.location)) },
                exception: exception)
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let document = Document(
            formatVersion: formatVersion,
            tool: ToolIdentity.json,
            findings: report.entries.map { finding($0.diagnostic, organization: $0.organization, exception: nil) },
            suppressed: report.suppressed.map {
                finding(
                    $0.diagnostic, organization: $0.organization,
                    exception: Exception(reason: $0.reason, expires: $0.expires, location: location($0.exception)))
            },
            settingsDiagnostics: report.settingsDiagnostics.map {
                SettingsDiagnostic(severity: $0.severity.rawValue, message: $0.message, location: location($0.location))
            },
            summary: Summary(
                errors: errors, warnings: report.findings.count - errors, suppressed: report.suppressed.count,
                settingsErrors: report.settingsDiagnostics.filter { $0.severity == .error }.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let formatVersion: Int
        let tool: [String: String]
        let findings: [Finding]
        let suppressed: [Finding]
        let settingsDiagnostics: [SettingsDiagnostic]
        let summary: Summary

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version", tool, findings, suppressed
            case settingsDiagnostics = "settings_diagnostics", summary
        }
    }

    struct Finding: Encodable {
        let ruleID: String
        let severity: String
        let organization: String?
        let message: String
        let location: Location?
        let notes: [Note]?
        let exception: Exception?

        enum CodingKeys: String, CodingKey {
            case ruleID = "rule_id", severity, organization, message, location, notes, exception
        }
    }

    struct Location: Encodable {
        let file: String
        let line: Int
        let column: Int
    }

    struct Note: Encodable {
        let message: String
        let location: Location?
    }

    struct Exception: Encodable {
        let reason: String
        let expires: String?
        let location: Location?
    }

    struct SettingsDiagnostic: Encodable {
        let severity: String
        let message: String
        let location: Location?
    }

    struct Summary: Encodable {
        let errors: Int
        let warnings: Int
        let suppressed: Int
        let settingsErrors: Int

        enum CodingKeys: String, CodingKey {
            case errors, warnings, suppressed, settingsErrors = "settings_errors"
        }
    }
}

extension FindingsJSON: FindingsRenderer {
    /// The `json` entry of ``FindingsFormat``.
    public static func render(_ report: PolicyReport, context: FindingsRenderContext) -> String {
        render(report, directory: context.directory)
    }
}
