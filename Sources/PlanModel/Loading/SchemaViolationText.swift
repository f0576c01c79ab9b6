import Auth0Schema
import JSONValues

/// One schema violation of a declared object in the loader's words: the YAML key path, the value (never a secret)
/// and what Auth0 requires, read from the same schema (``SchemaFacts``), at the YAML location of the value (of
/// its key for an extra member or a map with too many keys).
///
/// `customers/acme.yaml:3:9: error: organization.name: 'Acme Corp' does not match Auth0's organization name format
/// (lower-case letters, digits, '-' and '_', 1 to 50 characters)`.
struct SchemaViolationText {
    let violation: SchemaViolation
    /// The violation's path in the whole body.
    let path: [String]
    let target: SchemaTarget
    let body: DeclaredBody
    /// The validated part of the body (at `target.at`).
    let instance: JSONValue
    let strategy: String?
    /// The variable of a `${env:NAME}` value at the path.
    let environment: String?

    /// The messages and their locations (several for `additionalProperties`: one per extra key).
    func diagnostics() -> [(String, SourceLocation)] {
        let (place, rest) = body.place(of: path)
        let yamlPath = place.yamlPath + rest.map { Int($0) != nil ? "[\($0)]" : ".\($0)" }.joined()
        let value = self.value(at: violation.path)
        let facts = SchemaFacts(schemaNamed: target.schema, path: factsPath(), in: RequestSchema.validator)
        let sensitive = environment != nil || isSecret(value)
        let text = sensitive ? "(sensitive)" : (value.map(Self.text) ?? "")
        let atValue = place.value
        let atKey = (rest.isEmpty ? place.key : nil) ?? atValue

        switch violation.keyword {
        case "type":
            let wanted = Self.types(facts?.types ?? [])
            let found = value.map(Self.kind) ?? "nothing"
            if let environment {
                return [("\(yamlPath): Auth0 requires \(wanted), found a string (${env:\(environment)})", atValue)]
            }
            let detail = value.map { $0.objectValue == nil && $0.arrayValue == nil && !sensitive ? " (\(text))" : "" } ?? ""
            return [("\(yamlPath): Auth0 requires \(wanted), found \(found)\(detail)", atValue)]
        case "maxLength", "minLength":
            // A secret's length is not shown either.
            let count = sensitive ? "(sensitive)" : "\(value?.stringValue?.unicodeScalars.count ?? 0) characters"
            if violation.keyword == "minLength" {
                let minimum = facts?.minLength ?? 1
                if minimum <= 1 { return [("\(yamlPath) must not be empty", atValue)] }
                return [("\(yamlPath) is \(count); Auth0 requires at least \(minimum) characters", atValue)]
            }
            return [("\(yamlPath) is \(count); Auth0 allows at most \(facts?.maxLength ?? 0) characters", atValue)]
        case "pattern":
            var message = "\(yamlPath): \(text) does not match Auth0's pattern \(facts?.pattern ?? "")"
            if let description = facts?.description { message += " (\(Self.sentence(description)))" }
            return [(message, atValue)]
        case "format":
            let format = facts?.format ?? ""
            var message = "\(yamlPath): \(text) does not match Auth0's \(format.replacingOccurrences(of: "-", with: " ")) format"
            var parts: [String] = []
            if let summary = SchemaValidator.checkedFormatSummaries[format] { parts.append(summary) }
            if let minimum = facts?.minLength, let maximum = facts?.maxLength {
                parts.append("\(minimum) to \(maximum) characters")
            }
            if !parts.isEmpty { message += " (\(parts.joined(separator: ", ")))" }
            if format == "organization-name", !sensitive, let written = value?.stringValue {
                let suggestion = FileReader.suggestedOrganizationName(written, maxLength: facts?.maxLength ?? Int.max)
                if written.allSatisfy(\.isASCII), !suggestion.isEmpty, suggestion != written,
                    SchemaValidator.checkedFormats[format]?(suggestion) == true
                {
                    message += "; did you mean '\(suggestion)'?"
                }
            }
            return [(message, atValue)]
        case "enum", "const":
            let allowed = (facts?.allowedValues ?? []).filter { $0 != .null }.map { $0.stringValue ?? $0.compactText }
            return [("\(yamlPath): \(text) is not one of: \(allowed.joined(separator: ", "))", atValue)]
        case "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum":
            let isMaximum = violation.keyword.lowercased().hasSuffix("maximum")
            let bound = isMaximum ? facts?.maximum : facts?.minimum
            let limit = bound.map(Self.number) ?? ""
            return [("\(yamlPath) is \(text); Auth0 " + (isMaximum ? "allows at most" : "requires at least") + " \(limit)", atValue)]
        case "maxProperties", "minProperties":
            let count = value?.objectValue?.count ?? 0
            let bound = violation.keyword == "maxProperties" ? facts?.maxProperties : facts?.minProperties
            let words = violation.keyword == "maxProperties" ? "allows at most" : "requires at least"
            return [("\(yamlPath) has \(count) keys; Auth0 \(words) \(bound ?? 0)", atKey)]
        case "maxItems", "minItems":
            let count = value?.arrayValue?.count ?? 0
            let bound = violation.keyword == "maxItems" ? facts?.maxItems : facts?.minItems
            let words = violation.keyword == "maxItems" ? "allows at most" : "requires at least"
            return [("\(yamlPath) has \(count) items; Auth0 \(words) \(bound ?? 0)", atKey)]
        case "additionalProperties":
            let declared = facts?.propertyNames ?? []
            let extra = (value?.objectValue?.keys.sorted() ?? []).filter { !declared.contains($0) }
            return extra.map { key in
                let (keyPlace, keyRest) = body.place(of: path + [key])
                let location = keyRest.isEmpty ? keyPlace.key ?? keyPlace.value : atKey
                return (
                    "unknown key '\(key)' in \(yamlPath): Auth0's schema allows no other keys here (expected: "
                        + "\(declared.joined(separator: ", ")))", location
                )
            }
        default:
            let detail = sensitive ? violation.keyword : violation.message
            return [("\(yamlPath): Auth0's schema refuses this value (\(detail))", atValue)]
        }
    }

