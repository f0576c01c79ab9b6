import CLibYAML
import Foundation
import TerminalText

/// Writes a ``YAMLEmitter/Value`` tree as YAML text through libyaml's emitter (`yaml_emitter_emit` events).
///
/// Output: one implicit document (no `---`), block style with 2-space indentation (libyaml writes a sequence
/// inside a mapping at the mapping's indentation, and empty collections as `[]` / `{}`), no line folding,
/// UTF-8 written as is, LF line ends, ending with a newline. libyaml chooses how to write each string (plain,
/// single- or double-quoted) from its content, except that:
/// - a string that would read back as another type (``needsQuotes(_:)``: `""`, `"true"`, `"123"`, `"1e3"`,
///   `"null"`, `"2027-01-31"`) is double-quoted;
/// - a string with line breaks is written as a literal block (`|`) when libyaml allows it for that text, so
///   certificates and scripts stay readable; any line break other than LF (CR, NEL, LS, PS) makes it
///   double-quoted with escapes instead, because a block scalar would read back with LF;
/// - a string holding an invisible format character (U+202E, U+200B, ...: Unicode category Cf) is double-quoted
///   and the character written as an escape (`"evil\u202Etxt"`), so a reviewer of the file sees it; libyaml
///   itself escapes only control characters and what YAML calls non-printable.
///
/// Reading the text back with ``YAMLParser`` gives the same values (scalars in the YAML 1.2 core schema).
public enum YAMLEmitter {
    /// Writes `value` as one YAML document.
    /// - Returns: The YAML text, ending with a newline.
    /// - Throws: ``YAMLEmitterError/nonFiniteNumber(_:)`` for an infinite or NaN double;
    ///   ``YAMLEmitterError/emitter(problem:)`` when libyaml refuses an event.
    public static func emit(_ value: Value) throws(YAMLEmitterError) -> String {
        let handle = EmitterHandle()
        try handle.streamStart()
        try handle.documentStart()
        try handle.node(value)
        try handle.documentEnd()
        try handle.streamEnd()
        return escapingFormatCharacters(String(decoding: handle.output.bytes, as: UTF8.self))
    }

    /// True for the scalars libyaml writes as they are but a reader would not see: Unicode format characters
    /// (category Cf: bidi marks and overrides, zero-width spaces and joiners, ...; a ZWJ inside an emoji sequence
    /// aside, as ``TerminalText/escaped(_:)`` decides). libyaml escapes only what YAML calls non-printable.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }

    /// The emitted text with every invisible scalar (``isInvisible(_:)``) written as a YAML escape (`\u202E`,
    /// `\U000E0041`). Such a scalar only occurs inside a double-quoted scalar (``EmitterHandle/style(for:)`` asks
    /// for that style whenever a string holds one), where the escape reads back as the same scalar.
    static func escapingFormatCharacters(_ text: String) -> String {
        TerminalText.escaped(text) { scalar in
            guard isInvisible(scalar) else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value > 0xFFFF
                ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// True when `text`, written as a plain scalar, would read back as something other than that string: the
    /// empty string; null (`~`, `null`); booleans of YAML 1.2 and 1.1 (`true`, `False`, `yes`, `off`, `y`, …);
    /// numbers of any base (`12`, `-1.5`, `1e3`, `0x1F`, `0o17`, `.inf`, `.NaN`); and anything made only of
    /// digits and `+ - . _ : e E` (YAML 1.1 reads `1_000` and `1:30` as numbers, and `2027-01-31` as a date).
    /// Such strings are written double-quoted.
    public static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        // Every reserved word and number starts with one of these bytes: most strings are decided here.
        guard startBytes.contains(first) else { return false }
        if text.utf8.count <= 6, reserved.contains(text) { return true }
        var body = Substring(text)
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") { return true }
        var digit = false
        for byte in text.utf8 {
            guard numberBytes.contains(byte) else { return false }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digit = true }
        }
        return digit
    }

    /// First bytes of the reserved words and of numbers.
    private static let startBytes = Set("~nNtTfFyYoO.+-0123456789".utf8)

    /// Plain scalars that YAML 1.2 (core schema) or YAML 1.1 read as null, a boolean or a special float.
    private static let reserved: Set<String> = [
        "~", "null", "Null", "NULL",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    ]

