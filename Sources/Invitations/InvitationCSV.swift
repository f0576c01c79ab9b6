import Foundation

/// A CSV file of invitees (`invite --from-csv FILE`): a header row naming the columns, then one invitee per
/// record. Column `email` is the address; every other column is an `app_metadata` key (the policy's
/// `require_app_metadata` keys must be columns).
///
/// Parsing follows RFC 4180: fields separated by commas; a field in double quotes may hold commas, line breaks
/// and doubled quotes (`""`); records end with LF, CRLF or CR. Leniencies: a leading byte-order mark is dropped,
/// blank lines are skipped, spaces around unquoted fields are trimmed. Line numbers are 1-based physical lines (the
/// header is line 1); a record spanning lines is numbered by its first line.
public struct InvitationCSV: Sendable, Equatable {
    /// One record: its first line and its fields.
    public struct Record: Sendable, Equatable {
        /// The 1-based line the record starts on.
        public let line: Int
        /// The fields, unquoted.
        public let fields: [String]
        /// Why the record cannot be trusted (a stray quote), if anything.
        public let problem: String?
    }

    /// The column names, trimmed, in file order.
    public let header: [String]
    /// The records after the header, in file order.
    public let records: [Record]

    /// Parses CSV text.
    /// - Throws: ``InvitationCSVError`` for an empty file, an unterminated quoted field, or a bad header.
    public init(parsing text: String) throws {
        var all = try Self.records(text)
        guard !all.isEmpty else { throw InvitationCSVError.empty }
        let head = all.removeFirst()
        if let problem = head.problem { throw InvitationCSVError.badHeader(problem) }
        header = head.fields
        var seen: Set<String> = []
        for name in header {
            guard !name.isEmpty else { throw InvitationCSVError.badHeader("a column has no name") }
            guard seen.insert(name.lowercased()).inserted else { throw InvitationCSVError.duplicateColumn(name) }
        }
        guard header.contains(where: { $0.lowercased() == "email" }) else { throw InvitationCSVError.missingColumn("email") }
        records = all
    }

    /// The invitees, and an outcome for every record that cannot be read.
    /// - Parameters:
    ///   - required: The policy's `require_app_metadata` keys; each must be a column.
    ///   - common: `app_metadata` given on the command line for every row (a row's own value wins).
    /// - Throws: ``InvitationCSVError/missingColumn(_:)`` for a required key that is not a column.
    public func invitees(required: [String], common: [String: String] = [:]) throws
        -> (invitees: [Invitee], rejected: [InvitationOutcome])
    {
        for key in required where !header.contains(key) && (common[key] ?? "").isEmpty {
            throw InvitationCSVError.missingColumn(key)
        }
        let emailColumn = header.firstIndex { $0.lowercased() == "email" }!
        var invitees: [Invitee] = []
        var rejected: [InvitationOutcome] = []
        for record in records {
            let email = record.fields.indices.contains(emailColumn) ? record.fields[emailColumn] : nil
            if let problem = record.problem {
                rejected.append(InvitationOutcome(email: email, line: record.line, status: .rejected([.malformedRow(problem)])))
                continue
            }
            guard record.fields.count == header.count else {
                let message = "expected \(header.count) field\(header.count == 1 ? "" : "s") "
                    + "(\(header.joined(separator: ", "))), found \(record.fields.count)"
                rejected.append(InvitationOutcome(email: email, line: record.line, status: .rejected([.malformedRow(message)])))
                continue
            }
            var metadata = common
            for (name, value) in zip(header, record.fields) where name != header[emailColumn] {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { metadata[name] = trimmed }
            }
            invitees.append(Invitee(email: record.fields[emailColumn], appMetadata: metadata, line: record.line))
        }
        return (invitees, rejected)
    }

    /// Splits text into records (RFC 4180 with the leniencies above).
    static func records(_ text: String) throws -> [Record] {
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false  // the current field began with a quote
        var inQuotes = false
        var closed = false  // the current field's closing quote has been seen
        var problem: String?
        var line = 1
        var recordLine = 1

        func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r" || c == "\r\n" }
        func endField() {
            fields.append(quoted ? field : field.trimmingCharacters(in: .whitespaces))
            field = ""
            quoted = false
            closed = false
        }
        func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty && problem == nil
            if !blank { records.append(Record(line: recordLine, fields: fields, problem: problem)) }
            fields = []
            problem = nil
        }

        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        closed = true
                    }
                } else {
                    if isNewline(c) { line += 1 }
                    field.append(c)
                }
            } else if c == "," {
                endField()
            } else if isNewline(c) {
                endRecord()
                line += 1
                recordLine = line
            } else if c == "\"" {
                if !quoted, field.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    field = ""
                    quoted = true
                    inQuotes = true
                } else {
                    problem = problem ?? "a quote inside a field: quote the whole field and double the quote (\"\")"
                    field.append(c)
                }
            } else {
                if closed, c != " ", c != "\t" {
                    problem = problem ?? "text after the closing quote of a field"
                }
                if !closed { field.append(c) }
            }
            i += 1
        }
        if inQuotes { throw InvitationCSVError.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || quoted { endRecord() }
        return records
    }
}

/// Why a CSV file of invitees cannot be used at all (nothing is sent).
public enum InvitationCSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file holds no header row.
    case empty
    /// A quoted field that starts on `line` never ends.
    case unterminatedQuote(line: Int)
    /// A column the run needs (`email`, or a `require_app_metadata` key) is not in the header.
    case missingColumn(String)
    /// Two columns have the same name (compared case-insensitively).
    case duplicateColumn(String)
    /// The header row is malformed.
    case badHeader(String)

    /// The message, without the file name (the caller puts it in front).
    public var description: String {
        switch self {
        case .empty: return "the file is empty; expected a header row such as 'email,member_id'"
        case .unterminatedQuote(let line): return "line \(line): a quoted field is never closed"
        case .missingColumn(let name): return "line 1: no column '\(name)' in the header"
        case .duplicateColumn(let name): return "line 1: column '\(name)' appears twice"
        case .badHeader(let text): return "line 1: \(text)"

        }
    }
}
