/// A position in a YAML file, 1-based, as editors and compilers print it.
///
/// libyaml reports 0-based marks; ``YAMLParser`` converts them exactly once, at the wrapper boundary.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Line number, starting at 1.
    public let line: Int
    /// Column number in characters, starting at 1.
    public let column: Int

    /// Creates a mark from 1-based line and column numbers.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
