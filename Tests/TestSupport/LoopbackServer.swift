import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on `127.0.0.1` with an ephemeral port, for tests of the Auth0 HTTP client over a real
/// socket.
///
/// One thread accepts connections; each connection is read on its own thread (request line, headers, a
/// `Content-Length` or chunked body, `Expect: 100-continue` answered), the async handler is called, and the answer
/// is written with `Connection: close` (unless the response keeps the connection open for the next request and the
/// request did not ask for `Connection: close`; a
/// response may also close or reset the connection instead of answering, after a delay). Every request is recorded as `METHOD /path?sorted=query` (``requests``);
/// headers and bodies are not recorded. Call ``stop()`` when done: the accepting thread keeps the server alive
/// until then.
public final class LoopbackServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (LoopbackRequest) async -> LoopbackResponse
    private let readTimeoutSeconds: Int
    private let state = Mutex(State())

    private struct State {
        var stopped = false
        var requests: [String] = []
        var clients: Set<Int32> = []
    }

    /// Starts listening.
    /// - Parameters:
    ///   - readTimeoutSeconds: How long a connection may stay silent while a request is read before the server
    ///     closes it.
    ///   - handler: Answers each request.
    /// - Throws: ``LoopbackServerError`` when the socket cannot be opened.
    public init(
        readTimeoutSeconds: Int = 10, handler: @escaping @Sendable (LoopbackRequest) async -> LoopbackResponse
    ) throws {
        self.handler = handler
        self.readTimeoutSeconds = readTimeoutSeconds
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw LoopbackServerError.socket("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw LoopbackServerError.socket("bind/listen: \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order, as `METHOD /path?sorted=query`.
    public var requests: [String] { state.withLock { $0.requests } }

    /// Stops accepting and ends open connections. Safe to call more than once.
    ///
    /// Descriptors are only shut down here; the thread that owns each one closes it, so a descriptor number is
    /// never freed while another thread may still use it (another server in the same process could get it).
    public func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for client in state.clients { shutdown(client, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.clients.insert(client)
                return true
            }
            guard accepted else {
                close(client)
                return
            }
            Thread.detachNewThread { [self] in
                serve(client)
                state.withLock { state in
                    state.clients.remove(client)
                    close(client)
                }
            }
        }
    }

    private func serve(_ client: Int32) {
        var timeout = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var reader = SocketReader(fd: client)
        let sendContinue = { Self.write(client, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        while let request = reader.readRequest(onContinue: sendContinue) {
            state.withLock { $0.requests.append(request.line) }
            let response = Self.wait { [handler] in await handler(request) }
            if response.delaySeconds > 0 { Thread.sleep(forTimeInterval: response.delaySeconds) }
            guard !response.dropsConnection else {
                if response.resetsConnection {
                    // SO_LINGER with a zero timeout: close() sends RST instead of FIN.
                    var linger = linger(l_onoff: 1, l_linger: 0)
                    setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
                }
                return
            }
            var head = "HTTP/1.1 \(response.status) \(Self.phrase(response.status))\r\n"
            for (name, value) in response.headers.sorted(by: { $0.key < $1.key })
            where !["content-length", "connection"].contains(name.lowercased()) {
                head += "\(name): \(value)\r\n"
            }
            head += "Content-Length: \(response.body.count)\r\n"
            // A client asking for `Connection: close` gets it, as from any HTTP/1.1 server.
            let keepsOpen = response.keepsConnectionOpen && request.headers["connection"]?.lowercased() != "close"
            head += keepsOpen ? "\r\n" : "Connection: close\r\n\r\n"
            Self.write(client, Data(head.utf8) + response.body)
            guard keepsOpen else { return }
        }
    }

    /// Runs an async handler from a plain thread and waits for its answer. The handler runs on
    /// ``LoopbackExecutor``, never on the cooperative threads other tests may be blocking.
    private static func wait(_ work: @escaping @Sendable () async -> LoopbackResponse) -> LoopbackResponse {
        let box = Mutex<LoopbackResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: LoopbackExecutor.shared) {
            let response = await work()
            box.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }

    private static func write(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let sent = send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += sent
            }
        }
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
