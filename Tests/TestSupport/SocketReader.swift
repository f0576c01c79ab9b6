import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one HTTP/1.1 request from a blocking socket.
struct SocketReader {
    let fd: Int32
    private var buffer = Data()

    init(fd: Int32) {
        self.fd = fd
    }

    /// The request, or `nil` when the peer closed or sent something unreadable.
    mutating func readRequest(onContinue: () -> Void) -> LoopbackRequest? {
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while true {
            headEnd = buffer.range(of: separator)
            if headEnd != nil { break }
            guard fill() else { return nil }
        }
        let head = String(decoding: buffer[buffer.startIndex..<headEnd!.lowerBound], as: UTF8.self)
        buffer = Data(buffer[headEnd!.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { onContinue() }
        var body = Data()
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let chunked = readChunked() else { return nil }
            body = chunked
        } else if let length = headers["content-length"].flatMap({ Int($0) }), length > 0 {
            guard let bytes = read(count: length) else { return nil }
            body = bytes
        }
        let authorization = headers.removeValue(forKey: "authorization")
        let bearer = authorization.flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let (path, query) = LoopbackRequest.split(target: String(requestLine[1]))
        return LoopbackRequest(
            method: String(requestLine[0]), path: path, query: query, headers: headers, bearerToken: bearer, body: body)
    }

    private mutating func read(count: Int) -> Data? {
        while buffer.count < count { guard fill() else { return nil } }
        let bytes = Data(buffer.prefix(count))
        buffer = Data(buffer.dropFirst(count))
        return bytes
    }

    private mutating func readLine() -> String? {
        let crlf = Data("\r\n".utf8)
        while buffer.range(of: crlf) == nil { guard fill() else { return nil } }
        let range = buffer.range(of: crlf)!
        let line = String(decoding: buffer[buffer.startIndex..<range.lowerBound], as: UTF8.self)
        buffer = Data(buffer[range.upperBound...])
        return line
    }

    private mutating func readChunked() -> Data? {
        var body = Data()
        while true {
            guard let sizeLine = readLine(),
                let size = Int(sizeLine.split(separator: ";").first.map(String.init) ?? "", radix: 16)
            else { return nil }
            if size == 0 {
                _ = readLine()
                return body
            }
            guard let chunk = read(count: size) else { return nil }
            body += chunk
            _ = readLine()
        }
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }
}
