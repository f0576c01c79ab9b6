/// Where a value was written: a file relative to the tenant directory, and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Path relative to the tenant directory, e.g. `customers/acme.yaml`.
    public let file: String
    /// 1-based line; 0 when the whole file is meant (an unreadable file).
    public let line: Int
    /// 1-based column; 0 when the whole file is meant.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file` alone when no line is known.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    /// `file:line`, the form plans use.
    public var fileAndLine: String {
        line > 0 ? "\(file):\(line)" : file
    }

    /// The same location with `directory/` in front of the file, for messages read from the working directory.
    public func prefixed(by directory: String) -> SourceLocation {
        guard !directory.isEmpty, directory != "." else { return self }
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return SourceLocation(file: "\(dir)/\(file)", line: line, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A value together with the location of the YAML node it came from.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public let value: Value
    /// Where its node is written.
    public let location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