    /// The JSON value at `relative` inside ``instance``.
    private func value(at relative: [String]) -> JSONValue? {
        var current: JSONValue? = instance
        for component in relative {
            switch current {
            case .object(let members)?: current = members[component]
            case .array(let items)?: current = Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// The violation's path for ``SchemaFacts``: array indexes become `[]`.
    private func factsPath() -> [String] {
        var result: [String] = []
        var current: JSONValue? = instance
        for component in violation.path {
            if case .array(let items)? = current {
                result.append("[]")
                current = Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            } else {
                result.append(component)
                current = current?[component]
            }
        }
        return result
    }

    /// True when the value at the path is, or holds, a secret of the connection's `options`.
    private func isSecret(_ value: JSONValue?) -> Bool {
        guard let strategy, path.first == "options", path.count > 1 else { return false }
        let optionPath = path.dropFirst().joined(separator: ".")
        guard let value else { return SecretCatalogue.isSecret(strategy: strategy, path: optionPath) }
        return SecretCatalogue.containsSecret(strategy: strategy, path: optionPath, value: value)
    }

    /// A scalar as messages show it: strings in single quotes, other values as JSON.
    static func text(_ value: JSONValue) -> String {
        if let string = value.stringValue { return "'\(string)'" }
        return value.compactText
    }

    /// `a string`, `a mapping`, … for a JSON value, in YAML's words.
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .string: return "a string"
        case .int: return "a whole number"
        case .double: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        case .array: return "a sequence"
        case .object: return "a mapping"
        }
    }

    /// `a string or null` for the schema's `type` list.
    static func types(_ names: [String]) -> String {
        let words = names.map { name -> String in
            switch name {
            case "string": return "a string"
            case "integer": return "a whole number"
            case "number": return "a number"
            case "boolean": return "true or false"
            case "array": return "a sequence"
            case "object": return "a mapping"
            default: return name
            }
        }
        return words.isEmpty ? "another type" : words.joined(separator: " or ")
    }

    /// A bound without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A schema description without its closing period.
    static func sentence(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }
}