    private static let numberBytes = Set("0123456789+-._:eE".utf8)

    /// How a string breaks lines: not at all, only with LF, or (also) with CR, NEL, LS or PS, which YAML reads as
    /// line breaks too (and a block scalar would read back as LF).
    enum LineBreaks {
        case none, lineFeedOnly, other
    }

    /// The line breaks in `text`, from one pass over its UTF-8 bytes.
    static func lineBreaks(_ text: String) -> LineBreaks {
        var found = LineBreaks.none
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x0A: found = .lineFeedOnly
            case 0x0D: return .other
            case 0x85 where previous.1 == 0xC2: return .other  // NEL, U+0085
            case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80):
                return .other  // LS, PS: U+2028, U+2029
            default: break
            }
            previous = (previous.1, byte)
        }
        return found
    }
}

/// The bytes libyaml writes, collected by the output handler.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// Owns libyaml's emitter at a stable heap address (libyaml keeps pointers into it) and the output buffer the
/// write handler appends to.
private final class EmitterHandle {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    let output = OutputBuffer()

    init() {
        emitter = .allocate(capacity: 1)
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(
            emitter,
            { data, buffer, size in
                guard let data else { return 0 }
                let output = Unmanaged<OutputBuffer>.fromOpaque(data).takeUnretainedValue()
                if let buffer, size > 0 {
                    output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                }
                return 1
            },
            Unmanaged.passUnretained(output).toOpaque())
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    func streamStart() throws(YAMLEmitterError) {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
    }

    func documentStart() throws(YAMLEmitterError) {
        var event = yaml_event_t()
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
    }

    func documentEnd() throws(YAMLEmitterError) {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
    }

    func streamEnd() throws(YAMLEmitterError) {
        var event = yaml_event_t()
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
    }

    func node(_ value: YAMLEmitter.Value) throws(YAMLEmitterError) {
        switch value {
        case .null: try scalar("null", style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let flag): try scalar(flag ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .int(let number): try scalar(String(number), style: YAML_PLAIN_SCALAR_STYLE)
        case .double(let number):
            guard number.isFinite else { throw .nonFiniteNumber("\(number)") }
            try scalar("\(number)", style: YAML_PLAIN_SCALAR_STYLE)
        case .string(let text): try scalar(text, style: Self.style(for: text))
        case .sequence(let items):
            var event = yaml_event_t()
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event)
            for item in items { try node(item) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .mapping(let entries):
            var event = yaml_event_t()
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try emit(&event)
            for entry in entries {
                try scalar(entry.key, style: Self.style(for: entry.key))
                try node(entry.value)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }
    }

    /// The style asked of libyaml for a string; libyaml falls back to a quoted style where the one asked for
    /// cannot hold the text (a literal block in a key, a plain scalar starting with `#`, …).
    static func style(for text: String) -> yaml_scalar_style_t {
        if YAMLEmitter.needsQuotes(text) { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        // Any format character, a ZWJ in an emoji sequence too: the escapes written afterwards need double quotes.
        if text.unicodeScalars.contains(where: YAMLEmitter.isInvisible) { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        switch YAMLEmitter.lineBreaks(text) {
        case .none: return YAML_ANY_SCALAR_STYLE
        case .lineFeedOnly: return YAML_LITERAL_SCALAR_STYLE
        case .other: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        }
    }

    private func scalar(_ text: String, style: yaml_scalar_style_t) throws(YAMLEmitterError) {
        var event = yaml_event_t()
        // A terminating NUL keeps the pointer non-null for the empty string (libyaml asserts on NULL); libyaml
        // copies the value into the event.
        var bytes = Array(text.utf8) + [0]
        let count = Int32(bytes.count - 1)
        let ok = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, count, 1, 1, style)
        }
        guard ok == 1 else { throw .emitter(problem: "cannot create a scalar event (out of memory)") }
        try emit(&event)
    }

    /// Hands one event to libyaml, which takes ownership of it (and frees it even when it fails).
    private func emit(_ event: inout yaml_event_t) throws(YAMLEmitterError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown emitter error"
            throw .emitter(problem: problem)
        }
    }
}
